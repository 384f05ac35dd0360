import { Alert, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../../lib/api-client';
import { useChangePassword } from '../api/change-password';

interface Values {
  currentPassword: string;
  password: string;
  confirm: string;
}

/** Changes one's own password; the server checks the policy and names what is missing. */
export function ChangePasswordForm({ onChanged }: { onChanged: () => void }) {
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const change = useChangePassword();
  return (
    <Form
      form={form}
      layout="vertical"
      requiredMark={false}
      onFinish={(values) => {
        setError(null);
        change.mutate(
          { currentPassword: values.currentPassword, password: values.password },
          {
            onSuccess: onChanged,
            onError: (failure) =>
              setError(failure instanceof ApiError ? failure.message : '修改失败，请稍后重试'),
          },
        );
      }}
    >
      {error ? (
        <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} role="alert" />
      ) : null}
      <Form.Item
        label="当前密码"
        name="currentPassword"
        rules={[{ required: true, message: '请输入当前密码' }]}
      >
        <Input.Password autoComplete="current-password" />
      </Form.Item>
      <Form.Item
        label="新密码"
        name="password"
        rules={[{ required: true, message: '请输入新密码' }]}
        extra="须符合密码策略：长度和字符种类（大写、小写、数字、符号）由安全管理员设定。"
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        label="再次输入新密码"
        name="confirm"
        dependencies={['password']}
        rules={[
          { required: true, message: '请再次输入新密码' },
          ({ getFieldValue }) => ({
            validator: (_, value: string | undefined) =>
              !value || getFieldValue('password') === value
                ? Promise.resolve()
                : Promise.reject(new Error('两次输入的新密码不一致')),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Button type="primary" htmlType="submit" block loading={change.isPending}>
        修改密码
      </Button>
    </Form>
  );
}
