import { LockOutlined, SafetyOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import type { SignInInput, SignInResult } from '../../../../../contracts/accounts';
import { ApiError } from '../../../lib/api-client';
import { useSignIn } from '../api/sign-in';

type Step =
  | { kind: 'password' }
  | { kind: 'totp' }
  | { kind: 'enroll'; secret: string; otpauthUri: string; message: string };

interface Props {
  /** a notice shown above the form (e.g. the session timed out) */
  notice?: string | null;
  onSignedIn: (result: Extract<SignInResult, { status: 'signedIn' }>) => void;
}

/** Username and password; administrators then give a TOTP code, and at their first sign-in bind an authenticator app. */
export function SignInForm({ notice, onSignedIn }: Props) {
  const [form] = Form.useForm<SignInInput>();
  const [step, setStep] = useState<Step>({ kind: 'password' });
  const [error, setError] = useState<string | null>(null);
  const signIn = useSignIn();

  const submit = (values: SignInInput) => {
    setError(null);
    const all = { ...form.getFieldsValue(true), ...values } as SignInInput;
    const input: SignInInput = {
      username: all.username.trim(),
      password: all.password,
      ...(step.kind !== 'password' && all.totpCode ? { totpCode: all.totpCode.trim() } : {}),
    };
    signIn.mutate(
      { mode: step.kind === 'enroll' ? 'enroll' : 'signIn', values: input },
      {
        onSuccess: (result) => {
          if (result.status === 'totpEnrollmentRequired') {
            setStep({
              kind: 'enroll',
              secret: result.secret,
              otpauthUri: result.otpauthUri,
              message: result.message,
            });
            return;
          }
          onSignedIn(result);
        },
        onError: (failure) => {
          if (failure instanceof ApiError && failure.code === 'SECOND_FACTOR_REQUIRED') {
            if (step.kind === 'password') {
              setStep({ kind: 'totp' });
              return;
            }
            form.setFieldValue('totpCode', '');
          }
          if (failure instanceof ApiError && failure.code === 'ACCOUNT_LOCKED') setStep({ kind: 'password' });
          setError(failure instanceof ApiError ? failure.message : '登录失败，请稍后重试');
        },
      },
    );
  };

  return (
    <Form form={form} layout="vertical" size="large" onFinish={submit} requiredMark={false} autoComplete="on">
      {notice ? <Alert type="warning" showIcon message={notice} style={{ marginBottom: 16 }} /> : null}
      {error ? (
        <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} role="alert" />
      ) : null}
      <Form.Item
        label="用户名"
        name="username"
        rules={[{ required: true, message: '请输入用户名' }]}
        hidden={step.kind !== 'password'}
      >
        <Input prefix={<UserOutlined />} placeholder="请输入用户名" autoComplete="username" autoFocus />
      </Form.Item>
      <Form.Item
        label="密码"
        name="password"
        rules={[{ required: true, message: '请输入密码' }]}
        hidden={step.kind !== 'password'}
      >
        <Input.Password prefix={<LockOutlined />} placeholder="请输入密码" autoComplete="current-password" />
      </Form.Item>
      {step.kind === 'enroll' ? (
        <div style={{ marginBottom: 16 }}>
          <Alert type="info" showIcon message="首次登录：绑定动态验证码" description={step.message} />
          <Typography.Paragraph style={{ marginTop: 12, marginBottom: 4 }}>
            在身份验证器应用中选择「手动输入密钥」，输入下面的密钥（基于时间，6 位，30 秒）：
          </Typography.Paragraph>
          <Typography.Text
            code
            copyable
            style={{ fontSize: 16, wordBreak: 'break-all' }}
            data-testid="totp-secret"
          >
            {step.secret}
          </Typography.Text>
          <Typography.Paragraph style={{ marginTop: 12, marginBottom: 4 }}>
            或将以下地址生成二维码后扫描：
          </Typography.Paragraph>
          <Typography.Text copyable style={{ wordBreak: 'break-all', fontSize: 12 }}>
            {step.otpauthUri}
          </Typography.Text>
        </div>
      ) : null}
      {step.kind === 'totp' ? (
        <Alert
          type="info"
          showIcon
          message="管理员账号须输入动态验证码"
          description="请打开绑定的身份验证器应用，输入当前显示的 6 位数字。"
          style={{ marginBottom: 16 }}
        />
      ) : null}
      {step.kind !== 'password' ? (
        <Form.Item
          label="动态验证码"
          name="totpCode"
          rules={[
            { required: true, message: '请输入 6 位动态验证码' },
            { pattern: /^\d{6}$/, message: '动态验证码是 6 位数字' },
          ]}
        >
          <Input
            prefix={<SafetyOutlined />}
            placeholder="6 位数字"
            maxLength={6}
            inputMode="numeric"
            autoComplete="one-time-code"
            autoFocus
          />
        </Form.Item>
      ) : null}
      <Form.Item style={{ marginBottom: 8 }}>
        <Button type="primary" htmlType="submit" block loading={signIn.isPending}>
          {step.kind === 'enroll' ? '绑定并登录' : '登录'}
        </Button>
      </Form.Item>
      {step.kind !== 'password' ? (
        <Button
          type="link"
          block
          onClick={() => {
            setStep({ kind: 'password' });
            setError(null);
          }}
        >
          返回，重新输入用户名和密码
        </Button>
      ) : null}
    </Form>
  );
}
