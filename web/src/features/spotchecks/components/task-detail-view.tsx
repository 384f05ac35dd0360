import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Col,
  DatePicker,
  Descriptions,
  Form,
  Input,
  Modal,
  Radio,
  Row,
  Select,
  Skeleton,
  Space,
  Table,
  Tag,
  Typography,
  Upload,
  type UploadFile,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState, type ComponentType } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import {
  resultsThatOpenCases,
  riskGradeLabels,
  spotCheckResultLabels,
  spotCheckResults,
  type SpotCheckResult,
  type SpotCheckTaskDetail,
} from '../../../../../contracts/spotchecks';
import { PageHeader } from '../../../components/page-header';
import { ApiError, showError } from '../../../lib/api-client';
import { downloadFile } from '../../../lib/download';
import { formatDate } from '../../../lib/format';
import { notify } from '../../../lib/notify';
import { usePlan } from '../api/plans';
import { useCompleteTask, useOpenTaskCase, useRecordInspection, useTask } from '../api/tasks';
import { planPaths } from '../plan-paths';
import { StepHistory } from './plan-history';
import { PublicationStatus, ResultText, TaskStateTag } from './spotcheck-tags';

type Task = SpotCheckTaskDetail['task'];

/** A picker of the body's penalty items in force (the enforcement feature's, composed by the page). */
export type PenaltyItemSelect = ComponentType<{
  id?: string;
  organizationId: string | undefined;
  value?: string;
  onChange?: (value: string | undefined) => void;
}>;

/** Stores a photo (POST /api/files) and answers its SHA-256 (the case records' upload, composed by the page). */
export type UploadPhoto = (file: File, capturedOn: string) => Promise<{ sha256: string }>;

type Conformity = 'yes' | 'no' | 'na';
const conformityOf = (value: boolean | null | undefined): Conformity | undefined =>
  value === true ? 'yes' : value === false ? 'no' : value === null ? 'na' : undefined;
const conformityLabels: Record<Conformity, string> = { yes: '符合', no: '不符合', na: '不涉及' };
const conformityColors: Record<Conformity, string> = { yes: 'green', no: 'red', na: 'default' };

interface InspectionValues {
  inspectedOn: Dayjs;
  checklist: Record<string, { conforms?: Conformity; note?: string }>;
  record: string;
}

/** 录入现场检查记录: the date, each item of the plan, the record, the photos. */
function InspectionModal({
  detail,
  open,
  onClose,
  uploadPhoto,
}: {
  detail: SpotCheckTaskDetail;
  open: boolean;
  onClose: () => void;
  uploadPhoto: UploadPhoto;
}) {
  const task = detail.task;
  const [form] = Form.useForm<InspectionValues>();
  const [error, setError] = useState<string | null>(null);
  const [photos, setPhotos] = useState<UploadFile<{ sha256: string }>[]>([]);
  const save = useRecordInspection(task.id);
  const isUploading = photos.some((photo) => photo.status === 'uploading');

  const initial: Partial<InspectionValues> = {
    inspectedOn: task.inspectedOn ? dayjs(task.inspectedOn) : dayjs(),
    record: task.record ?? '',
    checklist: Object.fromEntries(
      detail.items.map((item) => {
        const entry = task.checklist.find((done) => done.itemId === item.itemId);
        return [item.itemId, { conforms: conformityOf(entry?.conforms), note: entry?.note ?? '' }];
      }),
    ),
  };

  const submit = (values: InspectionValues) => {
    setError(null);
    save.mutate(
      {
        inspectedOn: values.inspectedOn.format('YYYY-MM-DD'),
        checklist: detail.items.map((item) => {
          const entry = values.checklist[item.itemId];
          return {
            itemId: item.itemId,
            conforms: entry?.conforms === 'yes' ? true : entry?.conforms === 'no' ? false : null,
            note: entry?.note?.trim() || undefined,
          };
        }),
        record: values.record.trim(),
        photoSha256s: photos.flatMap((photo) => (photo.response ? [photo.response.sha256] : [])),
      },
      {
        onSuccess: () => {
          notify.success('现场检查记录已保存');
          onClose();
        },
        onError: (failure) =>
          setError(failure instanceof ApiError ? failure.message : '保存失败，请稍后重试'),
      },
    );
  };

  return (
    <Modal
      title="录入现场检查记录"
      open={open}
      width={820}
      okText="保存检查记录"
      cancelText="取消"
      okButtonProps={{ disabled: isUploading }}
      confirmLoading={save.isPending}
      onCancel={onClose}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        检查时应有两名以上检查人员在场，主动出示执法证件。逐项填写抽查事项的检查情况；不符合的请写明具体问题。
      </Typography.Paragraph>
      {error ? (
        <Alert type="error" showIcon role="alert" message={error} style={{ marginBottom: 16 }} />
      ) : null}
      <Form form={form} layout="vertical" initialValues={initial} onFinish={submit} preserve={false}>
        <Form.Item
          label="检查日期"
          name="inspectedOn"
          rules={[{ required: true, message: '请选择检查日期' }]}
        >
          <DatePicker
            format="YYYY年M月D日"
            disabledDate={(day) => day.isAfter(dayjs(), 'day')}
            style={{ width: 200 }}
          />
        </Form.Item>
        <Typography.Text strong>逐项检查情况</Typography.Text>
        <div
          style={{ border: '1px solid #f0f0f0', borderRadius: 6, padding: '8px 12px', margin: '8px 0 16px' }}
        >
          {detail.items.map((item, index) => (
            <div
              key={item.itemId}
              data-testid="checklist-item"
              style={{
                padding: '8px 0',
                borderTop: index === 0 ? undefined : '1px dashed #f0f0f0',
              }}
            >
              <div style={{ marginBottom: 6 }}>
                <Typography.Text type="secondary">{item.code}</Typography.Text> {item.name}
              </div>
              <Space align="start" wrap style={{ width: '100%' }}>
                <Form.Item
                  name={['checklist', item.itemId, 'conforms']}
                  rules={[{ required: true, message: '请选择检查情况' }]}
                  style={{ marginBottom: 0 }}
                >
                  <Radio.Group
                    optionType="button"
                    aria-label={`${item.name}检查情况`}
                    options={(['yes', 'no', 'na'] as const).map((value) => ({
                      value,
                      label: conformityLabels[value],
                    }))}
                  />
                </Form.Item>
                <Form.Item name={['checklist', item.itemId, 'note']} style={{ marginBottom: 0, width: 420 }}>
                  <Input maxLength={1000} placeholder="说明（不符合的写明问题，例如：健康证过期 2 人）" />
                </Form.Item>
              </Space>
            </div>
          ))}
        </div>
        <Form.Item
          label="现场检查记录"
          name="record"
          rules={[
            { required: true, whitespace: true, message: '请填写现场检查记录' },
            { min: 10, message: '现场检查记录至少 10 个字' },
          ]}
        >
          <Input.TextArea
            rows={5}
            maxLength={20000}
            showCount
            placeholder="检查时间、地点、在场人员，出示证件情况，检查经过和发现的情况"
          />
        </Form.Item>
        <Form.Item label="现场照片" extra="可上传多张；照片按内容计算 SHA-256 哈希存证，此后可校验是否被改动">
          <Upload<{ sha256: string }>
            accept="image/jpeg,image/png"
            multiple
            listType="picture"
            fileList={photos}
            onChange={({ fileList }) => setPhotos(fileList)}
            customRequest={({ file, onSuccess, onError }) => {
              const capturedOn = (form.getFieldValue('inspectedOn') as Dayjs | undefined)?.format(
                'YYYY-MM-DD',
              );
              uploadPhoto(file as File, capturedOn ?? dayjs().format('YYYY-MM-DD'))
                .then((stored) => onSuccess?.(stored))
                .catch((failure: unknown) => {
                  showError(failure);
                  onError?.(failure instanceof Error ? failure : new Error('上传失败'));
                });
            }}
          >
            <Button icon={<UploadOutlined />}>选择照片</Button>
          </Upload>
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 确定检查结果: the result the credit publicity system records; it must agree with the checklist. */
function CompleteModal({ task, open, onClose }: { task: Task; open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<{ result: SpotCheckResult; resultNote?: string }>();
  const [error, setError] = useState<string | null>(null);
  const complete = useCompleteTask(task.id);
  const problems = task.checklist.filter((entry) => entry.conforms === false);

  return (
    <Modal
      title="确定检查结果"
      open={open}
      okText="确定结果"
      cancelText="取消"
      confirmLoading={complete.isPending}
      onCancel={onClose}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        结果确定后不能修改，自确定之日起 20 个工作日内在门户网站和国家企业信用信息公示系统公示。
      </Typography.Paragraph>
      {problems.length > 0 ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          message={`检查情况中有 ${problems.length} 项不符合：${problems.map((entry) => entry.name).join('、')}`}
          description="结果应为“发现问题”的一种，不能选“未发现问题”。"
        />
      ) : null}
      {error ? (
        <Alert type="error" showIcon role="alert" message={error} style={{ marginBottom: 16 }} />
      ) : null}
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        onFinish={(values) => {
          setError(null);
          complete.mutate(
            { result: values.result, resultNote: values.resultNote?.trim() || undefined },
            {
              onSuccess: () => {
                notify.success(`检查结果已确定：${spotCheckResultLabels[values.result]}`);
                onClose();
              },
              onError: (failure) =>
                setError(failure instanceof ApiError ? failure.message : '保存失败，请稍后重试'),
            },
          );
        }}
      >
        <Form.Item label="检查结果" name="result" rules={[{ required: true, message: '请选择检查结果' }]}>
          <Select
            placeholder="选择检查结果"
            options={spotCheckResults.map((value) => ({ value, label: spotCheckResultLabels[value] }))}
          />
        </Form.Item>
        <Form.Item label="结果说明" name="resultNote">
          <Input.TextArea
            rows={3}
            maxLength={2000}
            showCount
            placeholder="例如：已当场责令改正，2026 年 12 月 10 日前复查（可不填）"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 发现问题立案查处: a case against the entity, on one of the lead department's penalty items. */
function OpenCaseModal({
  task,
  open,
  onClose,
  onOpened,
  organizationId,
  PenaltyItemSelect,
}: {
  task: Task;
  open: boolean;
  onClose: () => void;
  onOpened: (caseId: string) => void;
  organizationId: string | undefined;
  PenaltyItemSelect: PenaltyItemSelect;
}) {
  const [form] = Form.useForm<{ powerItemId: string; title: string; facts?: string }>();
  const [error, setError] = useState<string | null>(null);
  const openCase = useOpenTaskCase(task.id);
  const problems = task.checklist.filter((entry) => entry.conforms === false);

  return (
    <Modal
      title="发现问题立案查处"
      open={open}
      width={640}
      okText="立案"
      cancelText="取消"
      confirmLoading={openCase.isPending}
      onCancel={onClose}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        按普通程序立案，当事人为{task.entityName}
        ，案件来源为“双随机抽查”，承办人员为本任务中牵头部门的检查人员。立案后转到案件页面继续办理。
      </Typography.Paragraph>
      {error ? (
        <Alert type="error" showIcon role="alert" message={error} style={{ marginBottom: 16 }} />
      ) : null}
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{
          facts: [
            `${formatDate(task.inspectedOn)}双随机抽查发现：`,
            ...problems.map((entry) => `${entry.name}不符合${entry.note ? `（${entry.note}）` : ''}。`),
          ].join('\n'),
        }}
        onFinish={(values) => {
          setError(null);
          openCase.mutate(
            {
              powerItemId: values.powerItemId,
              title: values.title.trim(),
              facts: values.facts?.trim() || undefined,
            },
            {
              onSuccess: ({ caseId }) => {
                notify.success('已立案');
                onOpened(caseId);
              },
              onError: (failure) =>
                setError(failure instanceof ApiError ? failure.message : '立案失败，请稍后重试'),
            },
          );
        }}
      >
        <Form.Item
          label="执法事项"
          name="powerItemId"
          rules={[{ required: true, message: '请选择执法事项' }]}
          extra="只能就本机关权责清单中现行有效的行政处罚事项立案"
        >
          <PenaltyItemSelect organizationId={organizationId} />
        </Form.Item>
        <Form.Item
          label="案由"
          name="title"
          rules={[{ required: true, whitespace: true, message: '请填写案由' }]}
        >
          <Input
            maxLength={200}
            placeholder={`例如：${task.entityName}从业人员未取得健康证明从事接触直接入口食品工作案`}
          />
        </Form.Item>
        <Form.Item label="基本案情" name="facts">
          <Input.TextArea rows={5} maxLength={5000} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function taskItems(task: Task) {
  return [
    {
      key: 'entity',
      label: '检查对象',
      children: (
        <Space direction="vertical" size={0}>
          <span>{task.entityName}</span>
          <Typography.Text type="secondary">统一社会信用代码 {task.creditCode}</Typography.Text>
        </Space>
      ),
    },
    { key: 'grade', label: '信用风险分类', children: riskGradeLabels[task.riskGrade] },
    { key: 'state', label: '状态', children: <TaskStateTag state={task.state} label={task.stateLabel} /> },
    {
      key: 'plan',
      label: '抽查计划',
      children: (
        <span>
          <Link to={planPaths.plan(task.planId)}>{task.planTitle}</Link>
          <Typography.Text type="secondary">
            （{task.planNumber} 第 {task.seq} 号{task.isJoint ? '，联合抽查' : ''}）
          </Typography.Text>
        </span>
      ),
    },
    {
      key: 'inspectors',
      label: '检查人员',
      children: (
        <Space size={4} wrap>
          {task.inspectors.map((inspector) => (
            <Tag key={inspector.personId} color="blue">
              {inspector.name}
              {inspector.organizationName ? `（${inspector.organizationName}）` : ''}
            </Tag>
          ))}
        </Space>
      ),
    },
    { key: 'periodEnd', label: '检查期限', children: `${formatDate(task.periodEnd)}前` },
    { key: 'inspectedOn', label: '检查日期', children: formatDate(task.inspectedOn) },
    {
      key: 'result',
      label: '检查结果',
      children: (
        <span>
          <ResultText result={task.result} />
          {task.completedOn ? (
            <Typography.Text type="secondary">{formatDate(task.completedOn)}确定</Typography.Text>
          ) : null}
          {task.resultNote ? <div style={{ whiteSpace: 'pre-wrap' }}>{task.resultNote}</div> : null}
        </span>
      ),
    },
    {
      key: 'publication',
      label: '结果公示',
      children: (
        <Space direction="vertical" size={0}>
          <PublicationStatus task={task} />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            公示期限：结果确定之日起 20 个工作日内
          </Typography.Text>
        </Space>
      ),
    },
    ...(task.caseId
      ? [
          {
            key: 'case',
            label: '立案查处',
            children: task.caseNumber ?? '已立案',
          },
        ]
      : []),
  ];
}

/** The checklist as recorded, the record and the photos. */
function InspectionRecordCard({ task }: { task: Task }) {
  if (task.inspectedOn === null) {
    return (
      <Card size="small" title="现场检查记录" style={{ marginBottom: 16 }}>
        <Typography.Text type="secondary">
          尚未录入。到现场检查后，点击右上角“录入现场检查记录”。
        </Typography.Text>
      </Card>
    );
  }
  return (
    <Card size="small" title={`现场检查记录（${formatDate(task.inspectedOn)}）`} style={{ marginBottom: 16 }}>
      <Table
        rowKey="itemId"
        size="small"
        pagination={false}
        dataSource={task.checklist}
        style={{ marginBottom: 12 }}
        columns={[
          {
            title: '抽查事项',
            key: 'item',
            render: (_: unknown, row) => (
              <span>
                <Typography.Text type="secondary">{row.code}</Typography.Text> {row.name}
              </span>
            ),
          },
          {
            title: '检查情况',
            key: 'conforms',
            width: 100,
            render: (_: unknown, row) => {
              const value = conformityOf(row.conforms) ?? 'na';
              return <Tag color={conformityColors[value]}>{conformityLabels[value]}</Tag>;
            },
          },
          { title: '说明', dataIndex: 'note', render: (note: string | null) => note ?? '—' },
        ]}
      />
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }} data-testid="inspection-record">
        {task.record}
      </Typography.Paragraph>
      {task.photos.length > 0 ? (
        <Space wrap>
          <Typography.Text type="secondary">现场照片：</Typography.Text>
          {task.photos.map((photo) => (
            <Button
              key={photo.fileSha256}
              size="small"
              type="link"
              icon={<DownloadOutlined />}
              onClick={() =>
                downloadFile(`/api/files/${photo.fileSha256}`, photo.fileName ?? photo.fileSha256).catch(
                  showError,
                )
              }
            >
              {photo.fileName ?? `${photo.fileSha256.slice(0, 12)}…`}
            </Button>
          ))}
        </Space>
      ) : null}
    </Card>
  );
}

type ModalKind = 'inspection' | 'complete' | 'case';

/** 抽查任务详情: the entity, inspectors and items; the inspection, the result, the case; the history. */
export function TaskDetailView({
  taskId,
  casePath,
  PenaltyItemSelect,
  uploadPhoto,
}: {
  taskId: string;
  casePath: (id: string) => string;
  PenaltyItemSelect: PenaltyItemSelect;
  uploadPhoto: UploadPhoto;
}) {
  const detail = useTask(taskId);
  const plan = usePlan(detail.data?.task.planId);
  const navigate = useNavigate();
  const [modal, setModal] = useState<ModalKind | null>(null);
  if (detail.isLoading) return <Skeleton active paragraph={{ rows: 12 }} />;
  if (detail.error || !detail.data) {
    return (
      <Alert
        type="error"
        showIcon
        message={detail.error instanceof ApiError ? detail.error.message : '抽查任务暂时无法读取'}
      />
    );
  }
  const data = detail.data;
  const task = data.task;
  const can = (name: string) => data.nextActions.some((next) => next.name === name);
  const mayOpenCase = can('openCase') && task.result !== null && resultsThatOpenCases.includes(task.result);

  return (
    <>
      <PageHeader
        title={task.entityName}
        description={`${task.planTitle} · 第 ${task.seq} 号抽查任务`}
        extra={
          <Space wrap>
            {can('recordInspection') ? (
              <Button
                type={task.state === 'assigned' ? 'primary' : 'default'}
                onClick={() => setModal('inspection')}
              >
                {task.state === 'assigned' ? '录入现场检查记录' : '修改现场检查记录'}
              </Button>
            ) : null}
            {can('complete') ? (
              <Button type="primary" onClick={() => setModal('complete')}>
                确定检查结果
              </Button>
            ) : null}
            {mayOpenCase ? (
              <Button type="primary" danger onClick={() => setModal('case')}>
                发现问题立案查处
              </Button>
            ) : null}
            {task.caseId ? (
              <Button onClick={() => void navigate(casePath(task.caseId ?? ''))}>
                查看案件 {task.caseNumber}
              </Button>
            ) : null}
          </Space>
        }
      />
      {data.nextActions.length === 0 && task.state !== 'completed' ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          message="只有本任务抽中的检查人员才能录入检查记录和确定检查结果。"
        />
      ) : null}
      <Row gutter={16}>
        <Col xs={24} xl={16}>
          <Card size="small" title="任务信息" style={{ marginBottom: 16 }}>
            <Descriptions
              size="small"
              column={{ xs: 1, sm: 1, md: 2, lg: 2, xl: 2, xxl: 3 }}
              items={taskItems(task)}
            />
          </Card>
          <Card size="small" title="抽查事项" style={{ marginBottom: 16 }}>
            <Space direction="vertical" size={2}>
              {data.items.map((item) => (
                <span key={item.itemId}>
                  <Typography.Text type="secondary">{item.code}</Typography.Text> {item.name}
                </span>
              ))}
            </Space>
          </Card>
          <InspectionRecordCard task={task} />
        </Col>
        <Col xs={24} xl={8}>
          <Card size="small" title="办理过程" style={{ marginBottom: 16 }}>
            <StepHistory steps={data.steps} />
          </Card>
        </Col>
      </Row>
      {modal === 'inspection' ? (
        <InspectionModal detail={data} open onClose={() => setModal(null)} uploadPhoto={uploadPhoto} />
      ) : null}
      <CompleteModal task={task} open={modal === 'complete'} onClose={() => setModal(null)} />
      <OpenCaseModal
        task={task}
        open={modal === 'case'}
        onClose={() => setModal(null)}
        onOpened={(caseId) => void navigate(casePath(caseId))}
        organizationId={plan.data?.plan.organizationId}
        PenaltyItemSelect={PenaltyItemSelect}
      />
    </>
  );
}
