import { PlusOutlined } from '@ant-design/icons';
import {
  Button,
  Card,
  Checkbox,
  Form,
  Input,
  InputNumber,
  Modal,
  Popconfirm,
  Select,
  Space,
  Switch,
  Table,
  Tag,
} from 'antd';
import { useState } from 'react';
import { penaltyKindLabels, penaltyKinds, type PenaltyKind } from '../../../../../contracts/enforcement';
import type { MajorRuleView } from '../../../../../contracts/enforcement-oversight';
import { OrganizationTreeSelect, type TreeOption } from '../../../components/organization-tree-select';
import { PageHeader } from '../../../components/page-header';
import { showError } from '../../../lib/api-client';
import { formatDate } from '../../../lib/format';
import { notify } from '../../../lib/notify';
import { useMajorRules } from '../api/get-major-rules';
import { useSaveMajorRule } from '../api/save-major-rule';
import { yuan } from './oversight-format';

interface Props {
  organizationTree: TreeOption[];
  defaultOrganizationId?: string | undefined;
  canEdit: boolean;
}

interface RuleForm {
  organizationId: string;
  title: string;
  fineAtLeastYuan?: number | null;
  penaltyKinds: PenaltyKind[];
  requiresDeliberation: boolean;
}

/** 重大执法决定法制审核目录: what makes a case of a body major; entries are deactivated, never deleted. */
export function MajorRulesView({ organizationTree, defaultOrganizationId, canEdit }: Props) {
  const [organizationId, setOrganizationId] = useState<string | undefined>(defaultOrganizationId);
  const [includeInactive, setIncludeInactive] = useState(false);
  const [editing, setEditing] = useState<MajorRuleView | 'new' | null>(null);
  const rules = useMajorRules({ organizationId, includeInactive });
  const save = useSaveMajorRule();
  const [form] = Form.useForm<RuleForm>();

  const open = (rule: MajorRuleView | 'new') => setEditing(rule);
  const initialValues: Partial<RuleForm> =
    editing === null || editing === 'new'
      ? { organizationId, title: '', fineAtLeastYuan: null, penaltyKinds: [], requiresDeliberation: false }
      : {
          organizationId: editing.organizationId,
          title: editing.title,
          fineAtLeastYuan: editing.fineAtLeastYuan,
          penaltyKinds: editing.penaltyKinds,
          requiresDeliberation: editing.requiresDeliberation,
        };
  const submit = async () => {
    const values = await form.validateFields();
    const fields = {
      title: values.title,
      fineAtLeastYuan: values.fineAtLeastYuan ?? null,
      penaltyKinds: values.penaltyKinds,
      requiresDeliberation: values.requiresDeliberation,
    };
    save.mutate(
      editing === 'new' || editing === null
        ? { create: { organizationId: values.organizationId, ...fields } }
        : { id: editing.id, update: fields },
      {
        onSuccess: () => {
          notify.success('目录事项已保存');
          setEditing(null);
        },
        onError: showError,
      },
    );
  };
  const toggle = (rule: MajorRuleView) =>
    save.mutate(
      { id: rule.id, update: { isActive: !rule.isActive } },
      {
        onSuccess: () => notify.success(rule.isActive ? '已停用' : '已重新启用'),
        onError: showError,
      },
    );

  return (
    <>
      <PageHeader
        title="重大执法决定法制审核目录"
        description="拟处罚达到目录标准或经过听证程序的案件为重大执法决定，作出决定前须经法制审核（《中华人民共和国行政处罚法》第五十八条）。"
        extra={
          canEdit ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => open('new')}>
              新增目录事项
            </Button>
          ) : null
        }
      />
      <Card size="small">
        <Space wrap style={{ marginBottom: 12 }}>
          <OrganizationTreeSelect
            tree={organizationTree}
            allowClear
            placeholder="全部执法主体"
            value={organizationId}
            style={{ width: 280 }}
            onChange={setOrganizationId}
          />
          <Checkbox checked={includeInactive} onChange={(event) => setIncludeInactive(event.target.checked)}>
            显示已停用的事项
          </Checkbox>
        </Space>
        <Table<MajorRuleView>
          rowKey="id"
          size="middle"
          loading={rules.isFetching}
          dataSource={rules.data ?? []}
          pagination={{ pageSize: 20, showTotal: (total) => `共 ${total} 项` }}
          columns={[
            { title: '执法主体', dataIndex: 'organizationName', width: 200 },
            { title: '目录事项', dataIndex: 'title' },
            {
              title: '罚款金额标准',
              dataIndex: 'fineAtLeastYuan',
              width: 160,
              render: (value: number | null) => (value === null ? '—' : `${yuan(value)}以上`),
            },
            {
              title: '处罚种类',
              dataIndex: 'penaltyKinds',
              width: 240,
              render: (kinds: PenaltyKind[]) =>
                kinds.length === 0
                  ? '—'
                  : kinds.map((kind) => <Tag key={kind}>{penaltyKindLabels[kind]}</Tag>),
            },
            {
              title: '集体讨论',
              dataIndex: 'requiresDeliberation',
              width: 90,
              render: (value: boolean) => (value ? '需要' : '—'),
            },
            {
              title: '状态',
              dataIndex: 'isActive',
              width: 90,
              render: (value: boolean) => (value ? <Tag color="green">启用</Tag> : <Tag>已停用</Tag>),
            },
            {
              title: '更新日期',
              dataIndex: 'updatedAt',
              width: 140,
              render: (value: string) => formatDate(value),
            },
            ...(canEdit
              ? [
                  {
                    title: '操作',
                    width: 130,
                    render: (_: unknown, rule: MajorRuleView) => (
                      <Space size={0}>
                        <Button type="link" size="small" onClick={() => open(rule)}>
                          修改
                        </Button>
                        <Popconfirm
                          title={rule.isActive ? '停用后新案件不再适用该事项，确定停用？' : '确定重新启用？'}
                          onConfirm={() => toggle(rule)}
                        >
                          <Button type="link" size="small" danger={rule.isActive}>
                            {rule.isActive ? '停用' : '启用'}
                          </Button>
                        </Popconfirm>
                      </Space>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      <Modal
        title={editing === 'new' ? '新增目录事项' : '修改目录事项'}
        open={editing !== null}
        onCancel={() => setEditing(null)}
        onOk={() => void submit()}
        confirmLoading={save.isPending}
        okText="保存"
        width={640}
        destroyOnHidden
      >
        <Form
          form={form}
          layout="vertical"
          preserve={false}
          initialValues={initialValues}
          key={editing === null || editing === 'new' ? 'new' : editing.id}
        >
          <Form.Item
            name="organizationId"
            label="执法主体"
            rules={[{ required: true, message: '请选择执法主体' }]}
          >
            <OrganizationTreeSelect tree={organizationTree} disabled={editing !== 'new'} />
          </Form.Item>
          <Form.Item
            name="title"
            label="目录事项"
            rules={[{ required: true, min: 4, message: '目录事项名称至少 4 个字' }]}
          >
            <Input placeholder="如：对法人或者其他组织处以十万元以上罚款" maxLength={200} />
          </Form.Item>
          <Form.Item name="fineAtLeastYuan" label="罚款金额标准（拟罚款达到该金额即属于本事项）">
            <InputNumber min={0} precision={2} style={{ width: 240 }} suffix="元" />
          </Form.Item>
          <Form.Item name="penaltyKinds" label="处罚种类（拟给予其中任一种即属于本事项）">
            <Select
              mode="multiple"
              allowClear
              options={penaltyKinds.map((value) => ({ value, label: penaltyKindLabels[value] }))}
            />
          </Form.Item>
          <Form.Item name="requiresDeliberation" label="须经机关负责人集体讨论决定" valuePropName="checked">
            <Switch />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
