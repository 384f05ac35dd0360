import { Checkbox, Col, DatePicker, Form, Input, InputNumber, Row, Select, Switch } from 'antd';
import { penaltyKindLabels, penaltyKinds } from '../../../../../contracts/enforcement';
import type { ActionField } from '../action-forms';

const penaltyKindOptions = penaltyKinds.map((value) => ({ value, label: penaltyKindLabels[value] }));

/** 处罚种类, 罚款, 没收金额 and other measures, as one group under `name`. */
export function PenaltyFormItems({ name, label }: { name: string; label: string }) {
  return (
    <fieldset
      style={{ border: '1px solid #f0f0f0', borderRadius: 6, padding: '8px 12px 0', marginBottom: 16 }}
    >
      <legend style={{ fontSize: 14, width: 'auto', padding: '0 4px', marginBottom: 0, border: 0 }}>
        {label}
      </legend>
      <Form.Item label="处罚种类" name={[name, 'kinds']} extra="给予处罚的须选择处罚种类；不予处罚的不选">
        <Select
          mode="multiple"
          allowClear
          optionFilterProp="label"
          options={penaltyKindOptions}
          placeholder="选择处罚种类"
        />
      </Form.Item>
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item label="罚款金额（元）" name={[name, 'fineYuan']}>
            <InputNumber min={0} precision={2} step={100} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item label="没收金额（元）" name={[name, 'confiscationYuan']}>
            <InputNumber min={0} precision={2} step={100} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item label="其他处理内容" name={[name, 'detail']}>
        <Input.TextArea rows={2} maxLength={2000} placeholder="例如：责令改正违法行为" />
      </Form.Item>
    </fieldset>
  );
}

const requiredRule = (field: ActionField) =>
  field.isRequired
    ? [
        field.type === 'text' || field.type === 'paragraph'
          ? { required: true, whitespace: true, message: `请填写${field.label}` }
          : {
              required: true,
              message: `请${field.type === 'select' || field.type === 'date' ? '选择' : '填写'}${field.label}`,
            },
      ]
    : [];

/** The antd form items of an action's fields (see action-forms.ts). */
export function ActionFormItems({ form }: { form: ActionField[] }) {
  return (
    <>
      {form.map((field) => {
        const common = {
          name: field.name,
          label: field.label,
          extra: field.extra,
          rules: requiredRule(field),
        };
        switch (field.type) {
          case 'text':
            return (
              <Form.Item key={field.name} {...common}>
                <Input maxLength={field.maxLength} placeholder={field.placeholder} />
              </Form.Item>
            );
          case 'paragraph':
            return (
              <Form.Item key={field.name} {...common}>
                <Input.TextArea
                  rows={3}
                  maxLength={field.maxLength}
                  showCount={(field.maxLength ?? 0) > 500}
                  placeholder={field.placeholder}
                />
              </Form.Item>
            );
          case 'date':
            return (
              <Form.Item key={field.name} {...common}>
                <DatePicker format="YYYY年M月D日" style={{ width: 200 }} />
              </Form.Item>
            );
          case 'yuan':
            return (
              <Form.Item key={field.name} {...common} label={`${field.label}（元）`}>
                <InputNumber min={0} precision={2} step={100} style={{ width: 200 }} />
              </Form.Item>
            );
          case 'integer':
            return (
              <Form.Item key={field.name} {...common}>
                <InputNumber min={field.min} max={field.max} precision={0} style={{ width: 200 }} />
              </Form.Item>
            );
          case 'select':
            return (
              <Form.Item key={field.name} {...common}>
                <Select options={[...(field.options ?? [])]} placeholder={`选择${field.label}`} />
              </Form.Item>
            );
          case 'boolean':
            return (
              <Form.Item key={field.name} {...common} valuePropName="checked">
                <Switch checkedChildren="是" unCheckedChildren="否" />
              </Form.Item>
            );
          case 'checklist':
            return (
              <Form.Item key={field.name} {...common}>
                <Checkbox.Group style={{ display: 'grid', gap: 6 }} options={[...(field.options ?? [])]} />
              </Form.Item>
            );
          case 'penalty':
            return <PenaltyFormItems key={field.name} name={field.name} label={field.label} />;
        }
      })}
    </>
  );
}
