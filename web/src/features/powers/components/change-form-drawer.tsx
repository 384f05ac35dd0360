import { Alert, Button, Drawer, Form, Input, Select, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import {
  changeTypeLabels,
  listKindLabels,
  type ChangeSetView,
  type ChangeType,
  type PowerItemView,
} from '../../../../../contracts/powers';
import { ApiError } from '../../../lib/api-client';
import { usePowerItems } from '../api/get-power-items';
import { useAddChange } from '../api/save-change-set';
import {
  blankItemContentValues,
  toItemContent,
  toItemContentValues,
  type ItemContentValues,
} from '../item-content';
import { ItemContentFields } from './item-content-fields';

interface Values {
  itemId?: string;
  reason?: string;
  content: ItemContentValues;
}

interface Props {
  changeSet: ChangeSetView;
  /** null: closed */
  changeType: ChangeType | null;
  onClose: () => void;
  onSaved: () => void;
}

/** Picks an item in force on the change set's list, searched by name or code. */
function InForceItemSelect({
  changeSet,
  value,
  onChange,
  onPicked,
  id,
}: {
  changeSet: ChangeSetView;
  value?: string;
  onChange?: (value: string) => void;
  onPicked: (item: PowerItemView) => void;
  id?: string;
}) {
  const [search, setSearch] = useState('');
  const items = usePowerItems({
    organizationId: changeSet.organizationId,
    listKind: changeSet.listKind,
    status: 'inForce',
    q: search || undefined,
    page: 1,
    pageSize: 50,
  });
  const options = items.data?.items ?? [];
  return (
    <Select<string>
      id={id}
      showSearch
      filterOption={false}
      value={value}
      placeholder="输入名称或编码查找有效事项"
      loading={items.isFetching}
      notFoundContent={items.isFetching ? '正在查找…' : '没有找到有效事项'}
      onSearch={setSearch}
      options={options.map((item) => ({ value: item.id, label: `${item.code} ${item.name}` }))}
      onChange={(next) => {
        onChange?.(next);
        const picked = options.find((item) => item.id === next);
        if (picked) onPicked(picked);
      }}
    />
  );
}

/** Where the server's `field` (content.details.duties, details.duties, reason…) sits in this form. */
function formPathOf(field: string): (string | number)[] {
  const parts = field.split('.');
  return parts[0] === 'content' || parts[0] === 'itemId' || parts[0] === 'reason'
    ? parts
    : ['content', ...parts];
}

/** 新增 (a whole item), 变更 (pick an item in force, then edit it) or 取消 (pick one, say why). */
export function ChangeFormDrawer({ changeSet, changeType, onClose, onSaved }: Props) {
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const add = useAddChange(changeSet.id);
  const pickedItemId = Form.useWatch('itemId', form);
  const { listKind } = changeSet;

  useEffect(() => {
    if (!changeType) return;
    setError(null);
    form.resetFields();
    if (changeType === 'add') form.setFieldsValue({ content: blankItemContentValues(listKind) });
  }, [changeType, listKind, form]);

  const submit = (values: Values) => {
    if (!changeType) return;
    setError(null);
    const reason = values.reason?.trim() ? values.reason.trim() : null;
    const input =
      changeType === 'add'
        ? { changeType, content: toItemContent(listKind, values.content), reason }
        : changeType === 'modify'
          ? {
              changeType,
              itemId: values.itemId ?? '',
              content: toItemContent(listKind, values.content),
              reason,
            }
          : { changeType, itemId: values.itemId ?? '', reason: reason ?? '' };
    add.mutate(input, {
      onSuccess: onSaved,
      onError: (failure) => {
        const path = failure instanceof ApiError && failure.field ? formPathOf(failure.field) : null;
        if (failure instanceof ApiError && path && form.getFieldInstance(path)) {
          form.setFields([{ name: path as ['content'], errors: [failure.message] }]);
          form.scrollToField(path);
        } else {
          setError(failure instanceof ApiError ? failure.message : '保存失败，请稍后重试');
        }
      },
    });
  };

  const title = changeType ? `${changeTypeLabels[changeType]}事项` : '';
  return (
    <Drawer
      title={`${title}：${listKindLabels[listKind]}`}
      width={640}
      open={changeType !== null}
      onClose={onClose}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onClose}>取消</Button>
          <Button type="primary" loading={add.isPending} onClick={() => form.submit()}>
            保存
          </Button>
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">
        {changeSet.organizationName} · {changeSet.title}
      </Typography.Paragraph>
      {error ? (
        <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} role="alert" />
      ) : null}
      <Form form={form} layout="vertical" onFinish={submit} scrollToFirstError>
        {changeType === 'modify' || changeType === 'cancel' ? (
          <Form.Item
            label={changeType === 'modify' ? '要变更的事项' : '要取消的事项'}
            name="itemId"
            rules={[{ required: true, message: '请选择事项' }]}
          >
            <InForceItemSelect
              changeSet={changeSet}
              onPicked={(item) => {
                if (changeType === 'modify') {
                  form.setFieldsValue({
                    content: toItemContentValues(listKind, {
                      code: item.code,
                      name: item.name,
                      kind: item.kind,
                      legalBasisText: item.legalBasisText,
                      details: item.details,
                    }),
                  });
                }
              }}
            />
          </Form.Item>
        ) : null}
        {changeType === 'add' || (changeType === 'modify' && pickedItemId) ? (
          <ItemContentFields listKind={listKind} isCodeLocked={changeType === 'modify'} />
        ) : null}
        {changeType === 'cancel' ? (
          <Form.Item
            label="取消理由"
            name="reason"
            rules={[{ required: true, whitespace: true, message: '请填写取消理由' }]}
          >
            <Input.TextArea rows={3} maxLength={2000} placeholder="例如：法律依据已废止；职能已划转至××局" />
          </Form.Item>
        ) : (
          <Form.Item label="理由" name="reason">
            <Input.TextArea rows={2} maxLength={2000} placeholder="可不填" />
          </Form.Item>
        )}
      </Form>
    </Drawer>
  );
}
