import {
  Alert,
  Card,
  Col,
  DatePicker,
  Drawer,
  Progress,
  Row,
  Space,
  Statistic,
  Table,
  Tag,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useState, type ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { caseProcedureLabels, caseSourceLabels } from '../../../../../contracts/enforcement';
import type {
  CountByKey,
  StatisticsCaseRow,
  StatisticsIndicator,
} from '../../../../../contracts/enforcement-oversight';
import { OrganizationTreeSelect, type TreeOption } from '../../../components/organization-tree-select';
import { PageHeader } from '../../../components/page-header';
import { casePath } from '../../../config/paths';
import { formatDate } from '../../../lib/format';
import {
  useStatistics,
  useStatisticsCases,
  type DrillDown,
  type StatisticsParams,
} from '../api/get-statistics';
import { percent, yuan } from './oversight-format';

/** A figure's card; a click opens the cases behind it. */
function FigureCard({
  title,
  onOpen,
  children,
  footer,
}: {
  title: string;
  onOpen?: (() => void) | undefined;
  children: ReactNode;
  footer?: ReactNode;
}) {
  return (
    <Card
      size="small"
      hoverable={Boolean(onOpen)}
      onClick={onOpen}
      style={{ height: '100%', cursor: onOpen ? 'pointer' : 'default' }}
      title={title}
      extra={onOpen ? <Typography.Link>查看案件</Typography.Link> : null}
    >
      {children}
      {footer ? <div style={{ marginTop: 8, color: 'rgba(0,0,0,0.45)' }}>{footer}</div> : null}
    </Card>
  );
}

/** A group's counts; a click on a row opens its cases. */
function GroupTable({
  title,
  rows,
  onOpen,
}: {
  title: string;
  rows: CountByKey[];
  onOpen: (row: CountByKey) => void;
}) {
  return (
    <Card size="small" title={title} style={{ height: '100%' }}>
      <Table<CountByKey>
        size="small"
        rowKey="key"
        pagination={false}
        dataSource={rows}
        locale={{ emptyText: '期间内没有案件' }}
        onRow={(row) => ({ onClick: () => onOpen(row), style: { cursor: 'pointer' } })}
        columns={[
          { title: '分组', dataIndex: 'label' },
          {
            title: '案件数',
            dataIndex: 'count',
            width: 90,
            align: 'right',
            render: (count: number) => <Typography.Link>{count}</Typography.Link>,
          },
        ]}
      />
    </Card>
  );
}

/** 执法统计: the figures oversight needs; each opens to the cases that make it. */
export function StatisticsView({ organizationTree }: { organizationTree: TreeOption[] }) {
  const [query, setQuery] = useState<StatisticsParams>({});
  const [drill, setDrill] = useState<DrillDown | null>(null);
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const statistics = useStatistics(query);
  const cases = useStatisticsCases(query, drill, page);
  const data = statistics.data;
  const open = (indicator: StatisticsIndicator, title: string, key?: string) => {
    setPage({ page: 1, pageSize: 20 });
    setDrill({ indicator, key, title });
  };

  return (
    <>
      <PageHeader
        title="执法统计"
        description="重大执法决定法制审核率、超期案件、案卷评查得分、案件办理和公示情况；点击任一数字查看对应案件。"
      />
      <Space wrap style={{ marginBottom: 16 }}>
        <DatePicker.RangePicker
          allowClear={false}
          value={data ? [dayjs(data.from), dayjs(data.to)] : null}
          onChange={(range) =>
            setQuery((current) => ({
              ...current,
              from: range?.[0]?.format('YYYY-MM-DD'),
              to: range?.[1]?.format('YYYY-MM-DD'),
            }))
          }
        />
        <OrganizationTreeSelect
          tree={organizationTree}
          allowClear
          placeholder="全部执法主体（含下级）"
          style={{ width: 280 }}
          value={query.organizationId}
          onChange={(organizationId) => setQuery((current) => ({ ...current, organizationId }))}
        />
        {data ? (
          <Typography.Text type="secondary">
            统计期间：{formatDate(data.from)}至{formatDate(data.to)}；超期案件按今天（{formatDate(data.today)}
            ）计算
          </Typography.Text>
        ) : null}
      </Space>
      {data ? (
        <>
          <Row gutter={[16, 16]}>
            <Col xs={24} md={12} xl={6}>
              <FigureCard
                title="重大执法决定法制审核率"
                onOpen={() => open('legalReviewMissing', '决定前未经法制审核同意的重大案件')}
                footer={`期间作出决定的重大案件 ${data.legalReview.majorDecided} 件，决定前经审核同意 ${data.legalReview.reviewed} 件，未经审核 ${data.legalReview.missing} 件`}
              >
                {data.legalReview.rate === null ? (
                  <Statistic value="—" />
                ) : (
                  <Progress
                    type="dashboard"
                    size={110}
                    percent={Math.round(data.legalReview.rate * 1000) / 10}
                    status={data.legalReview.rate < 1 ? 'exception' : 'success'}
                    format={() => percent(data.legalReview.rate)}
                  />
                )}
              </FigureCard>
            </Col>
            <Col xs={24} md={12} xl={6}>
              <FigureCard
                title="超期未办结案件"
                onOpen={() => open('overdue', '超期未办结案件')}
                footer={`超过法定期限的环节 ${data.overdue.deadlines} 个`}
              >
                <Statistic
                  value={data.overdue.cases}
                  suffix="件"
                  valueStyle={{ color: data.overdue.cases > 0 ? '#cf1322' : undefined }}
                />
              </FigureCard>
            </Col>
            <Col xs={24} md={12} xl={6}>
              <FigureCard
                title="案卷评查平均分"
                onOpen={
                  data.caseFileReview.sampled > 0 ? () => open('reviewGrade', '抽取评查的案卷') : undefined
                }
                footer={`抽取 ${data.caseFileReview.sampled} 卷，已评分 ${data.caseFileReview.scored} 卷`}
              >
                <Statistic
                  value={data.caseFileReview.averageScore ?? '—'}
                  suffix={data.caseFileReview.averageScore === null ? '' : '分'}
                />
                <Space wrap style={{ marginTop: 4 }}>
                  {data.caseFileReview.byGrade.map((grade) => (
                    <Tag
                      key={grade.key}
                      style={{ cursor: 'pointer' }}
                      onClick={(event) => {
                        event.stopPropagation();
                        open('reviewGrade', `案卷评查：${grade.label}`, grade.key);
                      }}
                    >
                      {grade.label} {grade.count}
                    </Tag>
                  ))}
                </Space>
              </FigureCard>
            </Col>
            <Col xs={24} md={12} xl={6}>
              <FigureCard
                title="行政处罚决定公示及时率"
                footer={`期间应公示 ${data.publicationTimeliness.due} 件：按期 ${data.publicationTimeliness.publishedOnTime}、逾期公示 ${data.publicationTimeliness.publishedLate}、逾期未公示 ${data.publicationTimeliness.overdueUnpublished}`}
              >
                <Statistic value={percent(data.publicationTimeliness.rate)} />
              </FigureCard>
            </Col>
            <Col xs={24} md={12} xl={6}>
              <FigureCard title="期间立案" onOpen={() => open('registered', '期间立案的案件')}>
                <Statistic value={data.registered} suffix="件" />
              </FigureCard>
            </Col>
            <Col xs={24} md={12} xl={6}>
              <FigureCard
                title="期间作出决定的重大案件"
                onOpen={() => open('majorDecided', '期间作出决定的重大案件')}
              >
                <Statistic value={data.legalReview.majorDecided} suffix="件" />
              </FigureCard>
            </Col>
            <Col xs={24} md={12} xl={6}>
              <FigureCard
                title="罚款金额"
                onOpen={() => open('fined', '期间决定罚款的案件')}
                footer={`期间决定罚款的案件 ${data.fines.cases} 件`}
              >
                <Statistic value={yuan(data.fines.totalYuan)} />
              </FigureCard>
            </Col>
          </Row>
          <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
            <Col xs={24} lg={12} xl={6}>
              <GroupTable
                title="超期环节"
                rows={data.overdue.byKey.map((row) => ({ ...row }))}
                onOpen={(row) => open('overdue', `超期：${row.label}`, row.key)}
              />
            </Col>
            <Col xs={24} lg={12} xl={6}>
              <GroupTable
                title="按办理状态"
                rows={data.byState}
                onOpen={(row) => open('byState', `办理状态：${row.label}`, row.key)}
              />
            </Col>
            <Col xs={24} lg={12} xl={6}>
              <GroupTable
                title="按案件来源"
                rows={data.bySource}
                onOpen={(row) => open('bySource', `案件来源：${row.label}`, row.key)}
              />
            </Col>
            <Col xs={24} lg={12} xl={6}>
              <GroupTable
                title="按程序类型"
                rows={data.byProcedure}
                onOpen={(row) => open('byProcedure', `程序类型：${row.label}`, row.key)}
              />
            </Col>
          </Row>
        </>
      ) : (
        <Card loading={statistics.isLoading}>
          {statistics.isError ? <Alert type="error" message="统计数据加载失败" /> : null}
        </Card>
      )}
      <Drawer
        title={drill?.title}
        width={1000}
        open={drill !== null}
        onClose={() => setDrill(null)}
        destroyOnHidden
      >
        <Table<StatisticsCaseRow>
          rowKey="id"
          size="small"
          loading={cases.isFetching}
          dataSource={cases.data?.items ?? []}
          pagination={{
            current: page.page,
            pageSize: page.pageSize,
            total: cases.data?.total ?? 0,
            showTotal: (total) => `共 ${total} 件`,
            onChange: (next, pageSize) => setPage({ page: next, pageSize }),
          }}
          columns={[
            {
              title: '案件',
              width: 340,
              render: (_, row) => (
                <Link to={casePath(row.id)}>
                  {row.caseNumber} {row.title}
                </Link>
              ),
            },
            { title: '执法主体', dataIndex: 'organizationName', width: 170 },
            {
              title: '程序 / 来源',
              width: 150,
              render: (_, row) => `${caseProcedureLabels[row.procedure]} / ${caseSourceLabels[row.source]}`,
            },
            {
              title: '状态',
              width: 130,
              render: (_, row) => (
                <Space size={4}>
                  {row.stateLabel}
                  {row.isMajor ? <Tag color="red">重大</Tag> : null}
                </Space>
              ),
            },
            {
              title: '立案日期',
              dataIndex: 'registeredOn',
              width: 120,
              render: (value: string) => formatDate(value),
            },
            {
              title: '决定日期',
              dataIndex: 'decidedOn',
              width: 120,
              render: (value: string | null) => formatDate(value),
            },
            {
              title: '说明',
              dataIndex: 'detail',
              width: 260,
              render: (value: string | null) => value ?? '—',
            },
          ]}
        />
      </Drawer>
    </>
  );
}
