import { Alert, Button, DatePicker, Drawer, Form, Input, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import {
  listKindLabels,
  listKinds,
  type ChangeSetView,
  type ListKind,
} from '../../../../../contracts/powers';
import { OrganizationTreeSelect, type TreeOption } from '../../../components/organization-tree-select';
import { ApiError } from '../../../lib/api-client';
import { useCreateChangeSet, useUpdateChangeSet } from '../api/save-change-set';

interface Values {
  organizationId: string;
  listKind: ListKind;
  title: string;
  reason: string;
  basis?: string;
  effectiveOn: Dayjs;
}

interface Props {
  open: boolean;
  organizationTree: TreeOption[];
  defaultOrganizationId?: string;
  defaultListKind?: ListKind;
  /** the change set being edited (draft or returned); absent to create one */
  changeSet?: ChangeSetView;
  onClose: () => void;
  onCreated: (changeSet: ChangeSetView) => void;
}

/** 新建调整 (or 修改方案信息 of a draft or returned one): which organization's which list, why, on what basis, from when. */
export function ChangeSetFormDrawer({
  open,
  organizationTree,
  defaultOrganizationId,
  defaultListKind,
  changeSet,
  onClose,
  onCreated,
}: Props) {
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const create = useCreateChangeSet();
  const update = useUpdateChangeSet();
  const isEditing = changeSet !== undefined;

  useEffect(() => {
    if (!open) return;
    setError(null);
    form.resetFields();
    form.setFieldsValue(
      changeSet
        ? {
            organizationId: changeSet.organizationId,
            listKind: changeSet.listKind,
            title: changeSet.title,
            reason: changeSet.reason,
            basis: changeSet.basis ?? undefined,
            effectiveOn: dayjs(changeSet.effectiveOn),
          }
        : {
            organizationId: defaultOrganizationId,
            listKind: defaultListKind ?? 'power',
            effectiveOn: dayjs(),
          },
    );
  }, [open, defaultOrganizationId, defaultListKind, changeSet, form]);

  const submit = (values: Values) => {
    setError(null);
    const fields = {
      title: values.title.trim(),
      reason: values.reason.trim(),
      basis: values.basis?.trim() ? values.basis.trim() : null,
      effectiveOn: values.effectiveOn.format('YYYY-MM-DD'),
    };
    const callbacks = {
      onSuccess: onCreated,
      onError: (failure: Error) => {
        if (failure instanceof ApiError && failure.field && form.getFieldInstance(failure.field)) {
          form.setFields([{ name: failure.field as keyof Values, errors: [failure.message] }]);
        } else {
          setError(failure instanceof ApiError ? failure.message : '保存失败，请稍后重试');
        }
      },
    };
    if (changeSet) {
      update.mutate({ id: changeSet.id, input: fields }, callbacks);
      return;
    }
    create.mutate({ organizationId: values.organizationId, listKind: values.listKind, ...fields }, callbacks);
  };

  return (
    <Drawer
      title={isEditing ? '修改方案信息' : '新建调整'}
      width={560}
      open={open}
      onClose={onClose}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onClose}>取消</Button>
          <Button type="primary" loading={create.isPending || update.isPending} onClick={() => form.submit()}>
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
          label="调整单位"
          name="organizationId"
          rules={[{ required: true, message: '请选择调整单位' }]}
        >
          <OrganizationTreeSelect
            tree={organizationTree}
            placeholder="选择本部门或下级单位"
            disabled={isEditing}
          />
        </Form.Item>
        <Form.Item label="清单类型" name="listKind" rules={[{ required: true, message: '请选择清单类型' }]}>
          <Select
            disabled={isEditing}
            options={listKinds.map((value) => ({ value, label: listKindLabels[value] }))}
          />
        </Form.Item>
        <Form.Item
          label="调整事由标题"
          name="title"
          rules={[{ required: true, whitespace: true, message: '请填写调整事由标题' }]}
        >
          <Input maxLength={200} placeholder="例如：依据新修订的《中华人民共和国行政处罚法》调整权责清单" />
        </Form.Item>
        <Form.Item
          label="调整理由"
          name="reason"
          rules={[{ required: true, whitespace: true, message: '请填写调整理由' }]}
        >
          <Input.TextArea rows={4} maxLength={4000} showCount />
        </Form.Item>
        <Form.Item label="调整依据" name="basis" extra="引起调整的法律法规、机构改革文件等（可不填）">
          <Input.TextArea rows={3} maxLength={4000} />
        </Form.Item>
        <Form.Item
          label="生效日期"
          name="effectiveOn"
          rules={[{ required: true, message: '请选择生效日期' }]}
          extra="经司法局批准后，调整自该日起生效"
        >
          <DatePicker style={{ width: 200 }} format="YYYY年M月D日" />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
