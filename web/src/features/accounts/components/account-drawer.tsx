import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Divider, Drawer, Form, Input, Popconfirm, Select, Space, Table } from 'antd';
import { notify } from '../../../lib/notify';
import { useEffect, useState } from 'react';
import type { Account } from '../../../../../contracts/accounts';
import { roleLabels, roles, type Role } from '../../../../../contracts/roles';
import { OrganizationTreeSelect, type TreeOption } from '../../../components/organization-tree-select';
import { ApiError, showError } from '../../../lib/api-client';
import { useChangeAccount } from '../api/accounts';

const roleOptions = roles.map((value) => ({ value, label: roleLabels[value] }));

interface CreateValues {
  username: string;
  displayName: string;
  password: string;
  roles: { role?: Role; organizationId?: string }[];
}

interface Props {
  open: boolean;
  account: Account | null;
  organizationTree: TreeOption[];
  onClose: () => void;
}

function RoleAdder({ account, organizationTree }: { account: Account; organizationTree: TreeOption[] }) {
  const [role, setRole] = useState<Role>();
  const [organizationId, setOrganizationId] = useState<string>();
  const change = useChangeAccount();
  return (
    <Space wrap>
      <Select<Role>
        placeholder="角色"
        style={{ width: 200 }}
        options={roleOptions}
        value={role}
        onChange={setRole}
      />
      <OrganizationTreeSelect
        tree={organizationTree}
        placeholder="作用于组织（含下级）"
        value={organizationId}
        onChange={setOrganizationId}
      />
      <Button
        icon={<PlusOutlined />}
        disabled={!role || !organizationId}
        loading={change.isPending}
        onClick={() => {
          if (!role || !organizationId) return;
          change.mutate(
            { kind: 'assignRole', id: account.id, input: { role, organizationId } },
            {
              onSuccess: () => {
                notify.success(`已分配角色：${roleLabels[role]}`);
                setRole(undefined);
              },
              onError: showError,
            },
          );
        }}
      >
        分配角色
      </Button>
    </Space>
  );
}

/** 新建账号 (with its first roles) or 编辑账号 (name and role assignments). */
export function AccountDrawer({ open, account, organizationTree, onClose }: Props) {
  const [form] = Form.useForm<CreateValues>();
  const [error, setError] = useState<string | null>(null);
  const change = useChangeAccount();

  useEffect(() => {
    if (!open) return;
    setError(null);
    form.resetFields();
    if (account) form.setFieldsValue({ displayName: account.displayName });
    else form.setFieldsValue({ roles: [{}] });
  }, [open, account, form]);

  const submit = (values: CreateValues) => {
    setError(null);
    const onError = (failure: Error) => {
      if (
        failure instanceof ApiError &&
        failure.field &&
        ['username', 'displayName', 'password'].includes(failure.field)
      ) {
        form.setFields([{ name: failure.field as 'username', errors: [failure.message] }]);
      } else setError(failure instanceof ApiError ? failure.message : '保存失败，请稍后重试');
    };
    if (account) {
      change.mutate(
        { kind: 'update', id: account.id, input: { displayName: values.displayName.trim() } },
        { onSuccess: () => notify.success('已保存'), onError },
      );
      return;
    }
    const assigned = values.roles.flatMap((entry) =>
      entry.role && entry.organizationId ? [{ role: entry.role, organizationId: entry.organizationId }] : [],
    );
    if (assigned.length === 0) {
      setError('至少分配一个角色');
      return;
    }
    change.mutate(
      {
        kind: 'create',
        input: {
          username: values.username.trim(),
          displayName: values.displayName.trim(),
          password: values.password,
          roles: assigned,
        },
      },
      {
        onSuccess: (created) => {
          notify.success(`已新建账号：${created.username}（首次登录须修改密码）`);
          onClose();
        },
        onError,
      },
    );
  };

  return (
    <Drawer
      title={account ? `编辑账号：${account.username}` : '新建账号'}
      width={640}
      open={open}
      onClose={onClose}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onClose}>关闭</Button>
          <Button type="primary" loading={change.isPending} onClick={() => form.submit()}>
            保存
          </Button>
        </Space>
      }
    >
      {error ? (
        <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} role="alert" />
      ) : null}
      <Form form={form} layout="vertical" onFinish={submit}>
        {account ? null : (
          <Form.Item
            label="用户名"
            name="username"
            rules={[
              { required: true, message: '请填写用户名' },
              {
                pattern: /^[A-Za-z0-9][A-Za-z0-9_.-]{2,63}$/,
                message: '3 至 64 位字母、数字、下划线、点或连字符，以字母或数字开头',
              },
            ]}
          >
            <Input autoComplete="off" />
          </Form.Item>
        )}
        <Form.Item label="姓名" name="displayName" rules={[{ required: true, message: '请填写姓名' }]}>
          <Input maxLength={50} />
        </Form.Item>
        {account ? null : (
          <>
            <Form.Item
              label="初始密码"
              name="password"
              rules={[{ required: true, message: '请填写初始密码' }]}
              extra="须符合密码策略；用户首次登录时必须修改。"
            >
              <Input.Password autoComplete="new-password" />
            </Form.Item>
            <Divider orientation="left">角色（作用于所选组织及其下级）</Divider>
            <Form.List name="roles">
              {(fields, { add, remove }) => (
                <>
                  {fields.map((field) => (
                    <Space key={field.key} align="start" wrap>
                      <Form.Item
                        name={[field.name, 'role']}
                        rules={[{ required: true, message: '请选择角色' }]}
                      >
                        <Select<Role> placeholder="角色" style={{ width: 200 }} options={roleOptions} />
                      </Form.Item>
                      <Form.Item
                        name={[field.name, 'organizationId']}
                        rules={[{ required: true, message: '请选择组织' }]}
                      >
                        <OrganizationTreeSelect tree={organizationTree} placeholder="作用于组织" />
                      </Form.Item>
                      {fields.length > 1 ? (
                        <Button
                          icon={<DeleteOutlined />}
                          aria-label="删除此角色"
                          onClick={() => remove(field.name)}
                        />
                      ) : null}
                    </Space>
                  ))}
                  <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})}>
                    再加一个角色
                  </Button>
                </>
              )}
            </Form.List>
            <Alert
              style={{ marginTop: 16 }}
              type="info"
              showIcon
              message="三员分立：系统管理员、安全管理员、审计管理员三者互斥，且不能兼任业务角色。"
            />
          </>
        )}
      </Form>
      {account ? (
        <>
          <Divider orientation="left">角色</Divider>
          <Table
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={account.roles}
            locale={{ emptyText: '尚未分配角色' }}
            columns={[
              { title: '角色', dataIndex: 'roleLabel' },
              { title: '作用于组织（含下级）', dataIndex: 'organizationName' },
              {
                title: '操作',
                key: 'actions',
                width: 80,
                render: (_: unknown, row) => (
                  <Popconfirm
                    title={`撤销「${row.roleLabel}」？`}
                    okText="撤销"
                    cancelText="取消"
                    onConfirm={() =>
                      change.mutate(
                        { kind: 'removeRole', id: account.id, assignmentId: row.id },
                        { onSuccess: () => notify.success('已撤销角色'), onError: showError },
                      )
                    }
                  >
                    <Button type="link" size="small" danger>
                      撤销
                    </Button>
                  </Popconfirm>
                ),
              },
            ]}
          />
          <div style={{ marginTop: 12 }}>
            <RoleAdder account={account} organizationTree={organizationTree} />
          </div>
        </>
      ) : null}
    </Drawer>
  );
}
