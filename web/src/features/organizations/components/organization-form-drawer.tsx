import { Alert, Button, Drawer, Form, Input, InputNumber, Select, Space } from 'antd';
import { useEffect, useState } from 'react';
import {
  authorityTypeLabels,
  authorityTypes,
  organizationKindLabels,
  organizationKinds,
  type AuthorityType,
  type Organization,
  type OrganizationKind,
  type OrganizationTreeNode,
} from '../../../../../contracts/org';
import { OrganizationTreeSelect } from '../../../components/organization-tree-select';
import { ApiError } from '../../../lib/api-client';
import { useSaveOrganization } from '../api/save-organization';

interface Values {
  parentId: string | null;
  moveReason?: string;
  name: string;
  shortName?: string | null;
  kind: OrganizationKind;
  jurisdictionCode: string;
  authorityType?: AuthorityType | null;
  creditCode?: string | null;
  enforcementField?: string | null;
  address?: string | null;
  phone?: string | null;
  sortOrder?: number;
}

interface Props {
  open: boolean;
  /** the organization being edited; null to create one */
  organization: Organization | null;
  /** the parent preselected when creating (the node chosen in the tree) */
  defaultParentId?: string | null;
  tree: OrganizationTreeNode[];
  onClose: () => void;
  onSaved: (organization: Organization) => void;
}

function findNode(nodes: OrganizationTreeNode[], id: string): OrganizationTreeNode | null {
  for (const node of nodes) {
    if (node.id === id) return node;
    const found = findNode(node.children, id);
    if (found) return found;
  }
  return null;
}

const blankToNull = (value: string | null | undefined) => (value?.trim() ? value.trim() : null);

/** 新建或编辑组织机构, in a drawer; the server's message lands on the field it names. */
export function OrganizationFormDrawer({
  open,
  organization,
  defaultParentId,
  tree,
  onClose,
  onSaved,
}: Props) {
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const save = useSaveOrganization();
  const kind = Form.useWatch('kind', form);
  const parentId = Form.useWatch('parentId', form);
  const isEditing = organization !== null;
  const isMoving = isEditing && parentId != null && parentId !== organization.parentId;

  useEffect(() => {
    if (!open) return;
    setError(null);
    form.resetFields();
    if (organization) {
      form.setFieldsValue({ ...organization, parentId: organization.parentId });
    } else {
      const parent = defaultParentId ? findNode(tree, defaultParentId) : null;
      form.setFieldsValue({
        parentId: parent?.id ?? null,
        kind: 'department',
        jurisdictionCode: parent?.jurisdictionCode ?? '',
        sortOrder: 0,
      });
    }
  }, [open, organization, defaultParentId, tree, form]);

  const submit = (values: Values) => {
    setError(null);
    const fields = {
      name: values.name.trim(),
      shortName: blankToNull(values.shortName),
      kind: values.kind,
      jurisdictionCode: values.jurisdictionCode.trim(),
      authorityType: values.kind === 'enforcementBody' ? (values.authorityType ?? null) : null,
      creditCode: blankToNull(values.creditCode),
      enforcementField: blankToNull(values.enforcementField),
      address: blankToNull(values.address),
      phone: blankToNull(values.phone),
      sortOrder: values.sortOrder ?? 0,
    };
    const showFailure = (failure: unknown) => {
      if (failure instanceof ApiError && failure.field) {
        const field = failure.field === 'reason' ? 'moveReason' : failure.field;
        if (form.getFieldInstance(field)) {
          form.setFields([{ name: field as keyof Values, errors: [failure.message] }]);
          return;
        }
      }
      setError(failure instanceof ApiError ? failure.message : '保存失败，请稍后重试');
    };
    if (!organization) {
      save.mutate(
        { kind: 'create', input: { ...fields, parentId: values.parentId ?? null } },
        { onSuccess: (saved) => onSaved(saved), onError: showFailure },
      );
      return;
    }
    void (async () => {
      try {
        if (isMoving && values.parentId) {
          await save.mutateAsync({
            kind: 'move',
            id: organization.id,
            input: { parentId: values.parentId, reason: values.moveReason?.trim() ?? '' },
          });
        }
        onSaved(await save.mutateAsync({ kind: 'update', id: organization.id, input: fields }));
      } catch (failure) {
        showFailure(failure);
      }
    })();
  };

  return (
    <Drawer
      title={isEditing ? `编辑组织机构：${organization.name}` : '新建组织机构'}
      width={560}
      open={open}
      onClose={onClose}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onClose}>取消</Button>
          <Button type="primary" loading={save.isPending} onClick={() => form.submit()}>
            保存
          </Button>
        </Space>
      }
    >
      {error ? (
        <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} role="alert" />
      ) : null}
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item
          label="上级组织"
          name="parentId"
          extra={isEditing ? '调整上级组织时，其下级组织一并调整，须注明原因' : undefined}
        >
          <OrganizationTreeSelect
            tree={tree}
            placeholder="选择上级组织"
            onChange={(parentId) => {
              const parent = parentId ? findNode(tree, parentId) : null;
              if (parent && !form.getFieldValue('jurisdictionCode')) {
                form.setFieldValue('jurisdictionCode', parent.jurisdictionCode);
              }
            }}
          />
        </Form.Item>
        {isMoving ? (
          <Form.Item
            label="调整原因"
            name="moveReason"
            rules={[{ required: true, message: '请填写调整原因（如机构改革文件）' }]}
          >
            <Input maxLength={500} placeholder="例如：示政〔2026〕8号 机构改革方案" />
          </Form.Item>
        ) : null}
        <Form.Item
          label="名称"
          name="name"
          rules={[
            { required: true, message: '请填写名称' },
            { min: 2, message: '名称至少 2 个字' },
          ]}
        >
          <Input maxLength={100} placeholder="例如：示范市市场监督管理局" />
        </Form.Item>
        <Form.Item label="简称" name="shortName">
          <Input maxLength={30} placeholder="例如：市市场监管局" />
        </Form.Item>
        <Form.Item label="组织类型" name="kind" rules={[{ required: true, message: '请选择组织类型' }]}>
          <Select
            options={organizationKinds.map((value) => ({ value, label: organizationKindLabels[value] }))}
          />
        </Form.Item>
        {kind === 'enforcementBody' ? (
          <Form.Item
            label="执法主体类型"
            name="authorityType"
            rules={[{ required: true, message: '请选择执法主体类型' }]}
          >
            <Select options={authorityTypes.map((value) => ({ value, label: authorityTypeLabels[value] }))} />
          </Form.Item>
        ) : null}
        <Form.Item
          label="行政区划代码"
          name="jurisdictionCode"
          rules={[
            { required: true, message: '请填写行政区划代码' },
            { pattern: /^\d{6}(\d{3})?$/, message: '行政区划代码应为 6 位或 9 位数字' },
          ]}
          extra="按 GB/T 2260，县级以上 6 位，乡镇（街道）9 位"
        >
          <Input maxLength={9} />
        </Form.Item>
        <Form.Item
          label="统一社会信用代码"
          name="creditCode"
          rules={[
            { pattern: /^[0-9A-HJ-NPQRTUWXYa-hj-npqrtuwxy]{18}$/, message: '统一社会信用代码应为 18 位' },
          ]}
        >
          <Input maxLength={18} />
        </Form.Item>
        <Form.Item label="执法领域" name="enforcementField">
          <Input maxLength={50} placeholder="例如：市场监管" />
        </Form.Item>
        <Form.Item label="地址" name="address">
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item label="电话" name="phone">
          <Input maxLength={32} />
        </Form.Item>
        <Form.Item label="排序" name="sortOrder" extra="数字越小越靠前">
          <InputNumber min={0} max={100000} style={{ width: 160 }} />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
