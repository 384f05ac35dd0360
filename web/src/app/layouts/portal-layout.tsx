import { Layout, Space, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { paths, portalEntityPaths } from '../../config/paths';
import { portalSpotcheckPaths } from '../../features/spotcheck-portal/spotcheck-portal-paths';

/** The public portal's frame: the platform's name, the city, and links for staff and developers. */
export function PortalLayout({ children }: { children: ReactNode }) {
  return (
    <Layout style={{ minHeight: '100vh', background: '#f5f7fa' }}>
      <Layout.Header
        style={{
          background: '#a8071a',
          display: 'flex',
          alignItems: 'center',
          justifyContent: 'space-between',
          padding: '0 32px',
        }}
      >
        <Link
          to={paths.portal.home}
          style={{ color: '#fff', fontSize: 20, fontWeight: 600, letterSpacing: 2 }}
        >
          示范市 · 法治政府建设平台
        </Link>
        <Space size="large">
          <Link to={paths.portal.enforcement} style={{ color: '#fff' }}>
            执法公示
          </Link>
          <Link to={portalEntityPaths.search} style={{ color: '#fff' }}>
            企业信息查询
          </Link>
          <Link to={portalSpotcheckPaths.plans} style={{ color: '#fff' }}>
            双随机公示
          </Link>
          <Link to={paths.portal.powers} style={{ color: '#fff' }}>
            权责清单
          </Link>
          <Link to={paths.portal.laws} style={{ color: '#fff' }}>
            法规查询
          </Link>
          <a href={paths.apiDocs} style={{ color: '#fff' }}>
            开放接口
          </a>
          <Link to={paths.console.signIn} style={{ color: '#fff' }}>
            工作人员登录
          </Link>
        </Space>
      </Layout.Header>
      <Layout.Content style={{ padding: '32px', maxWidth: 1200, width: '100%', margin: '0 auto' }}>
        {children}
      </Layout.Content>
      <Layout.Footer style={{ textAlign: 'center', color: '#8c8c8c' }}>
        <Typography.Text type="secondary">
          示范市人民政府 主办 · 示范市司法局（法治政府建设领导小组办公室） 承办
        </Typography.Text>
      </Layout.Footer>
    </Layout>
  );
}
