import { DownloadOutlined, SafetyOutlined } from '@ant-design/icons';
import {
  Alert,
  Breadcrumb,
  Button,
  Card,
  Descriptions,
  List,
  Skeleton,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { Link } from 'react-router-dom';
import type { PublicDecision } from '../../../../../contracts/publicity';
import { drawAlgorithm, type PublicSpotCheckPlan } from '../../../../../contracts/spotchecks';
import { portalEnforcementPaths, portalEntityPaths } from '../../../config/paths';
import { ApiError } from '../../../lib/api-client';
import { formatDate, formatDateTime } from '../../../lib/format';
import {
  useDrawnEntities,
  usePlanResults,
  usePublicPlan,
  type DrawnEntity,
} from '../api/public-spotcheck-plans';
import { portalSpotcheckPaths } from '../spotcheck-portal-paths';
import { DrawFairnessCard } from './draw-fairness-card';
import { HashText } from '../../../components/hash-text';
import { DepartmentNames, PlanStateTag } from './plan-state-tag';

const breadcrumb = (current: string) => (
  <Breadcrumb
    style={{ marginBottom: 16 }}
    items={[
      { title: <Link to={portalEnforcementPaths.home}>行政执法公示</Link> },
      { title: <Link to={portalSpotcheckPaths.plans}>双随机抽查公示</Link> },
      { title: current },
    ]}
  />
);

/** One published plan: its parameters, the values that make the draw checkable, the drawn entities and results. */
export function PublicPlanView({ planId }: { planId: string }) {
  const plan = usePublicPlan(planId);
  if (plan.isLoading) {
    return (
      <>
        {breadcrumb('抽查计划')}
        <Skeleton active paragraph={{ rows: 10 }} />
      </>
    );
  }
  if (plan.error || !plan.data) {
    return (
      <>
        {breadcrumb('抽查计划')}
        <Alert
          type="warning"
          showIcon
          message={
            plan.error instanceof ApiError && plan.error.status === 404
              ? '没有找到该抽查计划，或它的承诺值尚未公布'
              : '抽查计划暂时无法读取，请稍后再试'
          }
          description={<Link to={portalSpotcheckPaths.plans}>返回双随机抽查公示</Link>}
        />
      </>
    );
  }
  const view = plan.data;
  const isDrawn = view.drawnAt !== null;
  const notDrawn = (
    <Typography.Text type="secondary">
      {view.cancelReason ? '计划已撤销，未进行抽取' : '抽取时公布'}
    </Typography.Text>
  );
  return (
    <>
      {breadcrumb(view.planNumber)}
      <Typography.Title level={2} style={{ marginTop: 0, marginBottom: 8 }}>
        {view.title}
      </Typography.Title>
      <Space style={{ marginBottom: 16 }} wrap>
        <Typography.Text type="secondary">{view.planNumber}</Typography.Text>
        <PlanStateTag label={view.stateLabel} />
        {view.isJoint ? <Tag color="purple">部门联合抽查</Tag> : null}
      </Space>
      <StateNotice plan={view} />

      <Card title="计划信息" style={{ marginBottom: 16 }}>
        <Descriptions column={2}>
          <Descriptions.Item label="计划编号">{view.planNumber}</Descriptions.Item>
          <Descriptions.Item label="计划类型">{view.triggerLabel}</Descriptions.Item>
          <Descriptions.Item label="抽查部门" span={2}>
            <DepartmentNames names={view.organizationNames} isJoint={view.isJoint} />
          </Descriptions.Item>
          <Descriptions.Item label="抽查事项" span={2}>
            {view.itemNames.join('；')}
          </Descriptions.Item>
          <Descriptions.Item label="检查期间">
            {formatDate(view.periodStart)} 至 {formatDate(view.periodEnd)}
          </Descriptions.Item>
          <Descriptions.Item label="检查对象总数">
            {view.populationCount === null ? '—' : `${view.populationCount.toLocaleString('zh-CN')} 户`}
          </Descriptions.Item>
          <Descriptions.Item label="抽中检查对象">
            {isDrawn ? `${view.taskCount.toLocaleString('zh-CN')} 户（每户一项检查任务）` : '尚未抽取'}
          </Descriptions.Item>
        </Descriptions>
      </Card>

      <Card
        title="抽取公示值"
        style={{ marginBottom: 16 }}
        extra={
          <Space wrap>
            {view.hasRecord ? (
              <Button type="primary" icon={<DownloadOutlined />} href={portalSpotcheckPaths.record(view.id)}>
                下载抽取记录（JSON）
              </Button>
            ) : null}
            <Link to={portalSpotcheckPaths.verify}>
              <Button icon={<SafetyOutlined />}>复核抽取</Button>
            </Link>
          </Space>
        }
      >
        <Descriptions column={1} bordered size="small" labelStyle={{ width: 170 }}>
          <Descriptions.Item label="抽取算法">
            <Typography.Text code>{drawAlgorithm}</Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label="输入摘要">
            <HashText value={view.inputDigest} />
          </Descriptions.Item>
          <Descriptions.Item label="承诺值">
            <HashText value={view.commitment} />
          </Descriptions.Item>
          <Descriptions.Item label="承诺值公布时间">{formatDateTime(view.committedAt)}</Descriptions.Item>
          <Descriptions.Item label="种子秘密值">
            {view.secret ? <HashText value={view.secret} /> : notDrawn}
          </Descriptions.Item>
          <Descriptions.Item label="公开随机源">
            {!isDrawn ? (
              notDrawn
            ) : view.externalEntropy ? (
              <Typography.Text style={{ wordBreak: 'break-all' }}>{view.externalEntropy}</Typography.Text>
            ) : (
              <Typography.Text type="secondary">未使用</Typography.Text>
            )}
          </Descriptions.Item>
          <Descriptions.Item label="抽取时间">
            {isDrawn ? formatDateTime(view.drawnAt) : notDrawn}
          </Descriptions.Item>
        </Descriptions>
      </Card>

      <DrawFairnessCard />

      {view.hasRecord ? <DrawnEntitiesCard plan={view} /> : null}
      {isDrawn ? <PlanResultsCard planNumber={view.planNumber} /> : null}
    </>
  );
}

function StateNotice({ plan }: { plan: PublicSpotCheckPlan }) {
  if (plan.cancelReason) {
    return (
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 16 }}
        message="该计划已在抽取前撤销"
        description={`撤销原因：${plan.cancelReason.replace(/[。.；;，,\s]+$/, '')}。已公布的承诺值继续公开，便于社会监督。`}
      />
    );
  }
  if (!plan.drawnAt) {
    return (
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        message="承诺值已公布，尚未抽取"
        description="抽取时将公布种子秘密值和完整的抽取记录，届时可以下载记录复核。"
      />
    );
  }
  return null;
}

const pageSize = 30;

/** The drawn entities as the record lists them, in the order drawn; no risk grade, no inspector. */
function DrawnEntitiesCard({ plan }: { plan: PublicSpotCheckPlan }) {
  const drawn = useDrawnEntities(plan.id, plan.hasRecord);
  return (
    <Card
      title={`抽中的检查对象（${plan.taskCount.toLocaleString('zh-CN')} 户）`}
      style={{ marginBottom: 16 }}
    >
      <Typography.Paragraph type="secondary">
        按抽取顺序列出，每户对应一项检查任务（任务序号即抽取顺序）。点击统一社会信用代码可查看该企业已公示的信息。
      </Typography.Paragraph>
      {drawn.error ? (
        <Alert type="error" showIcon message="抽取记录暂时无法读取，请稍后再试" />
      ) : (
        <List<DrawnEntity>
          loading={drawn.isLoading}
          dataSource={drawn.data ?? []}
          grid={{ gutter: 8, xs: 1, sm: 2, md: 2, lg: 3, xl: 3, xxl: 3 }}
          pagination={{ pageSize, showSizeChanger: false, hideOnSinglePage: true, align: 'end' }}
          renderItem={(entity) => (
            <List.Item key={entity.order} style={{ marginBottom: 8 }}>
              <Typography.Text type="secondary" style={{ display: 'inline-block', width: 72 }}>
                第 {entity.order} 号
              </Typography.Text>
              <Link to={portalEntityPaths.entity(entity.creditCode)} style={{ fontFamily: 'monospace' }}>
                {entity.creditCode}
              </Link>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}

/** The spot-check results of this plan published so far. */
function PlanResultsCard({ planNumber }: { planNumber: string }) {
  const results = usePlanResults(planNumber, true);
  const listLink = `${portalEnforcementPaths.decisions}?q=${encodeURIComponent(planNumber)}`;
  return (
    <Card
      title={`抽查检查结果公示${results.data ? `（${results.data.total}）` : ''}`}
      extra={<Link to={listLink}>在执法决定公示中查看</Link>}
    >
      <Typography.Paragraph type="secondary">
        每项检查任务完成后，检查结果自结果产生之日起 20 个工作日内公示。
      </Typography.Paragraph>
      {results.error ? (
        <Alert type="error" showIcon message="抽查检查结果暂时无法读取，请稍后再试" />
      ) : (
        <Table<PublicDecision>
          rowKey="id"
          size="small"
          loading={results.isLoading}
          dataSource={results.data?.items ?? []}
          locale={{ emptyText: '暂无已公示的检查结果' }}
          pagination={{ pageSize: 10, showSizeChanger: false, hideOnSinglePage: true }}
          columns={[
            {
              title: '检查对象',
              key: 'entity',
              render: (_, decision) => (
                <Link to={portalEnforcementPaths.decision(decision.id)}>
                  {decision.content['检查对象'] ?? decision.title}
                </Link>
              ),
            },
            {
              title: '检查结果',
              key: 'result',
              render: (_, decision) => decision.content['检查结果'] ?? '—',
            },
            {
              title: '检查日期',
              key: 'inspectedOn',
              render: (_, decision) => formatDate(decision.content['检查日期']),
            },
            { title: '公示日期', dataIndex: 'publishedOn', render: (value: string) => formatDate(value) },
          ]}
        />
      )}
    </Card>
  );
}
