import { Alert, Card, Spin, Typography } from 'antd';
import { notify } from '../../../lib/notify';
import { Navigate, useNavigate } from 'react-router-dom';
import { paths } from '../../../config/paths';
import { useMe } from '../../../features/auth/api/get-me';
import { ChangePasswordForm } from '../../../features/auth/components/change-password-form';

/** 修改密码: required after an initial or reset password, or when it has expired; also reachable from the user menu. */
export function ChangePasswordPage() {
  const me = useMe();
  const navigate = useNavigate();
  if (me.isLoading) return <Spin style={{ display: 'block', marginTop: 120 }} />;
  if (!me.data) return <Navigate to={paths.console.signIn} replace />;
  const isForced = me.data.user.mustChangePassword;
  return (
    <div
      style={{
        minHeight: '100vh',
        display: 'grid',
        placeItems: 'center',
        background: '#f5f7fa',
        padding: 16,
      }}
    >
      <Card style={{ width: 460, maxWidth: '100%' }} styles={{ body: { padding: 32 } }}>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          修改密码
        </Typography.Title>
        <Typography.Paragraph type="secondary">
          账号：{me.data.user.username}（{me.data.user.displayName}）
        </Typography.Paragraph>
        {isForced ? (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 16 }}
            message="请先修改密码"
            description="这是初始密码、管理员重置的密码或已过期的密码，修改后才能继续使用平台。"
          />
        ) : null}
        <ChangePasswordForm
          onChanged={() => {
            notify.success('密码已修改');
            void navigate(paths.console.home, { replace: true });
          }}
        />
        {isForced ? null : (
          <Typography.Link
            style={{ display: 'block', marginTop: 16, textAlign: 'center' }}
            onClick={() => void navigate(-1)}
          >
            返回
          </Typography.Link>
        )}
      </Card>
    </div>
  );
}
