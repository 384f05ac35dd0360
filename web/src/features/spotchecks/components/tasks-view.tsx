import { Card, Input, Segmented, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import {
  spotCheckResultLabels,
  spotCheckResults,
  spotCheckTaskStateLabels,
  spotCheckTaskStates,
  type SpotCheckResult,
  type SpotCheckTaskState,
  type SpotCheckTaskView,
} from '../../../../../contracts/spotchecks';
import { PageHeader } from '../../../components/page-header';
import { formatDate, todayCivil } from '../../../lib/format';
import { useTasks, type TaskListParams } from '../api/tasks';
import { planPaths } from '../plan-paths';
import { PublicationStatus, ResultText, RiskGradeTag, TaskStateTag } from './spotcheck-tags';

/** 抽查任务: the officer's own tasks or every task in scope, filtered by state and result, searched by entity. */
export function TasksView({ isMineByDefault, canSeeAll }: { isMineByDefault: boolean; canSeeAll: boolean }) {
  const [filter, setFilter] = useState<TaskListParams>({
    page: 1,
    pageSize: 20,
    ...(isMineByDefault || !canSeeAll ? { mine: 'true' as const } : {}),
  });
  const list = useTasks(filter);
  const change = (next: Partial<TaskListParams>) =>
    setFilter((current) => ({ ...current, page: 1, ...next }));
  const today = todayCivil();

  return (
    <>
      <PageHeader
        title="抽查任务"
        description="随机抽取生成的检查任务：抽中的检查人员到现场检查、录入检查记录、确定检查结果；结果自确定之日起 20 个工作日内向社会公示。"
      />
      <Card size="small">
        <Space wrap style={{ marginBottom: 12 }}>
          {canSeeAll ? (
            <Segmented<'mine' | 'all'>
              value={filter.mine ? 'mine' : 'all'}
              options={[
                { value: 'mine', label: '我的任务' },
                { value: 'all', label: '全部任务' },
              ]}
              onChange={(value) => change({ mine: value === 'mine' ? 'true' : undefined })}
            />
          ) : null}
          <Input.Search
            allowClear
            placeholder="按检查对象名称或统一社会信用代码搜索"
            style={{ width: 320 }}
            enterButton="搜索"
            onSearch={(value) => change({ q: value.trim() || undefined })}
          />
          <Select<SpotCheckTaskState>
            allowClear
            placeholder="任务状态"
            style={{ width: 160 }}
            value={filter.state}
            options={spotCheckTaskStates.map((value) => ({ value, label: spotCheckTaskStateLabels[value] }))}
            onChange={(state) => change({ state })}
          />
          <Select<SpotCheckResult>
            allowClear
            placeholder="检查结果"
            style={{ width: 260 }}
            value={filter.result}
            options={spotCheckResults.map((value) => ({ value, label: spotCheckResultLabels[value] }))}
            onChange={(result) => change({ result })}
          />
        </Space>
        <Table<SpotCheckTaskView>
          rowKey="id"
          size="middle"
          loading={list.isFetching}
          dataSource={list.data?.items ?? []}
          scroll={{ x: 1300 }}
          locale={{
            emptyText: filter.mine ? '没有抽中您的检查任务。' : '没有符合条件的检查任务。',
          }}
          pagination={{
            current: filter.page,
            pageSize: filter.pageSize,
            total: list.data?.total ?? 0,
            showSizeChanger: true,
            showTotal: (total) => `共 ${total.toLocaleString('zh-CN')} 件`,
            onChange: (page, pageSize) => setFilter((current) => ({ ...current, page, pageSize })),
          }}
          columns={[
            {
              title: '检查对象',
              key: 'entity',
              width: 260,
              fixed: 'left',
              render: (_: unknown, row) => (
                <Space direction="vertical" size={0}>
                  <Link to={planPaths.task(row.id)}>{row.entityName}</Link>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {row.creditCode}
                  </Typography.Text>
                </Space>
              ),
            },
            {
              title: '风险分类',
              dataIndex: 'riskGrade',
              width: 90,
              render: (grade: SpotCheckTaskView['riskGrade']) => <RiskGradeTag grade={grade} />,
            },
            {
              title: '抽查计划',
              key: 'plan',
              width: 260,
              render: (_: unknown, row) => (
                <Space direction="vertical" size={0}>
                  <Link to={planPaths.plan(row.planId)}>{row.planTitle}</Link>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {row.planNumber} 第 {row.seq} 号{row.isJoint ? ' · 联合抽查' : ''}
                  </Typography.Text>
                </Space>
              ),
            },
            {
              title: '检查人员',
              key: 'inspectors',
              width: 150,
              render: (_: unknown, row) => row.inspectors.map((inspector) => inspector.name).join('、'),
            },
            {
              title: '状态',
              key: 'state',
              width: 130,
              render: (_: unknown, row) => <TaskStateTag state={row.state} label={row.stateLabel} />,
            },
            {
              title: '检查期限',
              dataIndex: 'periodEnd',
              width: 130,
              render: (value: string, row) =>
                row.state === 'assigned' && value < today ? (
                  <Typography.Text type="danger">{formatDate(value)}</Typography.Text>
                ) : (
                  formatDate(value)
                ),
            },
            {
              title: '检查结果',
              key: 'result',
              width: 180,
              render: (_: unknown, row) => <ResultText result={row.result} />,
            },
            {
              title: '结果公示',
              key: 'publication',
              width: 190,
              render: (_: unknown, row) => <PublicationStatus task={row} />,
            },
          ]}
        />
      </Card>
    </>
  );
}
