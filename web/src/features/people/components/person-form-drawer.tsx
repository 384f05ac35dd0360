import { Alert, Button, Drawer, Form, Input, Select, Space, Switch } from 'antd';
import { useEffect, useState } from 'react';
import {
  genderLabels,
  genders,
  personDutyLabels,
  personDuties,
  type Person,
  type PersonDuty,
} from '../../../../../contracts/org';
import { OrganizationTreeSelect, type TreeOption } from '../../../components/organization-tree-select';
import { ApiError } from '../../../lib/api-client';
import { useSavePerson } from '../api/save-person';

interface Values {
  organizationId: string;
  name: string;
  gender?: 'male' | 'female' | null;
  idNumber?: string;
  phone?: string;
  position?: string;
  duties: PersonDuty[];
  hasLegalQualification: boolean;
}

interface Props {
  open: boolean;
  person: Person | null;
  defaultOrganizationId?: string;
  organizationTree: TreeOption[];
  onClose: () => void;
  onSaved: (person: Person) => void;
}

const blankToNull = (value: string | undefined) => (value?.trim() ? value.trim() : null);

/** 新建或编辑工作人员. The ID number is stored encrypted and shown masked, so editing leaves it blank unless replaced. */
export function PersonFormDrawer({
  open,
  person,
  defaultOrganizationId,
  organizationTree,
  onClose,
  onSaved,
}: Props) {
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const save = useSavePerson();

  useEffect(() => {
    if (!open) return;
    setError(null);
    form.resetFields();
    form.setFieldsValue(
      person
        ? {
            organizationId: person.organizationId,
            name: person.name,
            gender: person.gender,
            phone: person.phone ?? undefined,
            position: person.position ?? undefined,
            duties: person.duties,
            hasLegalQualification: person.hasLegalQualification,
          }
        : { organizationId: defaultOrganizationId, duties: [], hasLegalQualification: false },
    );
  }, [open, person, defaultOrganizationId, form]);

  const submit = (values: Values) => {
    setError(null);
    const idNumber = blankToNull(values.idNumber);
    const fields = {
      organizationId: values.organizationId,
      name: values.name.trim(),
      gender: values.gender ?? null,
      phone: blankToNull(values.phone),
      position: blankToNull(values.position),
      duties: values.duties,
      hasLegalQualification: values.hasLegalQualification,
    };
    save.mutate(
      person
        ? { kind: 'update', id: person.id, input: idNumber ? { ...fields, idNumber } : fields }
        : { kind: 'create', input: { ...fields, idNumber } },
      {
        onSuccess: onSaved,
        onError: (failure) => {
          if (failure instanceof ApiError && failure.field && form.getFieldInstance(failure.field)) {
            form.setFields([{ name: failure.field as keyof Values, errors: [failure.message] }]);
          } else {
            setError(failure instanceof ApiError ? failure.message : '保存失败，请稍后重试');
          }
        },
      },
    );
  };

  return (
    <Drawer
      title={person ? `编辑工作人员：${person.name}` : '新建工作人员'}
      width={520}
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
          label="所属组织"
          name="organizationId"
          rules={[{ required: true, message: '请选择所属组织' }]}
        >
          <OrganizationTreeSelect tree={organizationTree} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item label="姓名" name="name" rules={[{ required: true, message: '请填写姓名' }]}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item label="性别" name="gender">
          <Select allowClear options={genders.map((value) => ({ value, label: genderLabels[value] }))} />
        </Form.Item>
        <Form.Item
          label="身份证号码"
          name="idNumber"
          rules={[{ pattern: /^\d{17}[\dXx]$/, message: '身份证号码应为 18 位，最后一位可以是 X' }]}
          extra={
            person?.idNumberMasked
              ? `已登记：${person.idNumberMasked}（不修改请留空）`
              : '加密保存，列表中只显示部分号码'
          }
        >
          <Input maxLength={18} />
        </Form.Item>
        <Form.Item label="电话" name="phone">
          <Input maxLength={32} />
        </Form.Item>
        <Form.Item label="职务" name="position">
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item label="职责" name="duties">
          <Select
            mode="multiple"
            allowClear
            options={personDuties.map((value) => ({ value, label: personDutyLabels[value] }))}
          />
        </Form.Item>
        <Form.Item label="具有法律职业资格" name="hasLegalQualification" valuePropName="checked">
          <Switch checkedChildren="是" unCheckedChildren="否" />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
