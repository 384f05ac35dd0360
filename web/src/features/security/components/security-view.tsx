import { Alert, Button, Card, Form, InputNumber, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { notify } from '../../../lib/notify';
import { useEffect, useState } from 'react';
import {
  securitySettingLabels,
  type Account,
  type SecuritySettings,
} from '../../../../../contracts/accounts';
import { PageHeader } from '../../../components/page-header';
import { ApiError, showError } from '../../../lib/api-client';
import { formatDateTime } from '../../../lib/format';
import {
  useAdministratorAccounts,
  useLockedAccounts,
  useResetSecondFactor,
  useSecuritySettings,
  useUnlockAccount,
  useUpdateSecuritySettings,
} from '../api/security';

const numberFields: {
  key: Exclude<keyof SecuritySettings, 'sessionIdleMinutes'>;
  min: number;
  max: number;
}[] = [
  { key: 'passwordMinLength', min: 8, max: 64 },
  { key: 'passwordMinCharacterClasses', min: 1, max: 4 },
  { key: 'passwordExpiryDays', min: 0, max: 3650 },
  { key: 'lockoutThreshold', min: 3, max: 20 },
  { key: 'lockoutMinutes', min: 1, max: 1440 },
];

function SettingsForm() {
  const [form] = Form.useForm<SecuritySettings>();
  const [error, setError] = useState<string | null>(null);
  const settings = useSecuritySettings();
  const update = useUpdateSecuritySettings();

  useEffect(() => {
    if (settings.data) form.setFieldsValue(settings.data);
  }, [settings.data, form]);

  return (
    <Card title="密码策略、登录锁定与会话超时" loading={settings.isLoading}>
      {settings.error ? <Alert type="error" showIcon message={settings.error.message} /> : null}
      {error ? (
        <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} role="alert" />
      ) : null}
      <Form
        form={form}
        layout="horizontal"
        labelCol={{ flex: '360px' }}
        requiredMark={false}
        labelWrap
        onFinish={(values) => {
          setError(null);
          update.mutate(
            { ...values, sessionIdleMinutes: values.sessionIdleMinutes ?? null },
            {
              onSuccess: () => notify.success('安全设置已保存，新设置立即生效'),
              onError: (failure) => setError(failure instanceof ApiError ? failure.message : '保存失败'),
            },
          );
        }}
      >
        {numberFields.map((field) => (
          <Form.Item
            key={field.key}
            label={securitySettingLabels[field.key]}
            name={field.key}
            rules={[{ required: true, message: `请填写${securitySettingLabels[field.key]}` }]}
          >
            <InputNumber min={field.min} max={field.max} precision={0} style={{ width: 140 }} />
          </Form.Item>
        ))}
        <Form.Item
          label={securitySettingLabels.sessionIdleMinutes}
          name="sessionIdleMinutes"
          extra={
            settings.data
              ? `留空则使用平台默认值；当前生效：${settings.data.effectiveSessionIdleMinutes} 分钟`
              : '留空则使用平台默认值'
          }
        >
          <InputNumber min={1} max={1440} precision={0} style={{ width: 140 }} />
        </Form.Item>
        <Form.Item label=" " colon={false}>
          <Space>
            <Button type="primary" htmlType="submit" loading={update.isPending}>
              保存设置
            </Button>
            {settings.data?.updatedAt ? (
              <Typography.Text type="secondary">
                上次修改：{formatDateTime(settings.data.updatedAt)}
              </Typography.Text>
            ) : null}
          </Space>
        </Form.Item>
      </Form>
    </Card>
  );
}

function LockedAccounts() {
  const locked = useLockedAccounts();
  const unlock = useUnlockAccount();
  return (
    <Card title="被锁定的账号" style={{ marginTop: 16 }}>
      <Typography.Paragraph type="secondary">
        连续登录失败达到阈值的账号会被锁定，到期自动解锁；核实身份后也可以在这里立即解锁。
      </Typography.Paragraph>
      {locked.error ? (
        <Alert
          type="warning"
          showIcon
          message={`暂时无法列出被锁定的账号：${locked.error instanceof ApiError ? locked.error.message : '读取失败'}`}
        />
      ) : (
        <Table<Account>
          rowKey="id"
          size="small"
          loading={locked.isFetching}
          dataSource={locked.data?.items ?? []}
          pagination={false}
          locale={{ emptyText: '当前没有被锁定的账号' }}
          columns={[
            { title: '用户名', dataIndex: 'username' },
            { title: '姓名', dataIndex: 'displayName' },
            { title: '连续失败次数', dataIndex: 'failedAttempts', width: 120 },
            {
              title: '锁定至',
              dataIndex: 'lockedUntil',
              render: (value: string | null) => formatDateTime(value),
            },
            {
              title: '操作',
              key: 'actions',
              width: 100,
              render: (_: unknown, row) => (
                <Button
                  type="link"
                  size="small"
                  loading={unlock.isPending && unlock.variables === row.id}
                  onClick={() =>
                    unlock.mutate(row.id, {
                      onSuccess: () => notify.success(`已解锁：${row.username}`),
                      onError: showError,
                    })
                  }
                >
                  解锁
                </Button>
              ),
            },
          ]}
        />
      )}
    </Card>
  );
}

function AdministratorSecondFactors() {
  const administrators = useAdministratorAccounts();
  const reset = useResetSecondFactor();
  return (
    <Card title="管理员动态验证码" style={{ marginTop: 16 }}>
      <Typography.Paragraph type="secondary">
        系统管理员、安全管理员、审计管理员登录须输入验证器上的动态验证码，每个验证码只能使用一次。管理员更换或遗失手机时，核实身份后在这里重置，对方下次登录时重新绑定验证器。不能重置自己的验证码。
      </Typography.Paragraph>
      {administrators.error ? (
        <Alert
          type="warning"
          showIcon
          message={`暂时无法列出管理员账号：${administrators.error instanceof ApiError ? administrators.error.message : '读取失败'}`}
        />
      ) : (
        <Table<Account>
          rowKey="id"
          size="small"
          loading={administrators.isFetching}
          dataSource={administrators.data ?? []}
          pagination={false}
          locale={{ emptyText: '没有管理员账号' }}
          columns={[
            { title: '用户名', dataIndex: 'username' },
            { title: '姓名', dataIndex: 'displayName' },
            {
              title: '动态验证码',
              dataIndex: 'totpEnabled',
              render: (enabled: boolean) =>
                enabled ? <Tag color="green">已绑定</Tag> : <Tag>未绑定（下次登录时绑定）</Tag>,
            },
            {
              title: '操作',
              key: 'actions',
              width: 100,
              render: (_: unknown, row) => (
                <Popconfirm
                  title={`重置 ${row.username} 的动态验证码？`}
                  description="对方当前的登录会话将结束，下次登录时须重新绑定验证器。"
                  okText="重置"
                  cancelText="取消"
                  disabled={!row.totpEnabled}
                  onConfirm={() =>
                    reset.mutate(row.id, {
                      onSuccess: () => notify.success(`已重置：${row.username}`),
                      onError: showError,
                    })
                  }
                >
                  <Button type="link" size="small" disabled={!row.totpEnabled}>
                    重置
                  </Button>
                </Popconfirm>
              ),
            },
          ]}
        />
      )}
    </Card>
  );
}

/** 安全设置 (security administrator). */
export function SecurityView() {
  return (
    <>
      <PageHeader
        title="安全设置"
        description="密码策略、登录失败锁定和会话空闲超时，适用于本平台全部账号。"
      />
      <SettingsForm />
      <LockedAccounts />
      <AdministratorSecondFactors />
    </>
  );
}
