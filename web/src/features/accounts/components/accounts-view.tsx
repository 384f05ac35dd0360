import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Input, Modal, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { notify } from '../../../lib/notify';
import { useState } from 'react';
import type { Account } from '../../../../../contracts/accounts';
import { roleLabels, roles, type Role } from '../../../../../contracts/roles';
import { ExportButton } from '../../../components/excel-buttons';
import { OrganizationTreeSelect, type TreeOption } from '../../../components/organization-tree-select';
import { PageHeader } from '../../../components/page-header';
import { showError } from '../../../lib/api-client';
import { formatDateTime } from '../../../lib/format';
import { useAccounts, useChangeAccount, useResetPassword, type AccountListParams } from '../api/accounts';
import { AccountDrawer } from './account-drawer';

function StatusTags({ account }: { account: Account }) {
  return (
    <Space size={4} wrap>
      {account.isActive ? <Tag color="green">正常</Tag> : <Tag>已停用</Tag>}
      {account.isLocked ? <Tag color="red">已锁定</Tag> : null}
      {account.mustChangePassword ? <Tag color="orange">待改密码</Tag> : null}
    </Space>
  );
}

/** 账号与角色 (system administrator): accounts in his subtrees, their roles, passwords and status. */
export function AccountsView({
  organizationTree,
  selfUserId,
}: {
  organizationTree: TreeOption[];
  selfUserId: string;
}) {
  const [filter, setFilter] = useState<AccountListParams>({ page: 1, pageSize: 20 });
  const [editing, setEditing] = useState<{ accountId: string | null } | null>(null);
  const [resetFor, setResetFor] = useState<Account | null>(null);
  const [newPassword, setNewPassword] = useState('');
  const [generated, setGenerated] = useState<{ username: string; password: string } | null>(null);
  const list = useAccounts(filter);
  const change = useChangeAccount();
  const reset = useResetPassword();
  const items = list.data?.items ?? [];
  const editingAccount = editing?.accountId
    ? (items.find((item) => item.id === editing.accountId) ?? null)
    : null;
  const exportQuery = {
    search: filter.search,
    role: filter.role,
    organizationId: filter.organizationId,
    locked: filter.locked,
    active: filter.active,
  };

  return (
    <>
      <PageHeader
        title="账号与角色"
        description="新建账号、分配角色（角色作用于所选组织及其下级）、重置密码、停用账号。账号不删除，停用后不能登录。"
        extra={
          <Space wrap>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ accountId: null })}>
              新建账号
            </Button>
            <ExportButton path="/api/accounts/export" fallbackName="账号列表.xlsx" query={exportQuery} />
          </Space>
        }
      />
      <Card size="small">
        <Space wrap style={{ marginBottom: 12 }}>
          <Input.Search
            allowClear
            placeholder="按用户名或姓名搜索"
            style={{ width: 240 }}
            enterButton="搜索"
            onSearch={(value) =>
              setFilter((current) => ({ ...current, page: 1, search: value.trim() || undefined }))
            }
          />
          <Select<Role>
            allowClear
            placeholder="角色"
            style={{ width: 200 }}
            value={filter.role}
            options={roles.map((value) => ({ value, label: roleLabels[value] }))}
            onChange={(role) => setFilter((current) => ({ ...current, page: 1, role }))}
          />
          <OrganizationTreeSelect
            tree={organizationTree}
            allowClear
            placeholder="组织（含下级）"
            value={filter.organizationId}
            onChange={(organizationId) => setFilter((current) => ({ ...current, page: 1, organizationId }))}
          />
          <Select<'true' | 'false'>
            allowClear
            placeholder="是否启用"
            style={{ width: 120 }}
            value={filter.active}
            options={[
              { value: 'true', label: '正常' },
              { value: 'false', label: '已停用' },
            ]}
            onChange={(active) => setFilter((current) => ({ ...current, page: 1, active }))}
          />
          <Select<'true' | 'false'>
            allowClear
            placeholder="是否锁定"
            style={{ width: 120 }}
            value={filter.locked}
            options={[
              { value: 'true', label: '已锁定' },
              { value: 'false', label: '未锁定' },
            ]}
            onChange={(locked) => setFilter((current) => ({ ...current, page: 1, locked }))}
          />
        </Space>
        <Table<Account>
          rowKey="id"
          loading={list.isFetching}
          dataSource={items}
          scroll={{ x: 1000 }}
          pagination={{
            current: filter.page,
            pageSize: filter.pageSize,
            total: list.data?.total ?? 0,
            showSizeChanger: true,
            showTotal: (total) => `共 ${total} 个账号`,
            onChange: (page, pageSize) => setFilter((current) => ({ ...current, page, pageSize })),
          }}
          columns={[
            { title: '用户名', dataIndex: 'username', width: 150 },
            { title: '姓名', dataIndex: 'displayName', width: 110 },
            {
              title: '角色',
              dataIndex: 'roles',
              render: (assigned: Account['roles']) =>
                assigned.map((role) => (
                  <div key={role.id}>
                    <Tag color="blue" style={{ whiteSpace: 'normal' }}>
                      {role.roleLabel}
                    </Tag>
                    <span style={{ color: '#595959' }}>{role.organizationName}</span>
                  </div>
                )),
            },
            {
              title: '状态',
              key: 'status',
              width: 150,
              render: (_: unknown, row) => <StatusTags account={row} />,
            },
            {
              title: '最近登录',
              dataIndex: 'lastSignInAt',
              width: 200,
              render: (value: string | null) => formatDateTime(value),
            },
            {
              title: '操作',
              key: 'actions',
              width: 200,
              fixed: 'right',
              render: (_: unknown, row) => (
                <Space size={0} wrap>
                  <Button type="link" size="small" onClick={() => setEditing({ accountId: row.id })}>
                    编辑
                  </Button>
                  <Button
                    type="link"
                    size="small"
                    onClick={() => {
                      setNewPassword('');
                      setResetFor(row);
                    }}
                  >
                    重置密码
                  </Button>
                  {row.id === selfUserId ? null : row.isActive ? (
                    <Popconfirm
                      title={`停用账号「${row.username}」？`}
                      description="停用后该账号不能登录，其会话随即结束。可重新启用。"
                      okText="停用"
                      cancelText="取消"
                      onConfirm={() =>
                        change.mutate(
                          { kind: 'setActive', id: row.id, isActive: false },
                          { onSuccess: () => notify.success('已停用'), onError: showError },
                        )
                      }
                    >
                      <Button type="link" size="small" danger>
                        停用
                      </Button>
                    </Popconfirm>
                  ) : (
                    <Button
                      type="link"
                      size="small"
                      onClick={() =>
                        change.mutate(
                          { kind: 'setActive', id: row.id, isActive: true },
                          { onSuccess: () => notify.success('已重新启用'), onError: showError },
                        )
                      }
                    >
                      启用
                    </Button>
                  )}
                </Space>
              ),
            },
          ]}
        />
      </Card>
      <AccountDrawer
        open={editing !== null}
        account={editingAccount}
        organizationTree={organizationTree}
        onClose={() => setEditing(null)}
      />
      <Modal
        title={resetFor ? `重置密码：${resetFor.username}` : '重置密码'}
        open={resetFor !== null}
        okText="重置"
        cancelText="取消"
        confirmLoading={reset.isPending}
        onCancel={() => setResetFor(null)}
        onOk={() => {
          if (!resetFor) return;
          reset.mutate(
            { id: resetFor.id, password: newPassword || undefined },
            {
              onSuccess: (result) => {
                setResetFor(null);
                if (result.temporaryPassword)
                  setGenerated({ username: result.account.username, password: result.temporaryPassword });
                else notify.success('密码已重置，用户下次登录须修改密码');
              },
              onError: showError,
            },
          );
        }}
      >
        <Typography.Paragraph>
          留空则由系统生成随机密码（只显示一次）。用户下次登录时必须修改密码。
        </Typography.Paragraph>
        <Input.Password
          placeholder="新密码（可留空）"
          value={newPassword}
          onChange={(event) => setNewPassword(event.target.value)}
          autoComplete="new-password"
        />
      </Modal>
      <Modal
        title="新密码（只显示这一次）"
        open={generated !== null}
        footer={
          <Button type="primary" onClick={() => setGenerated(null)}>
            我已记下
          </Button>
        }
        onCancel={() => setGenerated(null)}
      >
        <Alert
          type="warning"
          showIcon
          message="请将密码当面或通过安全渠道交给用户。关闭后无法再次查看。"
          style={{ marginBottom: 12 }}
        />
        <div>
          账号 <Typography.Text strong>{generated?.username}</Typography.Text> 的新密码：
        </div>
        <Typography.Text code copyable style={{ fontSize: 18 }}>
          {generated?.password}
        </Typography.Text>
      </Modal>
    </>
  );
}
