import { Card, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { paths } from '../../../config/paths';
import { sessionExpiredNotice } from '../../../lib/api-client';
import { SignInForm } from '../../../features/auth/components/sign-in-form';

/** Only console addresses are followed after sign-in, so the link cannot send the user elsewhere. */
const safeNext = (next: string | null) =>
  next?.startsWith('/admin') && !next.startsWith(paths.console.signIn) ? next : paths.console.home;

export function SignInPage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const notice = params.get('reason') === 'expired' ? sessionExpiredNotice : null;
  return (
    <div
      style={{
        minHeight: '100vh',
        display: 'grid',
        placeItems: 'center',
        background: 'linear-gradient(160deg, #a8071a 0%, #5c0011 100%)',
        padding: 16,
      }}
    >
      <Card style={{ width: 420, maxWidth: '100%' }} styles={{ body: { padding: 32 } }}>
        <Typography.Title level={3} style={{ textAlign: 'center', marginBottom: 4 }}>
          法治政府建设平台
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ textAlign: 'center', marginBottom: 24 }}>
          示范市 · 工作人员登录
        </Typography.Paragraph>
        <SignInForm
          notice={notice}
          onSignedIn={(result) => {
            queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== 'auth' });
            void navigate(
              result.mustChangePassword ? paths.console.changePassword : safeNext(params.get('next')),
              {
                replace: true,
              },
            );
          }}
        />
        <div style={{ textAlign: 'center', marginTop: 16 }}>
          <Link to={paths.portal.home}>返回门户首页</Link>
        </div>
      </Card>
    </div>
  );
}
