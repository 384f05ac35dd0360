import { FileSearchOutlined, IdcardOutlined, TeamOutlined } from '@ant-design/icons';
import { Alert, Card, Col, Input, Row, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import type { PublicEnforcementBody } from '../../../../../contracts/publicity';
import { portalEnforcementPaths } from '../../../config/paths';
import { ApiError } from '../../../lib/api-client';
import { usePublicEnforcementBodies } from '../api/get-public-enforcement';

const count = (value: number, unit: string) =>
  value > 0 ? `${String(value)} ${unit}` : <Typography.Text type="secondary">—</Typography.Text>;

/** 行政执法公示: the entries (bodies, decisions, certificate check) and every enforcement body with its counts. */
export function EnforcementBodiesView() {
  const bodies = usePublicEnforcementBodies();
  const [nameFilter, setNameFilter] = useState('');
  const navigate = useNavigate();
  const rows = (bodies.data ?? []).filter((body) => body.name.includes(nameFilter.trim()));

  return (
    <>
      <div style={{ padding: '8px 0 24px' }}>
        <Typography.Title level={2} style={{ marginBottom: 8 }}>
          行政执法公示
        </Typography.Title>
        <Typography.Paragraph style={{ fontSize: 15, color: '#595959', maxWidth: 860 }}>
          依照《中华人民共和国行政处罚法》和行政执法公示制度，公开各执法主体、执法人员、职责与依据、执法程序、救济途径和随机抽查事项；行政处罚等执法决定在规定时限内公示。执法人员执法时应当出示执法证件，您可以扫描证件上的二维码或输入证号核验。
        </Typography.Paragraph>
      </div>
      <Row gutter={[24, 24]} style={{ marginBottom: 24 }}>
        <Col xs={24} md={12}>
          <Card
            title={
              <Space>
                <FileSearchOutlined style={{ color: '#a8071a' }} />
                <span>执法决定公示</span>
              </Space>
            }
          >
            <Typography.Paragraph>
              查询正在公示期内的行政处罚等执法决定（个人信息已依法遮蔽）。
            </Typography.Paragraph>
            <Link to={portalEnforcementPaths.decisions}>查看执法决定</Link>
          </Card>
        </Col>
        <Col xs={24} md={12}>
          <Card
            title={
              <Space>
                <IdcardOutlined style={{ color: '#a8071a' }} />
                <span>执法证件查询</span>
              </Space>
            }
          >
            <Typography.Paragraph>输入执法证号，核验执法人员身份和证件是否有效。</Typography.Paragraph>
            <Input.Search
              allowClear
              enterButton="查询"
              placeholder="执法证号"
              style={{ maxWidth: 360 }}
              onSearch={(value) => {
                if (value.trim()) void navigate(portalEnforcementPaths.officer(value.trim()));
              }}
            />
          </Card>
        </Col>
      </Row>
      <Card
        title={
          <Space>
            <TeamOutlined style={{ color: '#a8071a' }} />
            <span>执法主体</span>
          </Space>
        }
        extra={
          <Input
            allowClear
            placeholder="按执法主体名称筛选"
            style={{ width: 220 }}
            value={nameFilter}
            onChange={(event) => setNameFilter(event.target.value)}
          />
        }
      >
        {bodies.error ? (
          <Alert
            type="error"
            showIcon
            message={bodies.error instanceof ApiError ? bodies.error.message : '执法主体暂时无法读取'}
          />
        ) : (
          <Table<PublicEnforcementBody>
            rowKey="id"
            size="middle"
            loading={bodies.isLoading}
            dataSource={rows}
            scroll={{ x: 900 }}
            locale={{ emptyText: nameFilter ? '没有名称含该文字的执法主体' : '暂无执法主体' }}
            pagination={{
              pageSize: 20,
              showSizeChanger: false,
              showTotal: (total) => `共 ${total} 个执法主体`,
            }}
            columns={[
              {
                title: '执法主体',
                dataIndex: 'name',
                render: (name: string, row) => <Link to={portalEnforcementPaths.body(row.id)}>{name}</Link>,
              },
              {
                title: '执法领域',
                dataIndex: 'enforcementField',
                width: 150,
                render: (value: string | null) => value ?? '—',
              },
              {
                title: '主体类型',
                dataIndex: 'authorityTypeLabel',
                width: 150,
                render: (value: string | null) => value ?? '—',
              },
              {
                title: '持证执法人员',
                dataIndex: 'officerCount',
                width: 120,
                align: 'right',
                render: (value: number, row) =>
                  value > 0 ? (
                    <Link to={portalEnforcementPaths.body(row.id, 'officers')}>{value} 人</Link>
                  ) : (
                    count(0, '人')
                  ),
              },
              {
                title: '权责事项',
                dataIndex: 'powerItemCount',
                width: 110,
                align: 'right',
                render: (value: number) => count(value, '项'),
              },
              {
                title: '随机抽查事项',
                dataIndex: 'spotCheckItemCount',
                width: 120,
                align: 'right',
                render: (value: number) => count(value, '项'),
              },
              {
                title: '公示中的决定',
                dataIndex: 'publishedDecisionCount',
                width: 120,
                align: 'right',
                render: (value: number, row) =>
                  value > 0 ? (
                    <Link to={`${portalEnforcementPaths.decisions}?organizationId=${row.id}`}>
                      {value} 件
                    </Link>
                  ) : (
                    count(0, '件')
                  ),
              },
            ]}
          />
        )}
      </Card>
    </>
  );
}
