import { DownloadOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Col,
  Descriptions,
  Form,
  Input,
  Modal,
  Row,
  Skeleton,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import {
  drawAlgorithm,
  riskGradeLabels,
  type SpotCheckPlanDetail,
  type SpotCheckTaskView,
} from '../../../../../contracts/spotchecks';
import { PageHeader } from '../../../components/page-header';
import { ApiError, showError } from '../../../lib/api-client';
import { formatDate, formatDateTime } from '../../../lib/format';
import { notify } from '../../../lib/notify';
import { downloadDrawRecord, usePlan, usePlanAction, type PlanAction } from '../api/plans';
import { useTasks, type TaskListParams } from '../api/tasks';
import { planPaths } from '../plan-paths';
import { HashText } from '../../../components/hash-text';
import { StepHistory } from './plan-history';
import { PlanDepartments } from './plans-view';
import { PlanStateTag, PublicationStatus, ResultText, RiskGradeTag, TaskStateTag } from './spotcheck-tags';

type Plan = SpotCheckPlanDetail['plan'];

function parameterItems(plan: Plan) {
  const filter = plan.populationFilter;
  const filterText = [
    filter.jurisdictionCodes.length > 0 ? `区划 ${filter.jurisdictionCodes.join('、')}` : null,
    filter.industries.length > 0 ? `行业 ${filter.industries.join('、')}` : null,
    filter.licences.length > 0 ? `持有 ${filter.licences.join('、')}` : null,
  ].filter(Boolean);
  const departmentName = (organizationId: string) =>
    plan.organizationNames[plan.organizationIds.indexOf(organizationId)] ?? '联合部门';
  return [
    { key: 'number', label: '计划编号', children: plan.planNumber },
    { key: 'state', label: '状态', children: <PlanStateTag state={plan.state} label={plan.stateLabel} /> },
    { key: 'trigger', label: '计划类型', children: plan.triggerLabel },
    { key: 'departments', label: '抽查部门', children: <PlanDepartments plan={plan} /> },
    {
      key: 'period',
      label: '检查期间',
      children: `${formatDate(plan.periodStart)}至${formatDate(plan.periodEnd)}`,
    },
    { key: 'creator', label: '制定人', children: `${plan.createdByName}（${formatDate(plan.createdAt)}）` },
    {
      key: 'items',
      label: '抽查事项',
      span: 'filled' as const,
      children: (
        <Space direction="vertical" size={2}>
          {plan.items.map((item) => (
            <span key={item.itemId}>
              <Typography.Text type="secondary">{item.code}</Typography.Text> {item.name}
              {plan.isJoint ? (
                <Typography.Text type="secondary">（{departmentName(item.organizationId)}）</Typography.Text>
              ) : null}
            </span>
          ))}
        </Space>
      ),
    },
    {
      key: 'filter',
      label: '对象范围',
      span: 'filled' as const,
      children: filterText.length > 0 ? filterText.join('；') : '检查对象名录库全部对象',
    },
    {
      key: 'strata',
      label: '抽查比例',
      span: 'filled' as const,
      children: (
        <Space size={4} wrap>
          {plan.strata.map((stratum) => (
            <Tag key={stratum.riskGrade}>
              {riskGradeLabels[stratum.riskGrade]}：{stratum.ratioPercent}%
            </Tag>
          ))}
        </Space>
      ),
    },
    {
      key: 'inspectors',
      label: '检查人员',
      children: `每组 ${plan.inspectorsPerTask} 人，每人任务不超过 ${plan.maxTasksPerInspector} 件`,
    },
    {
      key: 'population',
      label: '名录对象 / 可抽对象',
      children:
        plan.populationCount === null
          ? '公布承诺值时确定'
          : `${plan.populationCount} 户 / ${plan.eligibleCount ?? 0} 户`,
    },
    {
      key: 'tasks',
      label: '检查任务',
      children:
        plan.drawnAt === null ? '抽取后生成' : `${plan.taskCount} 件，已完成 ${plan.completedTaskCount} 件`,
    },
    ...(plan.cancelReason
      ? [{ key: 'cancel', label: '撤销原因', span: 'filled' as const, children: plan.cancelReason }]
      : []),
  ];
}

/** 抽取公示: the commitment scheme in plain words, and its values as they stand. */
function DrawFairnessCard({ plan }: { plan: Plan }) {
  return (
    <Card
      size="small"
      style={{ marginBottom: 16 }}
      title={
        <Space>
          <SafetyCertificateOutlined style={{ color: '#a8071a' }} />
          <span>抽取公示</span>
        </Space>
      }
      extra={
        plan.drawnAt ? (
          <Button
            size="small"
            icon={<DownloadOutlined />}
            onClick={() => downloadDrawRecord(plan.id, plan.planNumber).catch(showError)}
          >
            下载抽取记录
          </Button>
        ) : null
      }
    >
      <ol style={{ paddingLeft: 20, marginTop: 0, lineHeight: 1.9 }}>
        <li>
          <Typography.Text strong>抽取前，先锁定名单、公布承诺值。</Typography.Text>
          点击“冻结名录并公布承诺值”后，本计划的检查对象名录、检查人员名录和回避关系就固定下来，算出“输入摘要”；平台同时随机生成一个保密的“种子”，由种子和输入摘要算出“承诺值”，当即在门户网站公布。承诺值公布后，名单和种子都不能再改，改了就对不上。
        </li>
        <li>
          <Typography.Text strong>抽取时，揭示种子。</Typography.Text>
          点击“揭示种子并抽取”，平台公开种子，并可加入一个事先无法预知的公开随机源（例如当日福利彩票开奖号码），按公开算法
          <Typography.Text code>{drawAlgorithm}</Typography.Text>
          抽出检查对象、为每户随机选派检查人员，自动避开需回避的人员。
        </li>
        <li>
          <Typography.Text strong>抽取后，任何人都能复核。</Typography.Text>
          下载抽取记录，用命令 <Typography.Text code>npx fazhi spotcheck verify 文件名</Typography.Text>{' '}
          或门户网站的 <Link to={planPaths.portalVerify}>抽取记录复核</Link>{' '}
          页面重新计算，会得到完全相同的检查对象和检查人员；记录中任何一处被改动都会被指出。
        </li>
      </ol>
      <Descriptions
        size="small"
        column={1}
        bordered
        items={[
          {
            key: 'commitment',
            label: '承诺值',
            children: plan.commitment ? (
              <Space direction="vertical" size={0}>
                <span data-testid="plan-commitment">
                  <HashText value={plan.commitment} />
                </span>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {formatDateTime(plan.committedAt)} 由{plan.committedByName ?? '—'}公布
                </Typography.Text>
              </Space>
            ) : (
              <Typography.Text type="secondary">尚未公布</Typography.Text>
            ),
          },
          {
            key: 'inputDigest',
            label: '输入摘要',
            children: plan.inputDigest ? (
              <HashText value={plan.inputDigest} />
            ) : (
              <Typography.Text type="secondary">公布承诺值时计算</Typography.Text>
            ),
          },
          {
            key: 'secret',
            label: '种子（抽取后揭示）',
            children: plan.secret ? (
              <span data-testid="plan-secret">
                <HashText value={plan.secret} />
              </span>
            ) : (
              <Typography.Text type="secondary">
                {plan.state === 'cancelled' ? '计划已撤销，未抽取' : '抽取时揭示'}
              </Typography.Text>
            ),
          },
          {
            key: 'entropy',
            label: '公开随机源',
            children: plan.drawnAt ? (
              plan.externalEntropy || <Typography.Text type="secondary">未使用</Typography.Text>
            ) : (
              <Typography.Text type="secondary">抽取时填写（可不填）</Typography.Text>
            ),
          },
          ...(plan.drawnAt
            ? [
                {
                  key: 'drawn',
                  label: '抽取时间',
                  children: `${formatDateTime(plan.drawnAt)}（${plan.drawnByName ?? '—'}）`,
                },
              ]
            : []),
        ]}
      />
    </Card>
  );
}

/** The tasks the draw made: entity, grade, inspectors, state, result, publication. */
function PlanTasksCard({ planId, count }: { planId: string; count: number }) {
  const [query, setQuery] = useState<TaskListParams>({ planId, page: 1, pageSize: 20 });
  const list = useTasks(query);
  return (
    <Card size="small" title={`检查任务（${count} 件）`} style={{ marginBottom: 16 }}>
      <Table<SpotCheckTaskView>
        rowKey="id"
        size="small"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        scroll={{ x: 1000 }}
        locale={{ emptyText: '本次抽取没有抽中检查对象。' }}
        pagination={{
          current: query.page,
          pageSize: query.pageSize,
          total: list.data?.total ?? 0,
          hideOnSinglePage: true,
          showTotal: (total) => `共 ${total} 件`,
          onChange: (page, pageSize) => setQuery((current) => ({ ...current, page, pageSize })),
        }}
        columns={[
          { title: '序号', dataIndex: 'seq', width: 60 },
          {
            title: '检查对象',
            key: 'entity',
            width: 240,
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
            title: '检查人员',
            key: 'inspectors',
            width: 160,
            render: (_: unknown, row) => row.inspectors.map((inspector) => inspector.name).join('、'),
          },
          {
            title: '状态',
            key: 'state',
            width: 130,
            render: (_: unknown, row) => <TaskStateTag state={row.state} label={row.stateLabel} />,
          },
          {
            title: '检查结果',
            key: 'result',
            width: 170,
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
  );
}

type ModalKind = 'commit' | 'draw' | 'cancel';

/** The three steps' Modals: each explains what happens and, where needed, asks for one field. */
function PlanActionModal({
  plan,
  kind,
  onClose,
}: {
  plan: Plan;
  kind: ModalKind | null;
  onClose: () => void;
}) {
  const [form] = Form.useForm<{ externalEntropy?: string; reason?: string }>();
  const [error, setError] = useState<string | null>(null);
  const act = usePlanAction(plan.id);

  const run = (step: PlanAction, done: string) => {
    setError(null);
    act.mutate(step, {
      onSuccess: () => {
        notify.success(done);
        form.resetFields();
        onClose();
      },
      onError: (failure) => setError(failure instanceof ApiError ? failure.message : '操作失败，请稍后重试'),
    });
  };
  const titles: Record<ModalKind, string> = {
    commit: '冻结名录并公布承诺值',
    draw: '揭示种子并抽取',
    cancel: '撤销计划',
  };
  const okTexts: Record<ModalKind, string> = { commit: '公布承诺值', draw: '抽取', cancel: '撤销计划' };

  return (
    <Modal
      title={kind ? titles[kind] : ''}
      open={kind !== null}
      okText={kind ? okTexts[kind] : ''}
      okButtonProps={{ danger: kind === 'cancel' }}
      cancelText="取消"
      confirmLoading={act.isPending}
      onCancel={() => {
        setError(null);
        onClose();
      }}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      {kind === 'commit' ? (
        <Typography.Paragraph>
          将按计划的对象范围和频次控制冻结检查对象名录，冻结各抽查部门持有效执法证件的检查人员名录和回避关系，并立即在门户网站公布承诺值。公布后计划参数不能再修改，只能抽取或撤销。
        </Typography.Paragraph>
      ) : null}
      {kind === 'draw' ? (
        <Typography.Paragraph>
          抽取后种子随即公开，检查对象和检查人员即时确定，生成检查任务并通知检查人员；抽取结果不能更改。
        </Typography.Paragraph>
      ) : null}
      {kind === 'cancel' ? (
        <Typography.Paragraph>
          撤销后计划不再抽取。{plan.commitment ? '已公布的承诺值和撤销原因继续在门户网站公开。' : ''}
        </Typography.Paragraph>
      ) : null}
      {error ? (
        <Alert type="error" showIcon role="alert" message={error} style={{ marginBottom: 16 }} />
      ) : null}
      <Form
        form={form}
        layout="vertical"
        onFinish={(values) => {
          if (kind === 'commit') run({ action: 'commit' }, '已公布承诺值');
          if (kind === 'draw')
            run(
              { action: 'draw', externalEntropy: values.externalEntropy?.trim() ?? '' },
              '已抽取，检查任务已生成',
            );
          if (kind === 'cancel') run({ action: 'cancel', reason: values.reason?.trim() ?? '' }, '计划已撤销');
        }}
      >
        {kind === 'draw' ? (
          <Form.Item
            label="公开随机源（可不填）"
            name="externalEntropy"
            extra="公布承诺值之后才产生、任何人都能查到的数字，例如当日福利彩票开奖号码；填写后一并计入种子，连平台也无法事先预知抽取结果"
          >
            <Input maxLength={500} placeholder="例如：福彩3D 2026年第300期 开奖号码 5 8 2" />
          </Form.Item>
        ) : null}
        {kind === 'cancel' ? (
          <Form.Item
            label="撤销原因"
            name="reason"
            rules={[
              { required: true, whitespace: true, message: '请填写撤销原因' },
              { min: 4, message: '撤销原因至少 4 个字' },
            ]}
          >
            <Input.TextArea
              rows={3}
              maxLength={1000}
              showCount
              placeholder="例如：上级部署统一开展专项检查，本计划不再实施"
            />
          </Form.Item>
        ) : null}
      </Form>
    </Modal>
  );
}

/** 抽查计划详情: the parameters, the draw's public values, the tasks, and the steps the user may take. */
export function PlanDetailView({ planId }: { planId: string }) {
  const detail = usePlan(planId);
  const [modal, setModal] = useState<ModalKind | null>(null);
  if (detail.isLoading) return <Skeleton active paragraph={{ rows: 14 }} />;
  if (detail.error || !detail.data) {
    return (
      <Alert
        type="error"
        showIcon
        message={detail.error instanceof ApiError ? detail.error.message : '抽查计划暂时无法读取'}
      />
    );
  }
  const { plan, steps, nextActions } = detail.data;
  const can = (name: string) => nextActions.some((next) => next.name === name);

  return (
    <>
      <PageHeader
        title={plan.title}
        description={`${plan.planNumber} · ${plan.organizationNames.join('、')}`}
        extra={
          <Space wrap>
            {can('commit') ? (
              <Button type="primary" onClick={() => setModal('commit')}>
                冻结名录并公布承诺值
              </Button>
            ) : null}
            {can('draw') ? (
              <Button type="primary" onClick={() => setModal('draw')}>
                揭示种子并抽取
              </Button>
            ) : null}
            {can('cancel') ? (
              <Button danger onClick={() => setModal('cancel')}>
                撤销计划
              </Button>
            ) : null}
            {plan.drawnAt ? (
              <Button
                icon={<DownloadOutlined />}
                onClick={() => downloadDrawRecord(plan.id, plan.planNumber).catch(showError)}
              >
                下载抽取记录
              </Button>
            ) : null}
          </Space>
        }
      />
      {plan.state === 'draft' && can('commit') ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          message="下一步：冻结名录并公布承诺值"
          description="核对下面的参数无误后，点击右上角按钮。承诺值公布后参数不能再改。"
        />
      ) : null}
      {plan.state === 'committed' && can('draw') ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          message="承诺值已公布，下一步：揭示种子并抽取"
          description="如需使用公开随机源（例如当日彩票开奖号码），请在其公布后再抽取。"
        />
      ) : null}
      <Row gutter={16}>
        <Col xs={24} xl={16}>
          <Card size="small" title="计划参数" style={{ marginBottom: 16 }}>
            <Descriptions
              size="small"
              column={{ xs: 1, sm: 1, md: 2, lg: 2, xl: 2, xxl: 3 }}
              items={parameterItems(plan)}
            />
          </Card>
          <DrawFairnessCard plan={plan} />
        </Col>
        <Col xs={24} xl={8}>
          <Card size="small" title="办理过程" style={{ marginBottom: 16 }}>
            <StepHistory steps={steps} />
          </Card>
        </Col>
      </Row>
      {plan.drawnAt ? <PlanTasksCard planId={plan.id} count={plan.taskCount} /> : null}
      <PlanActionModal plan={plan} kind={modal} onClose={() => setModal(null)} />
    </>
  );
}
