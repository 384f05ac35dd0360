import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Input, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import {
  changeSetStateLabels,
  changeSetStates,
  listKindLabels,
  listKinds,
  type ChangeSetState,
  type ChangeSetView,
  type ListKind,
} from '../../../../../contracts/powers';
import { OrganizationTreeSelect, type TreeOption } from '../../../components/organization-tree-select';
import { PageHeader } from '../../../components/page-header';
import { notify } from '../../../lib/notify';
import { formatDate, formatDateTime } from '../../../lib/format';
import { useChangeSets, type ChangeSetListParams } from '../api/get-change-sets';
import { changeSetStateColors } from '../power-fields';
import { ChangeSetFormDrawer } from './change-set-form-drawer';

interface Props {
  organizationTree: TreeOption[];
  defaultOrganizationId?: string;
  canEdit: boolean;
  /** the address of one change set's page */
  changeSetPath: (id: string) => string;
}

/** 动态调整: the change sets of the lists in scope, newest first; a liaison starts one here. */
export function ChangeSetsView({ organizationTree, defaultOrganizationId, canEdit, changeSetPath }: Props) {
  const [filter, setFilter] = useState<ChangeSetListParams>({ page: 1, pageSize: 20 });
  const [isCreating, setCreating] = useState(false);
  const list = useChangeSets(filter);
  const navigate = useNavigate();
  const change = (next: Partial<ChangeSetListParams>) =>
    setFilter((current) => ({ ...current, page: 1, ...next }));

  return (
    <>
      <PageHeader
        title="动态调整"
        description="清单的新增、变更和取消以调整单为单位办理：部门联络员草拟并提交，司法局审核批准后按生效日期生效。"
        extra={
          canEdit ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              新建调整
            </Button>
          ) : null
        }
      />
      <Card size="small">
        <Space wrap style={{ marginBottom: 12 }}>
          <Input.Search
            allowClear
            placeholder="按调整事由搜索"
            style={{ width: 240 }}
            enterButton="搜索"
            onSearch={(value) => change({ q: value.trim() || undefined })}
          />
          <OrganizationTreeSelect
            tree={organizationTree}
            allowClear
            placeholder="全部调整单位"
            value={filter.organizationId}
            style={{ width: 260 }}
            onChange={(organizationId) => change({ organizationId })}
          />
          <Select<ListKind>
            allowClear
            placeholder="清单类型"
            style={{ width: 180 }}
            value={filter.listKind}
            options={listKinds.map((value) => ({ value, label: listKindLabels[value] }))}
            onChange={(listKind) => change({ listKind })}
          />
          <Select<ChangeSetState>
            allowClear
            placeholder="状态"
            style={{ width: 120 }}
            value={filter.state}
            options={changeSetStates.map((value) => ({ value, label: changeSetStateLabels[value] }))}
            onChange={(state) => change({ state })}
          />
        </Space>
        <Table<ChangeSetView>
          rowKey="id"
          size="middle"
          loading={list.isFetching}
          dataSource={list.data?.items ?? []}
          scroll={{ x: 1240 }}
          locale={{
            emptyText: canEdit
              ? '还没有调整单。点击右上角“新建调整”开始调整本部门的清单。'
              : '暂无调整单。部门联络员提交的调整会出现在这里。',
          }}
          pagination={{
            current: filter.page,
            pageSize: filter.pageSize,
            total: list.data?.total ?? 0,
            showSizeChanger: true,
            showTotal: (total) => `共 ${total} 个调整单`,
            onChange: (page, pageSize) => setFilter((current) => ({ ...current, page, pageSize })),
          }}
          columns={[
            {
              title: '调整事由',
              dataIndex: 'title',
              width: 300,
              render: (title: string, row) => <Link to={changeSetPath(row.id)}>{title}</Link>,
            },
            { title: '调整单位', dataIndex: 'organizationName', width: 200 },
            {
              title: '清单类型',
              dataIndex: 'listKind',
              width: 160,
              render: (listKind: ListKind) => listKindLabels[listKind],
            },
            {
              title: '调整事项',
              dataIndex: 'changeCount',
              width: 90,
              render: (count: number) => `${count} 项`,
            },
            {
              title: '生效日期',
              dataIndex: 'effectiveOn',
              width: 130,
              render: (value: string) => formatDate(value),
            },
            {
              title: '状态',
              dataIndex: 'state',
              width: 90,
              render: (state: ChangeSetState) => (
                <Tag color={changeSetStateColors[state]}>{changeSetStateLabels[state]}</Tag>
              ),
            },
            {
              title: '创建时间',
              dataIndex: 'createdAt',
              width: 190,
              render: (value: string) => formatDateTime(value),
            },
          ]}
        />
      </Card>
      <ChangeSetFormDrawer
        open={isCreating}
        organizationTree={organizationTree}
        defaultOrganizationId={filter.organizationId ?? defaultOrganizationId}
        defaultListKind={filter.listKind}
        onClose={() => setCreating(false)}
        onCreated={(created) => {
          notify.success(`已新建调整单：${created.title}`);
          setCreating(false);
          void navigate(changeSetPath(created.id));
        }}
      />
    </>
  );
}
