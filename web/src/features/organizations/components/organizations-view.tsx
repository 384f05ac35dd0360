import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Input, Popconfirm, Select, Space, Table, Tag, Tree } from 'antd';
import { notify } from '../../../lib/notify';
import { useState } from 'react';
import {
  organizationKindLabels,
  organizationKinds,
  type Organization,
  type OrganizationKind,
  type OrganizationTreeNode,
} from '../../../../../contracts/org';
import { ExportButton, ImportButton } from '../../../components/excel-buttons';
import { PageHeader } from '../../../components/page-header';
import { showError } from '../../../lib/api-client';
import { useOrganizationTree } from '../api/get-organization-tree';
import { useOrganizations, type OrganizationListParams } from '../api/get-organizations';
import { useSaveOrganization } from '../api/save-organization';
import { OrganizationFormDrawer } from './organization-form-drawer';

interface TreeData {
  key: string;
  title: string;
  children: TreeData[];
}
const toTreeData = (nodes: OrganizationTreeNode[]): TreeData[] =>
  nodes.map((node) => ({
    key: node.id,
    title: node.isActive ? node.name : `${node.name}（已撤销）`,
    children: toTreeData(node.children),
  }));

/** 组织机构: the tree on the left narrows the table to one organization's subordinates. */
export function OrganizationsView({ canEdit }: { canEdit: boolean }) {
  const [filter, setFilter] = useState<OrganizationListParams>({ page: 1, pageSize: 20, active: 'true' });
  const [searchText, setSearchText] = useState('');
  const [editing, setEditing] = useState<{ organization: Organization | null } | null>(null);
  const tree = useOrganizationTree();
  const list = useOrganizations(filter);
  const save = useSaveOrganization();
  const roots = tree.data?.roots ?? [];
  const exportQuery = {
    search: filter.search,
    kind: filter.kind,
    parentId: filter.parentId,
    active: filter.active,
  };

  const setActive = (organization: Organization, isActive: boolean) =>
    save.mutate(
      { kind: 'setActive', id: organization.id, isActive },
      {
        onSuccess: () => notify.success(`已撤销：${organization.name}`),
        onError: showError,
      },
    );

  return (
    <>
      <PageHeader
        title="组织机构"
        description="本级政府、部门、执法主体和乡镇（街道）。点击左侧树中的机构，右侧列出其下级机构。"
        extra={
          <Space wrap>
            {canEdit ? (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => setEditing({ organization: null })}
              >
                新建组织机构
              </Button>
            ) : null}
            {canEdit ? (
              <ImportButton
                subject="组织机构"
                importPath="/api/organizations/import"
                templatePath="/api/organizations/import-template"
                templateName="组织机构导入模板.xlsx"
                onImported={() => void tree.refetch()}
              />
            ) : null}
            <ExportButton path="/api/organizations/export" fallbackName="组织机构.xlsx" query={exportQuery} />
          </Space>
        }
      />
      <div style={{ display: 'flex', gap: 16, alignItems: 'flex-start' }}>
        <Card title="机构树" size="small" style={{ width: 260, flexShrink: 0 }} loading={tree.isLoading}>
          {roots.length === 0 ? (
            <Empty description="暂无组织机构" />
          ) : (
            <Tree
              blockNode
              defaultExpandedKeys={roots.map((root) => root.id)}
              selectedKeys={filter.parentId ? [filter.parentId] : []}
              treeData={toTreeData(roots)}
              style={{ maxHeight: 640, overflow: 'auto' }}
              onSelect={(keys) => {
                const [key] = keys;
                setFilter((current) => ({
                  ...current,
                  page: 1,
                  parentId: typeof key === 'string' ? key : undefined,
                }));
              }}
            />
          )}
        </Card>
        <Card size="small" style={{ flex: 1, minWidth: 0 }}>
          <Space wrap style={{ marginBottom: 12 }}>
            <Input.Search
              allowClear
              placeholder="按名称、简称或信用代码搜索"
              style={{ width: 280 }}
              value={searchText}
              onChange={(event) => setSearchText(event.target.value)}
              onSearch={(value) =>
                setFilter((current) => ({ ...current, page: 1, search: value.trim() || undefined }))
              }
              enterButton="搜索"
            />
            <Select<OrganizationKind>
              allowClear
              placeholder="组织类型"
              style={{ width: 160 }}
              value={filter.kind}
              options={organizationKinds.map((value) => ({ value, label: organizationKindLabels[value] }))}
              onChange={(kind) => setFilter((current) => ({ ...current, page: 1, kind }))}
            />
            <Select<'true' | 'false'>
              allowClear
              placeholder="状态"
              style={{ width: 120 }}
              value={filter.active}
              options={[
                { value: 'true', label: '正常' },
                { value: 'false', label: '已撤销' },
              ]}
              onChange={(active) => setFilter((current) => ({ ...current, page: 1, active }))}
            />
            {filter.parentId ? (
              <Button onClick={() => setFilter((current) => ({ ...current, page: 1, parentId: undefined }))}>
                显示全部机构
              </Button>
            ) : null}
          </Space>
          <Table<Organization>
            rowKey="id"
            size="middle"
            loading={list.isFetching}
            dataSource={list.data?.items ?? []}
            scroll={{ x: 900 }}
            pagination={{
              current: filter.page,
              pageSize: filter.pageSize,
              total: list.data?.total ?? 0,
              showSizeChanger: true,
              showTotal: (total) => `共 ${total} 个机构`,
              onChange: (page, pageSize) => setFilter((current) => ({ ...current, page, pageSize })),
            }}
            columns={[
              {
                title: '名称',
                dataIndex: 'name',
                render: (name: string, row) => (
                  <span>
                    {name}
                    {row.shortName ? <span style={{ color: '#8c8c8c' }}>（{row.shortName}）</span> : null}
                  </span>
                ),
              },
              { title: '类型', dataIndex: 'kindLabel', width: 110 },
              { title: '上级组织', dataIndex: 'parentName', render: (value: string | null) => value ?? '—' },
              {
                title: '行政区划',
                dataIndex: 'jurisdictionName',
                width: 150,
                render: (value: string | null, row) => value ?? row.jurisdictionCode,
              },
              {
                title: '执法主体类型',
                dataIndex: 'authorityTypeLabel',
                width: 150,
                render: (value: string | null) => value ?? '—',
              },
              {
                title: '状态',
                dataIndex: 'isActive',
                width: 80,
                render: (isActive: boolean) => (isActive ? <Tag color="green">正常</Tag> : <Tag>已撤销</Tag>),
              },
              ...(canEdit
                ? [
                    {
                      title: '操作',
                      key: 'actions',
                      width: 130,
                      fixed: 'right' as const,
                      render: (_: unknown, row: Organization) => (
                        <Space size="small">
                          <Button type="link" size="small" onClick={() => setEditing({ organization: row })}>
                            编辑
                          </Button>
                          {row.isActive ? (
                            <Popconfirm
                              title={`撤销「${row.name}」？`}
                              description="撤销后不再出现在选择列表中，记录保留。"
                              okText="撤销"
                              cancelText="取消"
                              onConfirm={() => setActive(row, false)}
                            >
                              <Button type="link" size="small" danger>
                                撤销
                              </Button>
                            </Popconfirm>
                          ) : null}
                        </Space>
                      ),
                    },
                  ]
                : []),
            ]}
          />
        </Card>
      </div>
      <OrganizationFormDrawer
        open={editing !== null}
        organization={editing?.organization ?? null}
        defaultParentId={filter.parentId ?? null}
        tree={roots}
        onClose={() => setEditing(null)}
        onSaved={(saved) => {
          notify.success(`已保存：${saved.name}`);
          setEditing(null);
        }}
      />
    </>
  );
}
