import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Input, Progress, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import {
  spotCheckPlanStateLabels,
  spotCheckPlanStates,
  type SpotCheckPlanState,
  type SpotCheckPlanView,
} from '../../../../../contracts/spotchecks';
import { PageHeader } from '../../../components/page-header';
import { formatDate, todayCivil } from '../../../lib/format';
import { usePlans, type PlanListParams } from '../api/plans';
import { planPaths } from '../plan-paths';
import { PlanStateTag } from './spotcheck-tags';

const thisYear = Number(todayCivil().slice(0, 4));
const years = Array.from({ length: 5 }, (_, index) => thisYear + 1 - index);

/** The plan's departments, marked 联合 when several inspect together (the lead first). */
export function PlanDepartments({
  plan,
}: {
  plan: Pick<SpotCheckPlanView, 'organizationNames' | 'isJoint'>;
}) {
  return (
    <span>
      {plan.isJoint ? <Tag color="purple">联合抽查</Tag> : null}
      {plan.organizationNames.join('、')}
    </span>
  );
}

/** How far the plan's tasks are: completed of drawn. */
export function PlanProgress({ plan }: { plan: SpotCheckPlanView }) {
  if (plan.state === 'draft' || plan.state === 'committed' || plan.state === 'cancelled') {
    return <Typography.Text type="secondary">尚未抽取</Typography.Text>;
  }
  if (plan.taskCount === 0) return <Typography.Text type="secondary">没有抽中对象</Typography.Text>;
  return (
    <Space direction="vertical" size={0} style={{ width: '100%' }}>
      <Progress
        percent={Math.round((plan.completedTaskCount / plan.taskCount) * 100)}
        size="small"
        showInfo={false}
        status={plan.completedTaskCount === plan.taskCount ? 'success' : 'active'}
      />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        已完成 {plan.completedTaskCount} / {plan.taskCount} 户
      </Typography.Text>
    </Space>
  );
}

/** 抽查计划: every plan in scope, searched by name or number and filtered by state and year. */
export function PlansView({ canCreate }: { canCreate: boolean }) {
  const [filter, setFilter] = useState<PlanListParams>({ page: 1, pageSize: 20 });
  const list = usePlans(filter);
  const navigate = useNavigate();
  const change = (next: Partial<PlanListParams>) =>
    setFilter((current) => ({ ...current, page: 1, ...next }));

  return (
    <>
      <PageHeader
        title="抽查计划"
        description="“双随机、一公开”：随机抽取检查对象、随机选派检查人员，抽查情况和结果及时公开。计划先公布承诺值再抽取，抽取记录任何人都可下载复核。"
        extra={
          canCreate ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => void navigate(planPaths.newPlan)}>
              制定抽查计划
            </Button>
          ) : null
        }
      />
      <Card size="small">
        <Space wrap style={{ marginBottom: 12 }}>
          <Input.Search
            allowClear
            placeholder="按计划名称或编号搜索"
            style={{ width: 280 }}
            enterButton="搜索"
            onSearch={(value) => change({ q: value.trim() || undefined })}
          />
          <Select<SpotCheckPlanState>
            allowClear
            placeholder="计划状态"
            style={{ width: 150 }}
            value={filter.state}
            options={spotCheckPlanStates.map((value) => ({ value, label: spotCheckPlanStateLabels[value] }))}
            onChange={(state) => change({ state })}
          />
          <Select<number>
            allowClear
            placeholder="年度"
            style={{ width: 110 }}
            value={filter.year}
            options={years.map((value) => ({ value, label: `${value}年` }))}
            onChange={(year) => change({ year })}
          />
        </Space>
        <Table<SpotCheckPlanView>
          rowKey="id"
          size="middle"
          loading={list.isFetching}
          dataSource={list.data?.items ?? []}
          scroll={{ x: 1040 }}
          locale={{
            emptyText: canCreate
              ? '没有符合条件的抽查计划。点击右上角“制定抽查计划”新建。'
              : '没有符合条件的抽查计划。',
          }}
          pagination={{
            current: filter.page,
            pageSize: filter.pageSize,
            total: list.data?.total ?? 0,
            showSizeChanger: true,
            showTotal: (total) => `共 ${total.toLocaleString('zh-CN')} 个计划`,
            onChange: (page, pageSize) => setFilter((current) => ({ ...current, page, pageSize })),
          }}
          columns={[
            {
              title: '计划',
              key: 'title',
              width: 280,
              fixed: 'left',
              render: (_: unknown, row) => (
                <Space direction="vertical" size={0}>
                  <Link to={planPaths.plan(row.id)}>{row.title}</Link>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {row.planNumber}
                  </Typography.Text>
                </Space>
              ),
            },
            {
              title: '抽查部门',
              key: 'departments',
              width: 220,
              render: (_: unknown, row) => <PlanDepartments plan={row} />,
            },
            { title: '类型', dataIndex: 'triggerLabel', width: 110 },
            {
              title: '状态',
              key: 'state',
              width: 110,
              render: (_: unknown, row) => <PlanStateTag state={row.state} label={row.stateLabel} />,
            },
            {
              title: '检查期间',
              key: 'period',
              width: 150,
              render: (_: unknown, row) => (
                <Space direction="vertical" size={0}>
                  <span>{formatDate(row.periodStart)}</span>
                  <Typography.Text type="secondary">至 {formatDate(row.periodEnd)}</Typography.Text>
                </Space>
              ),
            },
            {
              title: '进度',
              key: 'progress',
              width: 150,
              render: (_: unknown, row) => <PlanProgress plan={row} />,
            },
          ]}
        />
      </Card>
    </>
  );
}
