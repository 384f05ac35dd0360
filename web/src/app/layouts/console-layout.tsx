import { LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Dropdown, Layout, Menu, Space, Spin, Tag, Tooltip, Typography } from 'antd';
import { Navigate, Outlet, useLocation, useNavigate } from 'react-router-dom';
import type { CurrentUser } from '../../../../contracts/accounts';
import { paths } from '../../config/paths';
import { useMe } from '../../features/auth/api/get-me';
import { useSignOut } from '../../features/auth/api/sign-out';
import { OrganizationSwitcher } from '../../features/auth/components/organization-switcher';
import { navigationFor } from '../navigation';

const { Header, Sider, Content } = Layout;

/** Distinct role names of the user, e.g. 部门联络员、执法人员. */
const roleNames = (me: CurrentUser) => [...new Set(me.roles.map((held) => held.roleLabel))];

function UserMenu({ me }: { me: CurrentUser }) {
  const navigate = useNavigate();
  const signOut = useSignOut();
  const names = roleNames(me);
  return (
    <Space size="middle">
      <Tooltip title={me.roles.map((held) => `${held.roleLabel}（${held.organizationName}）`).join('；')}>
        <Space size={4}>
          {names.slice(0, 2).map((name) => (
            <Tag key={name} color="blue" style={{ marginInlineEnd: 0 }}>
              {name.length > 8 ? `${name.slice(0, 3)}…` : name}
            </Tag>
          ))}
          {names.length > 2 ? <Tag>+{names.length - 2}</Tag> : null}
        </Space>
      </Tooltip>
      <Dropdown
        menu={{
          items: [
            {
              key: 'password',
              label: '修改密码',
              onClick: () => void navigate(paths.console.changePassword),
            },
            { type: 'divider' },
            {
              key: 'sign-out',
              icon: <LogoutOutlined />,
              label: '退出登录',
              onClick: () =>
                signOut.mutate(undefined, {
                  onSettled: () => void navigate(paths.console.signIn, { replace: true }),
                }),
            },
          ],
        }}
      >
        <Button type="text" icon={<UserOutlined />} data-testid="current-user">
          {me.user.displayName}
        </Button>
      </Dropdown>
    </Space>
  );
}

/** The console: side menu by role, header with the organization switcher and the user; pages render in the middle. */
export function ConsoleLayout() {
  const me = useMe();
  const location = useLocation();
  const navigate = useNavigate();

  if (me.isLoading) {
    return (
      <div style={{ display: 'grid', placeItems: 'center', height: '100vh' }}>
        <Spin size="large" tip="正在加载…">
          <div style={{ width: 120, height: 80 }} />
        </Spin>
      </div>
    );
  }
  if (!me.data) {
    const next = encodeURIComponent(location.pathname + location.search);
    return <Navigate to={`${paths.console.signIn}?next=${next}`} replace />;
  }
  if (me.data.user.mustChangePassword) return <Navigate to={paths.console.changePassword} replace />;

  const items = navigationFor(me.data);
  const pages = items.flatMap((item) => item.children ?? [item]);
  const selected =
    [...pages]
      .sort((a, b) => b.path.length - a.path.length)
      .find((item) => location.pathname.startsWith(item.path))?.path ?? paths.console.home;
  const openGroup = items.find((item) => item.children?.some((child) => child.path === selected))?.path;

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Sider width={208} theme="dark" breakpoint="lg" collapsedWidth={64}>
        <div
          style={{
            height: 64,
            display: 'flex',
            alignItems: 'center',
            justifyContent: 'center',
            color: '#fff',
            fontSize: 17,
            fontWeight: 600,
            letterSpacing: 1,
            whiteSpace: 'nowrap',
            overflow: 'hidden',
          }}
        >
          法治政府建设平台
        </div>
        <Menu
          theme="dark"
          mode="inline"
          selectedKeys={[selected]}
          defaultOpenKeys={openGroup ? [openGroup] : []}
          items={items.map((item) => ({
            key: item.path,
            icon: item.icon,
            label: item.label,
            children: item.children?.map((child) => ({ key: child.path, label: child.label })),
          }))}
          onClick={({ key }) => void navigate(key)}
        />
      </Sider>
      <Layout>
        <Header
          style={{
            background: '#fff',
            padding: '0 24px',
            display: 'flex',
            alignItems: 'center',
            justifyContent: 'space-between',
            gap: 16,
            borderBottom: '1px solid #f0f0f0',
          }}
        >
          <Space>
            <Typography.Text type="secondary">当前组织</Typography.Text>
            <OrganizationSwitcher me={me.data} />
          </Space>
          <UserMenu me={me.data} />
        </Header>
        <Content style={{ margin: 24 }}>
          <Outlet />
        </Content>
      </Layout>
    </Layout>
  );
}
