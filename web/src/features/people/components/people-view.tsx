import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Input, Popconfirm, Select, Space, Table, Tag } from 'antd';
import { notify } from '../../../lib/notify';
import { useState } from 'react';
import { personDutyLabels, personDuties, type Person, type PersonDuty } from '../../../../../contracts/org';
import { ExportButton, ImportButton } from '../../../components/excel-buttons';
import { OrganizationTreeSelect, type TreeOption } from '../../../components/organization-tree-select';
import { PageHeader } from '../../../components/page-header';
import { showError } from '../../../lib/api-client';
import { usePeople, type PersonListParams } from '../api/get-people';
import { useSavePerson } from '../api/save-person';
import { PersonFormDrawer } from './person-form-drawer';

/** 工作人员: officers, legal reviewers, liaisons and other staff of the organizations in scope. */
export function PeopleView({
  organizationTree,
  canEdit,
}: {
  organizationTree: TreeOption[];
  canEdit: boolean;
}) {
  const [filter, setFilter] = useState<PersonListParams>({ page: 1, pageSize: 20, active: 'true' });
  const [editing, setEditing] = useState<{ person: Person | null } | null>(null);
  const list = usePeople(filter);
  const save = useSavePerson();
  const exportQuery = {
    search: filter.search,
    organizationId: filter.organizationId,
    duty: filter.duty,
    active: filter.active,
  };

  const setActive = (person: Person, isActive: boolean) =>
    save.mutate(
      { kind: 'setActive', id: person.id, isActive },
      {
        onSuccess: () => notify.success(`已设为离职：${person.name}`),
        onError: showError,
      },
    );

  return (
    <>
      <PageHeader
        title="工作人员"
        description="执法人员、法制审核人员、部门联络员等。身份证号码加密保存，只显示部分号码。"
        extra={
          <Space wrap>
            {canEdit ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ person: null })}>
                新建工作人员
              </Button>
            ) : null}
            {canEdit ? (
              <ImportButton
                subject="工作人员"
                importPath="/api/people/import"
                templatePath="/api/people/import-template"
                templateName="工作人员导入模板.xlsx"
                onImported={() => void list.refetch()}
              />
            ) : null}
            <ExportButton path="/api/people/export" fallbackName="工作人员.xlsx" query={exportQuery} />
          </Space>
        }
      />
      <Card size="small">
        <Space wrap style={{ marginBottom: 12 }}>
          <Input.Search
            allowClear
            placeholder="按姓名、职务或电话搜索"
            style={{ width: 260 }}
            enterButton="搜索"
            onSearch={(value) =>
              setFilter((current) => ({ ...current, page: 1, search: value.trim() || undefined }))
            }
          />
          <OrganizationTreeSelect
            tree={organizationTree}
            allowClear
            placeholder="所属组织（含下级）"
            value={filter.organizationId}
            onChange={(organizationId) => setFilter((current) => ({ ...current, page: 1, organizationId }))}
          />
          <Select<PersonDuty>
            allowClear
            placeholder="职责"
            style={{ width: 150 }}
            value={filter.duty}
            options={personDuties.map((value) => ({ value, label: personDutyLabels[value] }))}
            onChange={(duty) => setFilter((current) => ({ ...current, page: 1, duty }))}
          />
          <Select<'true' | 'false'>
            allowClear
            placeholder="状态"
            style={{ width: 120 }}
            value={filter.active}
            options={[
              { value: 'true', label: '在职' },
              { value: 'false', label: '离职' },
            ]}
            onChange={(active) => setFilter((current) => ({ ...current, page: 1, active }))}
          />
        </Space>
        <Table<Person>
          rowKey="id"
          loading={list.isFetching}
          dataSource={list.data?.items ?? []}
          scroll={{ x: 960 }}
          pagination={{
            current: filter.page,
            pageSize: filter.pageSize,
            total: list.data?.total ?? 0,
            showSizeChanger: true,
            showTotal: (total) => `共 ${total} 人`,
            onChange: (page, pageSize) => setFilter((current) => ({ ...current, page, pageSize })),
          }}
          columns={[
            { title: '姓名', dataIndex: 'name', width: 100 },
            { title: '所属组织', dataIndex: 'organizationName' },
            {
              title: '职务',
              dataIndex: 'position',
              width: 140,
              render: (value: string | null) => value ?? '—',
            },
            {
              title: '职责',
              dataIndex: 'dutyLabels',
              render: (labels: string[]) => labels.map((label) => <Tag key={label}>{label}</Tag>),
            },
            {
              title: '身份证号码',
              dataIndex: 'idNumberMasked',
              width: 190,
              render: (value: string | null) => value ?? '—',
            },
            {
              title: '法律职业资格',
              dataIndex: 'hasLegalQualification',
              width: 110,
              render: (value: boolean) => (value ? '有' : '无'),
            },
            {
              title: '状态',
              dataIndex: 'isActive',
              width: 80,
              render: (isActive: boolean) => (isActive ? <Tag color="green">在职</Tag> : <Tag>离职</Tag>),
            },
            ...(canEdit
              ? [
                  {
                    title: '操作',
                    key: 'actions',
                    width: 140,
                    fixed: 'right' as const,
                    render: (_: unknown, row: Person) => (
                      <Space size="small">
                        <Button type="link" size="small" onClick={() => setEditing({ person: row })}>
                          编辑
                        </Button>
                        {row.isActive ? (
                          <Popconfirm
                            title={`将「${row.name}」设为离职？`}
                            description="记录保留。"
                            okText="确定"
                            cancelText="取消"
                            onConfirm={() => setActive(row, false)}
                          >
                            <Button type="link" size="small" danger>
                              离职
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
      <PersonFormDrawer
        open={editing !== null}
        person={editing?.person ?? null}
        defaultOrganizationId={filter.organizationId}
        organizationTree={organizationTree}
        onClose={() => setEditing(null)}
        onSaved={(saved) => {
          notify.success(`已保存：${saved.name}`);
          setEditing(null);
        }}
      />
    </>
  );
}
