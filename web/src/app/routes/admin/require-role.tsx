import { Button, Result } from 'antd';
import type { ReactNode } from 'react';
import { useNavigate } from 'react-router-dom';
import type { Role } from '../../../../../contracts/roles';
import { paths } from '../../../config/paths';
import { useMe } from '../../../features/auth/api/get-me';
import { hasAnyRole } from '../../navigation';

/** Shows the page only to the roles whose work it is; the server refuses the rest anyway. */
export function RequireRole({ roles, children }: { roles: Role[]; children: ReactNode }) {
  const me = useMe();
  const navigate = useNavigate();
  if (!me.data) return null;
  if (!hasAnyRole(me.data, roles)) {
    return (
      <Result
        status="403"
        title="无权访问"
        subTitle="您的角色不能使用这个页面。如需使用，请联系系统管理员分配角色。"
        extra={
          <Button type="primary" onClick={() => void navigate(paths.console.home)}>
            返回工作台
          </Button>
        }
      />
    );
  }
  return children;
}
