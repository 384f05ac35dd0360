import { ExperimentOutlined } from '@ant-design/icons';
import { Button, Card, Input, InputNumber, Select, Space, Table, Tabs, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import {
  reviewGradeLabels,
  reviewGrades,
  reviewStatusLabels,
  reviewStatuses,
  type ReviewGrade,
  type ReviewResultRow,
  type ReviewStatus,
  type ReviewView,
} from '../../../../../contracts/enforcement-oversight';
import { OrganizationTreeSelect, type TreeOption } from '../../../components/organization-tree-select';
import { PageHeader } from '../../../components/page-header';
import { casePath } from '../../../config/paths';
import { formatDate } from '../../../lib/format';
import { useReviewResults, useReviews, type ReviewListParams } from '../api/get-case-reviews';
import { ChecklistPanel } from './checklist-panel';
import { gradeColors } from './oversight-format';
import { SampleCasesModal } from './sample-cases-modal';
import { ScoreReviewDrawer } from './score-review-drawer';

interface Props {
  organizationTree: TreeOption[];
  /** the justice bureau samples and scores; leaders read */
  canWrite: boolean;
}

/** 案卷评查: the sampled cases and their scores, the results per body, and the checklist. */
export function CaseReviewView({ organizationTree, canWrite }: Props) {
  const [isSampling, setSampling] = useState(false);
  return (
    <>
      <PageHeader
        title="案卷评查"
        description="司法局从各执法主体已结案、已归档的案件中随机抽取案卷，按评查标准逐项评分，结果计入法治政府建设考核。"
        extra={
          canWrite ? (
            <Button type="primary" icon={<ExperimentOutlined />} onClick={() => setSampling(true)}>
              抽取案卷
            </Button>
          ) : null
        }
      />
      <Tabs
        items={[
          {
            key: 'reviews',
            label: '评查案卷',
            children: <ReviewsTab organizationTree={organizationTree} canWrite={canWrite} />,
          },
          { key: 'results', label: '评查结果', children: <ResultsTab /> },
          { key: 'checklist', label: '评查标准', children: <ChecklistPanel canEdit={canWrite} /> },
        ]}
      />
      <SampleCasesModal
        open={isSampling}
        onClose={() => setSampling(false)}
        organizationTree={organizationTree}
      />
    </>
  );
}

function ReviewsTab({ organizationTree, canWrite }: Props) {
  const [filter, setFilter] = useState<ReviewListParams>({ page: 1, pageSize: 20 });
  const [scoring, setScoring] = useState<string | null>(null);
  const list = useReviews(filter);
  const change = (next: Partial<ReviewListParams>) =>
    setFilter((current) => ({ ...current, page: 1, ...next }));
  return (
    <Card size="small">
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          placeholder="评查活动名称"
          style={{ width: 260 }}
          enterButton="筛选"
          onSearch={(value) => change({ campaign: value.trim() || undefined })}
        />
        <InputNumber
          placeholder="年度"
          min={2000}
          max={2100}
          style={{ width: 100 }}
          value={filter.year ?? null}
          onChange={(year) => change({ year: year ?? undefined })}
        />
        <OrganizationTreeSelect
          tree={organizationTree}
          allowClear
          placeholder="全部执法主体"
          style={{ width: 240 }}
          value={filter.organizationId}
          onChange={(organizationId) => change({ organizationId })}
        />
        <Select<ReviewStatus>
          allowClear
          placeholder="状态"
          style={{ width: 110 }}
          value={filter.status}
          options={reviewStatuses.map((value) => ({ value, label: reviewStatusLabels[value] }))}
          onChange={(status) => change({ status })}
        />
        <Select<ReviewGrade>
          allowClear
          placeholder="等次"
          style={{ width: 110 }}
          value={filter.grade}
          options={reviewGrades.map((value) => ({ value, label: reviewGradeLabels[value] }))}
          onChange={(grade) => change({ grade })}
        />
      </Space>
      <Table<ReviewView>
        rowKey="id"
        size="middle"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        pagination={{
          current: filter.page,
          pageSize: filter.pageSize,
          total: list.data?.total ?? 0,
          showTotal: (total) => `共 ${total} 卷`,
          onChange: (page, pageSize) => setFilter((current) => ({ ...current, page, pageSize })),
        }}
        columns={[
          { title: '评查活动', dataIndex: 'campaign', width: 200 },
          { title: '执法主体', dataIndex: 'organizationName', width: 180 },
          {
            title: '案件',
            render: (_, review) => (
              <Link to={casePath(review.caseId)}>
                {review.caseNumber} {review.caseTitle}
              </Link>
            ),
          },
          {
            title: '抽取日期',
            dataIndex: 'sampledAt',
            width: 130,
            render: (value: string) => formatDate(value),
          },
          {
            title: '得分',
            width: 90,
            render: (_, review) => (review.totalScore === null ? '—' : `${review.totalScore} 分`),
          },
          {
            title: '等次',
            width: 100,
            render: (_, review) =>
              review.grade ? (
                <Tag color={gradeColors[review.grade]}>{reviewGradeLabels[review.grade]}</Tag>
              ) : (
                <Tag>{reviewStatusLabels[review.status]}</Tag>
              ),
          },
          {
            title: '操作',
            width: 90,
            render: (_, review) => (
              <Button type="link" size="small" onClick={() => setScoring(review.id)}>
                {canWrite ? (review.status === 'scored' ? '重新评分' : '评分') : '查看'}
              </Button>
            ),
          },
        ]}
      />
      <ScoreReviewDrawer reviewId={scoring} canScore={canWrite} onClose={() => setScoring(null)} />
    </Card>
  );
}

function ResultsTab() {
  const [query, setQuery] = useState<{ campaign?: string | undefined; year?: number | undefined }>({
    year: new Date().getFullYear(),
  });
  const results = useReviewResults(query);
  return (
    <Card size="small">
      <Space wrap style={{ marginBottom: 12 }}>
        <InputNumber
          placeholder="年度"
          min={2000}
          max={2100}
          style={{ width: 100 }}
          value={query.year ?? null}
          onChange={(year) => setQuery((current) => ({ ...current, year: year ?? undefined }))}
        />
        <Input.Search
          allowClear
          placeholder="评查活动名称"
          style={{ width: 260 }}
          enterButton="筛选"
          onSearch={(value) => setQuery((current) => ({ ...current, campaign: value.trim() || undefined }))}
        />
      </Space>
      <Table<ReviewResultRow>
        rowKey="organizationId"
        size="middle"
        loading={results.isFetching}
        dataSource={results.data ?? []}
        pagination={false}
        columns={[
          { title: '执法主体', dataIndex: 'organizationName' },
          { title: '抽取案卷', dataIndex: 'sampled', width: 100 },
          { title: '已评分', dataIndex: 'scored', width: 90 },
          {
            title: '平均分',
            dataIndex: 'averageScore',
            width: 100,
            sorter: (a, b) => (a.averageScore ?? -1) - (b.averageScore ?? -1),
            render: (value: number | null) => (value === null ? '—' : value.toFixed(2)),
          },
          { title: '优秀', dataIndex: 'excellent', width: 80 },
          { title: '合格', dataIndex: 'pass', width: 80 },
          { title: '不合格', dataIndex: 'fail', width: 80 },
        ]}
      />
    </Card>
  );
}
