import { ApiOutlined, AuditOutlined, LoginOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Button, Card, Col, Row, Space, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { paths, portalEnforcementPaths } from '../../../config/paths';
import { useTreeHead } from '../../../features/audit/api/audit';
import { TreeHeadCard } from '../../../features/audit/components/tree-head-card';
import { PortalLayout } from '../../layouts/portal-layout';

/** The public home page: what the platform is, and the audit log's signed tree head anyone can check. */
export function PortalHomePage() {
  const treeHead = useTreeHead();
  return (
    <PortalLayout>
      <div style={{ padding: '32px 0 24px' }}>
        <Typography.Title level={1} style={{ marginBottom: 8 }}>
          法治政府建设平台
        </Typography.Title>
        <Typography.Paragraph style={{ fontSize: 16, color: '#595959', maxWidth: 760 }}>
          示范市人民政府依法行政工作平台。行政执法、权责清单、规范性文件、重大行政决策和政务公开在这里办理和公开；平台上的每一次操作都记入可公开校验的审计日志。
        </Typography.Paragraph>
      </div>
      <Row gutter={[24, 24]}>
        <Col xs={24} lg={14}>
          <Card
            title={
              <Space>
                <SafetyCertificateOutlined style={{ color: '#a8071a' }} />
                <span>透明日志</span>
              </Space>
            }
          >
            <Typography.Paragraph>
              平台上每一次写操作都记入哈希链和默克尔树（RFC 6962
              结构），日志的树头由平台密钥签名后公开。任何人都可以用下方的根哈希和开放接口中的包含证明、一致性证明，核验某条记录确实在日志中、日志没有被改写。
            </Typography.Paragraph>
            {treeHead.error ? (
              <Typography.Text type="warning">树头暂时无法读取，请稍后刷新。</Typography.Text>
            ) : (
              <TreeHeadCard head={treeHead.data} loading={treeHead.isLoading} title="最新已签名树头" />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Space direction="vertical" size={24} style={{ width: '100%' }}>
            <Card
              title={
                <Space>
                  <AuditOutlined style={{ color: '#a8071a' }} />
                  <span>行政执法公示</span>
                </Space>
              }
            >
              <Typography.Paragraph>
                执法主体、执法人员及证号、职责与依据、执法程序、救济途径、随机抽查事项，以及公示期内的行政处罚决定。
              </Typography.Paragraph>
              <Space wrap>
                <Link to={portalEnforcementPaths.home}>
                  <Button type="primary">执法主体</Button>
                </Link>
                <Link to={portalEnforcementPaths.decisions}>
                  <Button>执法决定公示</Button>
                </Link>
              </Space>
            </Card>
            <Card
              title={
                <Space>
                  <LoginOutlined style={{ color: '#a8071a' }} />
                  <span>工作人员入口</span>
                </Space>
              }
            >
              <Typography.Paragraph>
                执法人员、法制审核人员、部门联络员、司法局和各级领导使用工作台办理业务。
              </Typography.Paragraph>
              <Link to={paths.console.signIn}>
                <Button type="primary">登录工作台</Button>
              </Link>
            </Card>
            <Card
              title={
                <Space>
                  <ApiOutlined style={{ color: '#a8071a' }} />
                  <span>开放接口</span>
                </Space>
              }
            >
              <Typography.Paragraph>
                平台的全部接口以 OpenAPI
                文档公开，公开数据（如审计日志树头、签名公钥、包含证明和一致性证明）无需登录即可调用。
              </Typography.Paragraph>
              <Space wrap>
                <Button href={paths.apiDocs}>查看接口文档</Button>
                <Button href="/api/audit/public-keys">树头签名公钥</Button>
              </Space>
            </Card>
          </Space>
        </Col>
      </Row>
    </PortalLayout>
  );
}
