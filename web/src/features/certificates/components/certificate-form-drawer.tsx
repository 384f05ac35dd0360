import { Alert, Button, DatePicker, Drawer, Form, Input, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import {
  certificateStatusLabels,
  certificateStatuses,
  type Certificate,
  type CertificateStatus,
} from '../../../../../contracts/org';
import { ApiError } from '../../../lib/api-client';
import { useHolderChoices } from '../api/get-certificates';
import { useSaveCertificate } from '../api/save-certificate';

interface Values {
  personId: string;
  number: string;
  field: string;
  issuedBy: string;
  issuedOn: Dayjs;
  expiresOn: Dayjs;
  status: CertificateStatus;
}

interface Props {
  open: boolean;
  certificate: Certificate | null;
  onClose: () => void;
  onSaved: (certificate: Certificate) => void;
}

/** 登记或编辑执法证件. */
export function CertificateFormDrawer({ open, certificate, onClose, onSaved }: Props) {
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const [holderSearch, setHolderSearch] = useState('');
  const holders = useHolderChoices(holderSearch);
  const save = useSaveCertificate();

  useEffect(() => {
    if (!open) return;
    setError(null);
    form.resetFields();
    if (certificate) {
      form.setFieldsValue({
        personId: certificate.personId,
        number: certificate.number,
        field: certificate.field,
        issuedBy: certificate.issuedBy,
        issuedOn: dayjs(certificate.issuedOn),
        expiresOn: dayjs(certificate.expiresOn),
        status: certificate.status,
      });
    } else {
      form.setFieldsValue({ status: 'valid' });
    }
  }, [open, certificate, form]);

  const submit = (values: Values) => {
    setError(null);
    const fields = {
      number: values.number.trim(),
      field: values.field.trim(),
      issuedBy: values.issuedBy.trim(),
      issuedOn: values.issuedOn.format('YYYY-MM-DD'),
      expiresOn: values.expiresOn.format('YYYY-MM-DD'),
      status: values.status,
    };
    save.mutate(
      certificate
        ? { kind: 'update', id: certificate.id, input: fields }
        : { kind: 'create', input: { ...fields, personId: values.personId } },
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

  const holderOptions = (holders.data?.items ?? []).map((person) => ({
    value: person.id,
    label: `${person.name}（${person.organizationName}）`,
  }));
  if (certificate && !holderOptions.some((option) => option.value === certificate.personId)) {
    holderOptions.unshift({
      value: certificate.personId,
      label: `${certificate.personName}（${certificate.organizationName}）`,
    });
  }

  return (
    <Drawer
      title={certificate ? `编辑执法证件：${certificate.number}` : '登记执法证件'}
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
        <Form.Item label="持证人" name="personId" rules={[{ required: true, message: '请选择持证人' }]}>
          <Select
            showSearch
            disabled={certificate !== null}
            filterOption={false}
            onSearch={setHolderSearch}
            loading={holders.isFetching}
            placeholder="输入姓名查找"
            options={holderOptions}
          />
        </Form.Item>
        <Form.Item
          label="证号"
          name="number"
          rules={[
            { required: true, message: '请填写证号' },
            { pattern: /^[0-9A-Za-z-]{4,32}$/, message: '证号为 4 至 32 位数字、字母或连字符' },
          ]}
        >
          <Input maxLength={32} />
        </Form.Item>
        <Form.Item label="执法类别" name="field" rules={[{ required: true, message: '请填写执法类别' }]}>
          <Input maxLength={50} placeholder="例如：市场监管" />
        </Form.Item>
        <Form.Item label="发证机关" name="issuedBy" rules={[{ required: true, message: '请填写发证机关' }]}>
          <Input maxLength={100} placeholder="例如：某某省人民政府" />
        </Form.Item>
        <Space size="large">
          <Form.Item label="发证日期" name="issuedOn" rules={[{ required: true, message: '请选择发证日期' }]}>
            <DatePicker format="YYYY年M月D日" />
          </Form.Item>
          <Form.Item
            label="有效期至"
            name="expiresOn"
            dependencies={['issuedOn']}
            rules={[
              { required: true, message: '请选择有效期' },
              ({ getFieldValue }) => ({
                validator: (_, value: Dayjs | undefined) => {
                  const issued = getFieldValue('issuedOn') as Dayjs | undefined;
                  return !value || !issued || !value.isBefore(issued)
                    ? Promise.resolve()
                    : Promise.reject(new Error('有效期不能早于发证日期'));
                },
              }),
            ]}
          >
            <DatePicker format="YYYY年M月D日" />
          </Form.Item>
        </Space>
        <Form.Item label="状态" name="status" rules={[{ required: true, message: '请选择状态' }]}>
          <Select
            options={certificateStatuses.map((value) => ({ value, label: certificateStatusLabels[value] }))}
          />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
