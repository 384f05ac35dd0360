import { Card, Input, Space, Table, Tag, Tooltip } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import type { InspectorView } from '../../../../../contracts/spotchecks';
import { OrganizationTreeSelect, type TreeOption } from '../../../components/organization-tree-select';
import { PageHeader } from '../../../components/page-header';
import { formatDate } from '../../../lib/format';
import { useInspectors, type InspectorListParams } from '../api/inspectors';
import { inspectorPaths } from '../inspector-paths';

/** 执法检查人员名录库: the certified officers a draw may choose from, with the work each carries. */
export function InspectorsView({ organizationTree }: { organizationTree: TreeOption[] }) {
  const [filter, setFilter] = useState<InspectorListParams>({ page: 1, pageSize: 20 });
  const list = useInspectors(filter);

  return (
    <>
      <PageHeader
        title="检查人员名录库"
        description="双随机抽查从这里随机选派检查人员：管理范围内今天持有效行政执法证的人员。证件过期、暂扣或注销的人员不在名录中；有回避记录的人员不会被派去检查相关对象。"
      />
      <Card size="small">
        <Space wrap style={{ marginBottom: 12 }}>
          <Input.Search
            allowClear
            placeholder="按姓名或执法证号搜索"
            style={{ width: 280 }}
            enterButton="搜索"
            onSearch={(value) =>
              setFilter((current) => ({ ...current, page: 1, q: value.trim() || undefined }))
            }
          />
          <OrganizationTreeSelect
            tree={organizationTree}
            allowClear
            placeholder="所属单位（含下级）"
            value={filter.organizationId}
            onChange={(organizationId) => setFilter((current) => ({ ...current, page: 1, organizationId }))}
          />
        </Space>
        <Table<InspectorView>
          rowKey="personId"
          size="middle"
          loading={list.isFetching}
          dataSource={list.data?.items ?? []}
          locale={{ emptyText: '没有符合条件的持证执法人员。' }}
          pagination={{
            current: filter.page,
            pageSize: filter.pageSize,
            total: list.data?.total ?? 0,
            showSizeChanger: true,
            showTotal: (total) => `共 ${total.toLocaleString('zh-CN')} 人`,
            onChange: (page, pageSize) => setFilter((current) => ({ ...current, page, pageSize })),
          }}
          columns={[
            { title: '姓名', dataIndex: 'name', width: 90 },
            { title: '所属单位', dataIndex: 'organizationName' },
            { title: '执法证号', dataIndex: 'certificateNumber', width: 140 },
            {
              title: '执法领域',
              dataIndex: 'field',
              width: 120,
              render: (value: string | null) => value ?? '—',
            },
            {
              title: '证件有效期至',
              dataIndex: 'certificateExpiresOn',
              width: 150,
              render: (value: string) => formatDate(value),
            },
            {
              title: (
                <Tooltip title="已被抽中、尚未办结的抽查任务">
                  <span>在办抽查任务</span>
                </Tooltip>
              ),
              dataIndex: 'openTaskCount',
              width: 120,
              align: 'right',
              render: (count: number) => (count > 0 ? <Tag color="blue">{count} 项</Tag> : '0'),
            },
            {
              title: (
                <Tooltip title="尚未解除的回避记录；点击查看">
                  <span>回避</span>
                </Tooltip>
              ),
              dataIndex: 'activeRecusalCount',
              width: 110,
              align: 'right',
              render: (count: number, row) => (
                <Link to={inspectorPaths.recusalsOf(row.personId, row.name)}>
                  {count > 0 ? <Tag color="orange">{count} 条</Tag> : '无'}
                </Link>
              ),
            },
          ]}
        />
      </Card>
    </>
  );
}
