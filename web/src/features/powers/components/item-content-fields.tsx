import { Form, Input, InputNumber, Radio, Select } from 'antd';
import type { ListKind } from '../../../../../contracts/powers';
import { detailFields, kindOptionsFor } from '../power-fields';

/**
 * The fields of an item of one list kind, under `content` in the form: 编码, 名称, 类型, 法律依据,
 * then the details of the kind (labels in Chinese, required ones marked).
 */
export function ItemContentFields({
  listKind,
  isCodeLocked = false,
}: {
  listKind: ListKind;
  isCodeLocked?: boolean;
}) {
  const kindField = kindOptionsFor(listKind);
  return (
    <>
      <Form.Item
        label="事项编码"
        name={['content', 'code']}
        rules={[
          { required: true, whitespace: true, message: '请填写事项编码' },
          { pattern: /^[A-Za-z0-9\-_.]+$/, message: '事项编码只能由字母、数字和 - _ . 组成' },
        ]}
        extra={isCodeLocked ? '变更时编码不变' : '本单位本类清单内唯一，例如 SZ-HB-CF-001'}
      >
        <Input maxLength={64} disabled={isCodeLocked} />
      </Form.Item>
      <Form.Item
        label="事项名称"
        name={['content', 'name']}
        rules={[{ required: true, whitespace: true, message: '请填写事项名称' }]}
      >
        <Input maxLength={300} />
      </Form.Item>
      {kindField ? (
        <Form.Item
          label={kindField.label}
          name={['content', 'kind']}
          rules={[{ required: true, message: `请选择${kindField.label}` }]}
        >
          <Select options={kindField.options} placeholder={`选择${kindField.label}`} />
        </Form.Item>
      ) : null}
      <Form.Item
        label="法律依据"
        name={['content', 'legalBasisText']}
        rules={[{ required: true, whitespace: true, message: '请填写法律依据' }]}
        extra="按“《法律名称》第×条第×款”书写，多条依据分行填写；保存后自动链接到条文。"
      >
        <Input.TextArea
          rows={4}
          maxLength={8000}
          placeholder="例如：《中华人民共和国大气污染防治法》第九十九条"
        />
      </Form.Item>
      {detailFields[listKind].map((field) => {
        const name = ['content', 'details', field.name];
        const rules = field.isRequired
          ? [{ required: true, whitespace: true, message: `请填写${field.label}` }]
          : [];
        if (field.type === 'boolean') {
          return (
            <Form.Item key={field.name} label={field.label} name={name}>
              <Radio.Group
                options={[
                  { value: true, label: '是' },
                  { value: false, label: '否' },
                ]}
              />
            </Form.Item>
          );
        }
        if (field.type === 'days' || field.type === 'percent') {
          return (
            <Form.Item
              key={field.name}
              label={`${field.label}（${field.type === 'days' ? '工作日' : '%'}）`}
              name={name}
            >
              <InputNumber
                min={0}
                max={field.type === 'percent' ? 100 : 3650}
                precision={field.type === 'days' ? 0 : undefined}
                style={{ width: 200 }}
              />
            </Form.Item>
          );
        }
        if (field.type === 'paragraph' || field.type === 'lines') {
          return (
            <Form.Item key={field.name} label={field.label} name={name} rules={rules}>
              <Input.TextArea rows={3} maxLength={field.maxLength} placeholder={field.placeholder} />
            </Form.Item>
          );
        }
        return (
          <Form.Item key={field.name} label={field.label} name={name} rules={rules}>
            <Input maxLength={field.maxLength} placeholder={field.placeholder} />
          </Form.Item>
        );
      })}
    </>
  );
}
