import { Alert, Breadcrumb, Button, Card, Space, Table, Typography } from 'antd';
import { Link } from 'react-router-dom';
import type { PublicSpotCheckPlan } from '../../../../../contracts/spotchecks';
import { portalEnforcementPaths } from '../../../config/paths';
import { ApiError } from '../../../lib/api-client';
import { formatDate } from '../../../lib/format';
import { usePublicPlans } from '../api/public-spotcheck-plans';
import { portalSpotcheckPaths } from '../spotcheck-portal-paths';
import { HashText } from '../../../components/hash-text';
import { DepartmentNames, PlanStateTag } from './plan-state-tag';

const pageSize = 10;

const countText = (value: number | null) => (value === null ? '—' : value.toLocaleString('zh-CN'));

/** 双随机抽查公示: every plan whose 承诺值 was published, newest first, cancelled ones included. */
export function PublicPlansView({
  page,
  onPageChange,
}: {
  page: number;
  onPageChange: (page: number) => void;
}) {
  const plans = usePublicPlans({ page, pageSize });
  return (
    <>
      <Breadcrumb
        style={{ marginBottom: 16 }}
        items={[
          { title: <Link to={portalEnforcementPaths.home}>行政执法公示</Link> },
          { title: '双随机抽查公示' },
        ]}
      />
      <Typography.Title level={2} style={{ marginTop: 0 }}>
        双随机抽查公示
      </Typography.Title>
      <Typography.Paragraph style={{ color: '#595959', maxWidth: 860 }}>
        “双随机、一公开”是指随机抽取检查对象、随机选派检查人员，抽查情况和查处结果及时向社会公开。每项抽查计划在抽取前公布“承诺值”，抽取后公布种子和完整的抽取记录，任何人都可以下载记录、自行复核抽取结果。
      </Typography.Paragraph>
      <Space style={{ marginBottom: 16 }} wrap>
        <Link to={portalSpotcheckPaths.verify}>
          <Button type="primary">复核抽取记录</Button>
        </Link>
      </Space>
      <Card>
        {plans.error ? (
          <Alert
            type="error"
            showIcon
            message={
              plans.error instanceof ApiError ? plans.error.message : '抽查计划暂时无法读取，请稍后再试'
            }
          />
        ) : (
          <Table<PublicSpotCheckPlan>
            rowKey="id"
            loading={plans.isLoading}
            dataSource={plans.data?.items ?? []}
            scroll={{ x: 1080 }}
            locale={{ emptyText: '暂无已公布的抽查计划' }}
            pagination={{
              current: page,
              pageSize,
              total: plans.data?.total ?? 0,
              showSizeChanger: false,
              showTotal: (total) => `共 ${total} 项计划`,
              onChange: onPageChange,
            }}
            columns={[
              {
                title: '抽查计划',
                key: 'plan',
                width: 200,
                render: (_, plan) => (
                  <Space direction="vertical" size={2}>
                    <Link to={portalSpotcheckPaths.plan(plan.id)}>{plan.title}</Link>
                    <Typography.Text type="secondary">{plan.planNumber}</Typography.Text>
                  </Space>
                ),
              },
              {
                title: '抽查部门',
                key: 'departments',
                width: 140,
                render: (_, plan) => (
                  <DepartmentNames names={plan.organizationNames} isJoint={plan.isJoint} />
                ),
              },
              {
                title: '抽查事项',
                dataIndex: 'itemNames',
                width: 140,
                render: (names: string[]) =>
                  names.length > 1 ? `${names[0] ?? ''} 等 ${names.length} 项` : names.join(''),
              },
              {
                title: '检查期间',
                key: 'period',
                width: 140,
                render: (_, plan) => (
                  <span style={{ whiteSpace: 'nowrap' }}>
                    {formatDate(plan.periodStart)}至
                    <br />
                    {formatDate(plan.periodEnd)}
                  </span>
                ),
              },
              {
                title: '状态',
                dataIndex: 'stateLabel',
                width: 100,
                render: (label: string) => <PlanStateTag label={label} />,
              },
              {
                title: '对象总数（户）',
                dataIndex: 'populationCount',
                width: 90,
                align: 'right',
                render: (value: number | null) => countText(value),
              },
              {
                title: '抽中（户）',
                dataIndex: 'taskCount',
                width: 80,
                align: 'right',
                render: (value: number, plan) =>
                  plan.drawnAt ? countText(value) : plan.cancelReason ? '未抽取' : '待抽取',
              },
              {
                title: '承诺值',
                dataIndex: 'commitment',
                width: 190,
                render: (value: string | null) => (
                  <span style={{ whiteSpace: 'nowrap' }}>
                    <HashText value={value} isShort />
                  </span>
                ),
              },
            ]}
          />
        )}
      </Card>
    </>
  );
}
