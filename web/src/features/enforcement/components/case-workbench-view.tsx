import { Alert, Button, Card, Col, Row, Statistic, Table, Tag, Tooltip, Typography } from 'antd';
import { Link } from 'react-router-dom';
import type { CaseView, CaseWorkbench } from '../../../../../contracts/enforcement';
import type { DeadlineView } from '../../../../../contracts/procedures';
import { PageHeader } from '../../../components/page-header';
import { ApiError } from '../../../lib/api-client';
import { formatDate, todayCivil } from '../../../lib/format';
import { useCaseWorkbench } from '../api/get-cases';
import { CaseStateTags } from './case-detail-view';

type DeadlineRow = CaseWorkbench['dueSoon'][number];

/** Cases waiting for the user: 案号, 案由, 当事人, 环节, 最近期限. */
function CaseList({
  cases,
  emptyText,
  casePath,
}: {
  cases: CaseView[];
  emptyText: string;
  casePath: (id: string) => string;
}) {
  return (
    <Table<CaseView>
      rowKey="id"
      size="small"
      dataSource={cases}
      pagination={{ pageSize: 10, hideOnSinglePage: true, showTotal: (total) => `共 ${total} 件` }}
      locale={{ emptyText }}
      scroll={{ x: 900 }}
      columns={[
        {
          title: '案号',
          dataIndex: 'caseNumber',
          width: 200,
          render: (caseNumber: string, row) => <Link to={casePath(row.id)}>{caseNumber}</Link>,
        },
        { title: '案由', dataIndex: 'title', ellipsis: true },
        { title: '当事人', key: 'party', width: 180, render: (_: unknown, row) => row.party.name },
        {
          title: '办理环节',
          key: 'state',
          width: 220,
          render: (_: unknown, row) => <CaseStateTags caseView={row} />,
        },
        {
          title: '最近期限',
          dataIndex: 'nextDueDate',
          width: 130,
          render: (value: string | null, row) => (
            <Typography.Text type={row.overdue ? 'danger' : undefined}>{formatDate(value)}</Typography.Text>
          ),
        },
      ]}
    />
  );
}

/** Deadlines with their case: which case, which deadline, due when (red once past), under which article. */
export function CaseDeadlineList({
  rows,
  emptyText,
  casePath,
  isOverdue,
}: {
  rows: DeadlineRow[];
  emptyText: string;
  casePath: (id: string) => string;
  isOverdue: boolean;
}) {
  return (
    <Table<DeadlineRow>
      rowKey={(row) => row.deadline.id}
      size="small"
      dataSource={rows}
      pagination={{ pageSize: 10, hideOnSinglePage: true, showTotal: (total) => `共 ${total} 项` }}
      locale={{ emptyText }}
      scroll={{ x: 900 }}
      onRow={() => (isOverdue ? { style: { background: '#fff1f0' } } : {})}
      columns={[
        {
          title: '案号',
          key: 'caseNumber',
          width: 200,
          render: (_: unknown, row) => <Link to={casePath(row.case.id)}>{row.case.caseNumber}</Link>,
        },
        { title: '案由', key: 'title', ellipsis: true, render: (_: unknown, row) => row.case.title },
        { title: '期限事项', key: 'label', width: 200, render: (_: unknown, row) => row.deadline.label },
        {
          title: '到期日',
          key: 'due',
          width: 140,
          render: (_: unknown, row) => (
            <Tag color={isOverdue ? 'red' : 'orange'}>{formatDate(row.deadline.dueDate)}</Tag>
          ),
        },
        {
          title: '依据',
          key: 'citation',
          ellipsis: { showTitle: false },
          render: (_: unknown, row: { deadline: DeadlineView }) => (
            <Tooltip title={row.deadline.citation} placement="topLeft">
              {row.deadline.citation}
            </Tooltip>
          ),
        },
      ]}
    />
  );
}

interface Props {
  casePath: (id: string) => string;
  casesPath: string;
  isOfficer: boolean;
  isLegalReviewer: boolean;
  isAgencyHead: boolean;
}

/** 办案工作台: my cases, the deadlines near or past, and the cases waiting for my review or decision. */
export function CaseWorkbenchView({ casePath, casesPath, isOfficer, isLegalReviewer, isAgencyHead }: Props) {
  const workbench = useCaseWorkbench();
  const data = workbench.data;
  const statistic = (title: string, value: number | undefined, color?: string) => (
    <Col xs={12} md={6}>
      <Card size="small">
        <Statistic
          title={title}
          value={value ?? 0}
          suffix="件"
          valueStyle={color ? { color } : undefined}
          loading={workbench.isLoading}
        />
      </Card>
    </Col>
  );
  return (
    <>
      <PageHeader
        title="办案工作台"
        description={`今天是 ${formatDate(data?.today ?? todayCivil())}。法定期限按工作日历计算，已逾期的标红。`}
        extra={
          <Link to={casesPath}>
            <Button>全部案件</Button>
          </Link>
        }
      />
      {workbench.error ? (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          message={workbench.error instanceof ApiError ? workbench.error.message : '工作台暂时无法读取'}
        />
      ) : null}
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        {statistic('我承办的在办案件', data?.mine.length)}
        {statistic('即将到期', data?.dueSoon.length, '#d46b08')}
        {statistic('已逾期', data?.overdue.length, '#cf1322')}
        {isLegalReviewer
          ? statistic('待法制审核', data?.awaitingLegalReview.length, '#1677ff')
          : statistic('待作出决定', data?.awaitingDecision.length, '#1677ff')}
      </Row>
      <Card
        size="small"
        title="已逾期"
        style={{ marginBottom: 16 }}
        styles={{ header: { color: '#cf1322' } }}
      >
        <CaseDeadlineList
          rows={data?.overdue ?? []}
          emptyText="没有逾期的办案期限"
          casePath={casePath}
          isOverdue
        />
      </Card>
      <Card size="small" title="即将到期" style={{ marginBottom: 16 }}>
        <CaseDeadlineList
          rows={data?.dueSoon ?? []}
          emptyText="近期没有即将到期的办案期限"
          casePath={casePath}
          isOverdue={false}
        />
      </Card>
      {isLegalReviewer ? (
        <Card size="small" title="待法制审核" style={{ marginBottom: 16 }}>
          <CaseList
            cases={data?.awaitingLegalReview ?? []}
            emptyText="没有等待法制审核的案件"
            casePath={casePath}
          />
        </Card>
      ) : null}
      {isAgencyHead ? (
        <Card size="small" title="待审批、待作出决定" style={{ marginBottom: 16 }}>
          <CaseList
            cases={data?.awaitingDecision ?? []}
            emptyText="没有等待您审批或决定的案件"
            casePath={casePath}
          />
        </Card>
      ) : null}
      {isOfficer || (data?.mine.length ?? 0) > 0 ? (
        <Card size="small" title="我承办的案件" style={{ marginBottom: 16 }}>
          <CaseList cases={data?.mine ?? []} emptyText="您目前没有承办的在办案件" casePath={casePath} />
        </Card>
      ) : null}
    </>
  );
}
