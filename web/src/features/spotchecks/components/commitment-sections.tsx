import { PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  DatePicker,
  Form,
  Input,
  Modal,
  Popconfirm,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import {
  entityCommitmentKindLabels,
  entityCommitmentKinds,
  type EntityCommitmentKind,
  type EntityCommitmentStatus,
  type EntityCommitmentView,
  type EntityPermitView,
  type PublicEntityCommitment,
} from '../../../../../contracts/spotchecks';
import { OrganizationTreeSelect, type TreeOption } from '../../../components/organization-tree-select';
import { portalEnforcementPaths } from '../../../config/paths';
import { ApiError } from '../../../lib/api-client';
import { formatDate } from '../../../lib/format';
import { notify } from '../../../lib/notify';
import { useBreachCommitment, useFulfilCommitment, useRecordCommitment } from '../api/commitments';

/**
 * 信用承诺 and 许可 of an entity: the console's sections (with 登记承诺, 履约, 违诺) and the portal's
 * (read only, without the breach note or who recorded it).
 */

const statusColors: Record<EntityCommitmentStatus, string> = {
  inForce: 'blue',
  fulfilled: 'green',
  breached: 'red',
};

const dateOrDash = (value: string | null) => (value ? formatDate(value) : '—');

/** The columns the console and the portal share. */
function commitmentColumns<Row extends PublicEntityCommitment>() {
  return [
    {
      title: '承诺事项',
      dataIndex: 'title',
      width: 320,
      render: (title: string, row: Row) => (
        <Space direction="vertical" size={0}>
          <span>{title}</span>
          <Typography.Text type="secondary">{row.kindLabel}</Typography.Text>
        </Space>
      ),
    },
    { title: '受理部门', dataIndex: 'organizationName', width: 180 },
    {
      title: '承诺日期',
      dataIndex: 'committedOn',
      width: 110,
      render: (value: string) => formatDate(value),
    },
    {
      title: '履约期限',
      dataIndex: 'dueOn',
      width: 110,
      render: dateOrDash,
    },
    {
      title: '履约情况',
      key: 'status',
      width: 150,
      render: (_: unknown, row: Row) => (
        <Space direction="vertical" size={0}>
          <Tag color={statusColors[row.status]}>{row.statusLabel}</Tag>
          {row.settledOn ? (
            <Typography.Text type="secondary">{formatDate(row.settledOn)}</Typography.Text>
          ) : null}
        </Space>
      ),
    },
  ];
}

interface CommitmentSectionProps {
  creditCode: string;
  commitments: EntityCommitmentView[];
  /** shows 登记承诺 and the 履约/违诺 actions (the server decides anyway) */
  canRecord: boolean;
  organizationTree: TreeOption[];
  defaultOrganizationId?: string | undefined;
}

/** The console's 信用承诺 section. */
export function CommitmentSection({
  creditCode,
  commitments,
  canRecord,
  organizationTree,
  defaultOrganizationId,
}: CommitmentSectionProps) {
  const [recording, setRecording] = useState(false);
  const [breaching, setBreaching] = useState<EntityCommitmentView | null>(null);
  const fulfil = useFulfilCommitment();

  const onFulfil = (row: EntityCommitmentView) =>
    fulfil.mutate(row.id, {
      onSuccess: () => notify.success(`已登记履约：${row.title}`),
      onError: (failure) =>
        notify.error(failure instanceof ApiError ? failure.message : '登记失败，请稍后重试'),
    });

  return (
    <Card
      title={`信用承诺（${String(commitments.length)}）`}
      size="small"
      style={{ marginBottom: 16 }}
      extra={
        canRecord ? (
          <Button
            className="no-print"
            size="small"
            icon={<PlusOutlined />}
            onClick={() => setRecording(true)}
          >
            登记承诺
          </Button>
        ) : null
      }
    >
      <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
        各部门受理的告知承诺制审批、主动型信用承诺和信用修复承诺及其履约情况；违诺的，依法予以处理并纳入信用记录。
      </Typography.Paragraph>
      <Table<EntityCommitmentView>
        rowKey="id"
        size="small"
        dataSource={commitments}
        pagination={commitments.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
        scroll={{ x: 1100 }}
        locale={{ emptyText: '尚无信用承诺记录' }}
        expandable={{
          rowExpandable: (row) => row.breachNote !== null,
          expandedRowRender: (row) => <Typography.Text>违诺情况：{row.breachNote}</Typography.Text>,
        }}
        columns={[
          ...commitmentColumns<EntityCommitmentView>(),
          { title: '登记人', dataIndex: 'recordedByName', width: 110 },
          ...(canRecord
            ? [
                {
                  title: '操作',
                  key: 'actions',
                  width: 130,
                  className: 'no-print',
                  render: (_: unknown, row: EntityCommitmentView) =>
                    row.status === 'inForce' ? (
                      <Space size={4}>
                        <Popconfirm
                          title="登记为已履约？"
                          okText="履约"
                          cancelText="取消"
                          onConfirm={() => onFulfil(row)}
                        >
                          <Button
                            size="small"
                            type="link"
                            loading={fulfil.isPending && fulfil.variables === row.id}
                          >
                            履约
                          </Button>
                        </Popconfirm>
                        <Button size="small" type="link" danger onClick={() => setBreaching(row)}>
                          违诺
                        </Button>
                      </Space>
                    ) : (
                      '—'
                    ),
                },
              ]
            : []),
        ]}
      />
      <RecordCommitmentModal
        open={recording}
        creditCode={creditCode}
        organizationTree={organizationTree}
        defaultOrganizationId={defaultOrganizationId}
        onClose={() => setRecording(false)}
      />
      <BreachCommitmentModal commitment={breaching} onClose={() => setBreaching(null)} />
    </Card>
  );
}

interface RecordValues {
  organizationId: string;
  kind: EntityCommitmentKind;
  title: string;
  committedOn: Dayjs;
  dueOn?: Dayjs | null;
}

/** 登记承诺: the receiving department, the kind, what was promised, when and by when. */
function RecordCommitmentModal({
  open,
  creditCode,
  organizationTree,
  defaultOrganizationId,
  onClose,
}: {
  open: boolean;
  creditCode: string;
  organizationTree: TreeOption[];
  defaultOrganizationId?: string | undefined;
  onClose: () => void;
}) {
  const [form] = Form.useForm<RecordValues>();
  const [error, setError] = useState<string | null>(null);
  const record = useRecordCommitment(creditCode);

  useEffect(() => {
    if (!open) return;
    setError(null);
    form.resetFields();
  }, [open, form]);

  const submit = (values: RecordValues) => {
    setError(null);
    record.mutate(
      {
        organizationId: values.organizationId,
        kind: values.kind,
        title: values.title.trim(),
        committedOn: values.committedOn.format('YYYY-MM-DD'),
        dueOn: values.dueOn ? values.dueOn.format('YYYY-MM-DD') : null,
      },
      {
        onSuccess: (saved) => {
          notify.success(`已登记信用承诺：${saved.title}`);
          onClose();
        },
        onError: (failure) => {
          if (failure instanceof ApiError && failure.field && form.getFieldInstance(failure.field)) {
            form.setFields([{ name: failure.field as keyof RecordValues, errors: [failure.message] }]);
          } else {
            setError(failure instanceof ApiError ? failure.message : '登记失败，请稍后重试');
          }
        },
      },
    );
  };

  return (
    <Modal
      title="登记信用承诺"
      open={open}
      okText="登记"
      cancelText="取消"
      confirmLoading={record.isPending}
      onCancel={onClose}
      onOk={() => form.submit()}
      destroyOnHidden
      width={600}
    >
      {error ? (
        <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} role="alert" />
      ) : null}
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ organizationId: defaultOrganizationId, kind: 'notification', committedOn: dayjs() }}
      >
        <Form.Item
          label="受理部门"
          name="organizationId"
          rules={[{ required: true, message: '请选择受理承诺的部门' }]}
        >
          <OrganizationTreeSelect tree={organizationTree} placeholder="选择受理承诺的部门" />
        </Form.Item>
        <Form.Item label="承诺类型" name="kind" rules={[{ required: true, message: '请选择承诺类型' }]}>
          <Select
            options={entityCommitmentKinds.map((kind) => ({
              value: kind,
              label: entityCommitmentKindLabels[kind],
            }))}
          />
        </Form.Item>
        <Form.Item
          label="承诺事项"
          name="title"
          rules={[
            { required: true, whitespace: true, message: '请填写承诺事项' },
            { min: 2, message: '承诺事项至少 2 个字' },
          ]}
        >
          <Input.TextArea
            rows={2}
            maxLength={200}
            showCount
            placeholder="例如：食品经营许可（告知承诺制）：承诺经营场所、设施设备符合食品安全要求"
          />
        </Form.Item>
        <Space size={16} wrap>
          <Form.Item
            label="承诺日期"
            name="committedOn"
            rules={[{ required: true, message: '请选择承诺日期' }]}
          >
            <DatePicker disabledDate={(day) => day.isAfter(dayjs(), 'day')} />
          </Form.Item>
          <Form.Item
            label="履约期限"
            name="dueOn"
            dependencies={['committedOn']}
            rules={[
              ({ getFieldValue }) => ({
                validator: (_, value: Dayjs | null | undefined) => {
                  const committedOn = getFieldValue('committedOn') as Dayjs | undefined;
                  return value && committedOn && value.isBefore(committedOn, 'day')
                    ? Promise.reject(new Error('履约期限不能早于承诺日期'))
                    : Promise.resolve();
                },
              }),
            ]}
          >
            <DatePicker placeholder="无期限可不填" />
          </Form.Item>
        </Space>
      </Form>
    </Modal>
  );
}

/** 违诺: what was not kept, required. */
function BreachCommitmentModal({
  commitment,
  onClose,
}: {
  commitment: EntityCommitmentView | null;
  onClose: () => void;
}) {
  const [form] = Form.useForm<{ note: string }>();
  const [error, setError] = useState<string | null>(null);
  const breach = useBreachCommitment();

  useEffect(() => {
    if (!commitment) return;
    setError(null);
    form.resetFields();
  }, [commitment, form]);

  return (
    <Modal
      title={commitment ? `登记违诺：${commitment.title}` : ''}
      open={commitment !== null}
      okText="登记违诺"
      okButtonProps={{ danger: true }}
      cancelText="取消"
      confirmLoading={breach.isPending}
      onCancel={onClose}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      {error ? (
        <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} role="alert" />
      ) : null}
      <Form
        form={form}
        layout="vertical"
        onFinish={({ note }) => {
          if (!commitment) return;
          setError(null);
          breach.mutate(
            { id: commitment.id, note: note.trim() },
            {
              onSuccess: () => {
                notify.success('已登记违诺');
                onClose();
              },
              onError: (failure) =>
                setError(failure instanceof ApiError ? failure.message : '登记失败，请稍后重试'),
            },
          );
        }}
      >
        <Form.Item
          label="违诺情况"
          name="note"
          rules={[
            { required: true, whitespace: true, message: '请写明违诺情况' },
            { min: 4, message: '请写明违诺情况（至少 4 个字）' },
          ]}
        >
          <Input.TextArea
            rows={4}
            maxLength={1000}
            showCount
            placeholder="例如：核查发现经营场所实际条件与承诺不符，依法撤销告知承诺制许可"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The portal's 信用承诺 section. */
export function PublicCommitmentSection({ commitments }: { commitments: PublicEntityCommitment[] }) {
  return (
    <Card title={`信用承诺（${String(commitments.length)}）`} style={{ marginBottom: 16 }}>
      <Table<PublicEntityCommitment>
        rowKey={(row) => `${row.organizationName}-${row.committedOn}-${row.title}`}
        size="small"
        pagination={commitments.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
        dataSource={commitments}
        scroll={{ x: 800 }}
        locale={{ emptyText: '没有信用承诺记录' }}
        columns={commitmentColumns<PublicEntityCommitment>()}
      />
    </Card>
  );
}

/** 许可: the directory's licences and the published 行政许可决定 (console and portal alike). */
export function PermitSection({
  permits,
  bordered = false,
}: {
  permits: EntityPermitView[];
  bordered?: boolean;
}) {
  return (
    <Card
      title={`许可（${String(permits.length)}）`}
      size={bordered ? 'default' : 'small'}
      style={{ marginBottom: 16 }}
    >
      <Table<EntityPermitView>
        rowKey={(row) => `${row.source}-${row.publicationId ?? row.name}`}
        size="small"
        pagination={false}
        dataSource={permits}
        locale={{ emptyText: '名录库中没有许可证信息，也没有已公示的行政许可决定' }}
        columns={[
          {
            title: '许可',
            dataIndex: 'name',
            render: (name: string, row) =>
              row.publicationId ? (
                <Link to={portalEnforcementPaths.decision(row.publicationId)}>{name}</Link>
              ) : (
                name
              ),
          },
          {
            title: '来源',
            dataIndex: 'source',
            width: 160,
            render: (source: EntityPermitView['source']) =>
              source === 'directory' ? <Tag>名录库登记</Tag> : <Tag color="blue">行政许可决定公示</Tag>,
          },
          {
            title: '许可部门',
            dataIndex: 'organizationName',
            width: 200,
            render: (value: string | null) => value ?? '—',
          },
          { title: '决定日期', dataIndex: 'decidedOn', width: 120, render: dateOrDash },
        ]}
      />
    </Card>
  );
}
