import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Drawer, Form, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import {
  recusalKindLabels,
  recusalKinds,
  type RecusalKind,
  type RecusalView,
} from '../../../../../contracts/spotchecks';
import { PageHeader } from '../../../components/page-header';
import { ApiError } from '../../../lib/api-client';
import { formatDate } from '../../../lib/format';
import { notify } from '../../../lib/notify';
import { useInspectors } from '../api/inspectors';
import {
  useAddRecusal,
  useEndRecusal,
  useEntityByCreditCode,
  useRecusals,
  type RecusalListParams,
} from '../api/recusals';

/** Letters and digits a 统一社会信用代码 may hold (GB 32100: no I, O, S, V, Z). */
const creditCodePattern = /^[0-9A-HJ-NP-RTUWXY]{18}$/;

interface PersonChoice {
  id: string;
  name: string;
}

/** Picks an inspector from the pool, searched by name or certificate number. */
function InspectorPicker({
  id,
  value,
  onChange,
  placeholder,
  known,
  allowClear,
  style,
}: {
  id?: string;
  value?: string;
  onChange?: (value: string | undefined) => void;
  placeholder: string;
  /** the chosen person when he is not among the options (opened from a link) */
  known?: PersonChoice | null;
  allowClear?: boolean;
  style?: React.CSSProperties;
}) {
  const [search, setSearch] = useState('');
  const pool = useInspectors({ q: search.trim() || undefined, page: 1, pageSize: 30 });
  const options = (pool.data?.items ?? []).map((inspector) => ({
    value: inspector.personId,
    label: `${inspector.name}（${inspector.organizationName}，证号 ${inspector.certificateNumber}）`,
  }));
  if (known && !options.some((option) => option.value === known.id)) {
    options.unshift({ value: known.id, label: known.name });
  }
  return (
    <Select
      id={id}
      showSearch
      allowClear={allowClear}
      filterOption={false}
      onSearch={setSearch}
      loading={pool.isFetching}
      placeholder={placeholder}
      notFoundContent={pool.isFetching ? '正在查找…' : '名录库中没有符合的持证人员'}
      value={value}
      onChange={(next: string | undefined) => onChange?.(next)}
      options={options}
      style={style}
    />
  );
}

/** Under the code field: the entity's name when the directory has it. */
function EntityNameHint({ creditCode }: { creditCode: string }) {
  const code = creditCode.trim().toUpperCase();
  const entity = useEntityByCreditCode(code);
  if (code.length !== 18) return <span>18 位，见营业执照；填满后显示检查对象名称</span>;
  if (entity.isFetching) return <span>正在查找检查对象…</span>;
  if (entity.data) {
    return (
      <Typography.Text type="success" data-testid="recusal-entity-name">
        检查对象：{entity.data.name}
      </Typography.Text>
    );
  }
  return (
    <Typography.Text type="warning">
      检查对象名录库中没有这个代码（名录尚未导入该单位的，仍可登记）
    </Typography.Text>
  );
}

interface AddValues {
  personId: string;
  creditCode: string;
  kind: RecusalKind;
  note?: string;
}

/** 登记回避: an inspector, an entity by its code, the kind of relation, a note. */
function AddRecusalDrawer({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<AddValues>();
  const [error, setError] = useState<string | null>(null);
  const creditCode = Form.useWatch('creditCode', form) ?? '';
  const add = useAddRecusal();

  useEffect(() => {
    if (!open) return;
    setError(null);
    form.resetFields();
  }, [open, form]);

  const submit = (values: AddValues) => {
    setError(null);
    add.mutate(
      {
        personId: values.personId,
        creditCode: values.creditCode.trim().toUpperCase(),
        kind: values.kind,
        note: values.note?.trim() || undefined,
      },
      {
        onSuccess: (saved) => {
          notify.success(`已登记：${saved.personName}对${saved.entityName ?? saved.creditCode}回避`);
          onClose();
        },
        onError: (failure) => {
          if (failure instanceof ApiError && failure.field && form.getFieldInstance(failure.field)) {
            form.setFields([{ name: failure.field as keyof AddValues, errors: [failure.message] }]);
          } else {
            setError(failure instanceof ApiError ? failure.message : '登记失败，请稍后重试');
          }
        },
      },
    );
  };

  return (
    <Drawer
      title="登记回避"
      width={560}
      open={open}
      onClose={onClose}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onClose}>取消</Button>
          <Button type="primary" loading={add.isPending} onClick={() => form.submit()}>
            登记
          </Button>
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">
        检查人员与检查对象有利害关系的，应当回避。登记后，随机选派时不会派该人员检查该对象；关系消除后可解除，记录保留备查。
      </Typography.Paragraph>
      {error ? (
        <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} role="alert" />
      ) : null}
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item label="检查人员" name="personId" rules={[{ required: true, message: '请选择检查人员' }]}>
          <InspectorPicker placeholder="输入姓名或执法证号查找" />
        </Form.Item>
        <Form.Item
          label="检查对象统一社会信用代码"
          name="creditCode"
          normalize={(value: string) => value.toUpperCase().replace(/\s/g, '')}
          extra={<EntityNameHint creditCode={creditCode} />}
          rules={[
            { required: true, message: '请填写统一社会信用代码' },
            { pattern: creditCodePattern, message: '统一社会信用代码为 18 位数字或大写字母' },
          ]}
        >
          <Input maxLength={18} placeholder="例如 91410300MA44KXAA8X" />
        </Form.Item>
        <Form.Item label="回避情形" name="kind" rules={[{ required: true, message: '请选择回避情形' }]}>
          <Select options={recusalKinds.map((kind) => ({ value: kind, label: recusalKindLabels[kind] }))} />
        </Form.Item>
        <Form.Item label="说明" name="note">
          <Input.TextArea
            rows={3}
            maxLength={500}
            showCount
            placeholder="例如：2019—2022 年在该公司任质量主管"
          />
        </Form.Item>
      </Form>
    </Drawer>
  );
}

/** 解除回避: asks for the reason; the record stays. */
function EndRecusalModal({ recusal, onClose }: { recusal: RecusalView | null; onClose: () => void }) {
  const [form] = Form.useForm<{ reason: string }>();
  const [error, setError] = useState<string | null>(null);
  const end = useEndRecusal();

  useEffect(() => {
    if (!recusal) return;
    setError(null);
    form.resetFields();
  }, [recusal, form]);

  return (
    <Modal
      title={recusal ? `解除回避：${recusal.personName} — ${recusal.entityName ?? recusal.creditCode}` : ''}
      open={recusal !== null}
      okText="解除"
      cancelText="取消"
      confirmLoading={end.isPending}
      onCancel={onClose}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        利害关系已经消除的（如亲属已离职、已满回避年限），可以解除回避。解除后该人员可被派去检查该对象；原记录和解除原因保留备查。
      </Typography.Paragraph>
      {error ? (
        <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} role="alert" />
      ) : null}
      <Form
        form={form}
        layout="vertical"
        onFinish={({ reason }) => {
          if (!recusal) return;
          setError(null);
          end.mutate(
            { id: recusal.id, reason: reason.trim() },
            {
              onSuccess: () => {
                notify.success('已解除回避');
                onClose();
              },
              onError: (failure) =>
                setError(failure instanceof ApiError ? failure.message : '解除失败，请稍后重试'),
            },
          );
        }}
      >
        <Form.Item
          label="解除原因"
          name="reason"
          rules={[
            { required: true, whitespace: true, message: '请填写解除回避的原因' },
            { min: 2, message: '请填写解除回避的原因' },
          ]}
        >
          <Input.TextArea
            rows={3}
            maxLength={500}
            showCount
            placeholder="例如：亲属已于 2026 年 6 月从该公司离职"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 回避管理: who may not inspect which entity; recorded, listed and ended with a reason. */
export function RecusalsView({
  canRecord,
  canEnd,
  initialPerson,
}: {
  /** keepers record for anyone in scope; an officer declares his own */
  canRecord: boolean;
  canEnd: boolean;
  /** opened from the inspector pool: that inspector's recusals */
  initialPerson: PersonChoice | null;
}) {
  const [filter, setFilter] = useState<RecusalListParams>({ personId: initialPerson?.id });
  const [isAdding, setAdding] = useState(false);
  const [ending, setEnding] = useState<RecusalView | null>(null);
  const list = useRecusals(filter);

  return (
    <>
      <PageHeader
        title="回避管理"
        description="检查人员与检查对象有利害关系的（曾在该单位任职、近亲属在该单位任职或持股等），登记回避后，随机选派不会派其检查该对象。"
        extra={
          canRecord ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
              登记回避
            </Button>
          ) : null
        }
      />
      <Card size="small">
        <Space wrap style={{ marginBottom: 12 }}>
          <InspectorPicker
            allowClear
            placeholder="检查人员（姓名或证号）"
            style={{ width: 320 }}
            known={initialPerson}
            value={filter.personId}
            onChange={(personId) => setFilter((current) => ({ ...current, personId }))}
          />
          <Input.Search
            allowClear
            placeholder="检查对象统一社会信用代码"
            style={{ width: 280 }}
            enterButton="查找"
            onSearch={(value) =>
              setFilter((current) => ({ ...current, creditCode: value.trim().toUpperCase() || undefined }))
            }
          />
          <Select<'active' | 'all'>
            style={{ width: 180 }}
            value={filter.includeEnded ? 'all' : 'active'}
            options={[
              { value: 'active', label: '只看未解除的' },
              { value: 'all', label: '全部（含已解除）' },
            ]}
            onChange={(value) => setFilter((current) => ({ ...current, includeEnded: value === 'all' }))}
          />
        </Space>
        <Table<RecusalView>
          rowKey="id"
          size="middle"
          loading={list.isFetching}
          dataSource={list.data ?? []}
          locale={{
            emptyText: filter.includeEnded ? '没有回避记录。' : '没有未解除的回避记录。',
          }}
          pagination={{ pageSize: 20, showTotal: (total) => `共 ${total} 条`, hideOnSinglePage: true }}
          columns={[
            {
              title: '检查人员',
              key: 'person',
              width: 170,
              render: (_: unknown, row) => (
                <Space direction="vertical" size={0}>
                  <span>{row.personName}</span>
                  <Typography.Text type="secondary">{row.organizationName}</Typography.Text>
                </Space>
              ),
            },
            {
              title: '检查对象',
              key: 'entity',
              render: (_: unknown, row) => (
                <Space direction="vertical" size={0}>
                  <span>{row.entityName ?? '（名录中无此对象）'}</span>
                  <Typography.Text type="secondary">{row.creditCode}</Typography.Text>
                </Space>
              ),
            },
            {
              title: '回避情形及说明',
              key: 'kind',
              width: 240,
              render: (_: unknown, row) => (
                <Space direction="vertical" size={0}>
                  <span>{row.kindLabel}</span>
                  {row.note ? <Typography.Text type="secondary">{row.note}</Typography.Text> : null}
                </Space>
              ),
            },
            {
              title: '登记人',
              key: 'recorded',
              width: 140,
              render: (_: unknown, row) => (
                <Space direction="vertical" size={0}>
                  <span>{row.recordedByName}</span>
                  <Typography.Text type="secondary">{formatDate(row.createdAt)}</Typography.Text>
                </Space>
              ),
            },
            {
              title: '状态',
              key: 'state',
              width: 180,
              render: (_: unknown, row) =>
                row.endedAt ? (
                  <Space direction="vertical" size={0}>
                    <Tag>已解除</Tag>
                    <Typography.Text type="secondary">
                      {formatDate(row.endedAt)}：{row.endReason ?? '—'}
                    </Typography.Text>
                  </Space>
                ) : (
                  <Tag color="orange">回避中</Tag>
                ),
            },
            ...(canEnd
              ? [
                  {
                    title: '操作',
                    key: 'actions',
                    width: 70,
                    render: (_: unknown, row: RecusalView) =>
                      row.endedAt ? null : (
                        <Button type="link" size="small" onClick={() => setEnding(row)}>
                          解除
                        </Button>
                      ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      <AddRecusalDrawer open={isAdding} onClose={() => setAdding(false)} />
      <EndRecusalModal recusal={ending} onClose={() => setEnding(null)} />
    </>
  );
}
