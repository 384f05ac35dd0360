import { Button, Card, DatePicker, Input, Select, Space, Tabs, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import {
  itemStatusLabels,
  itemStatuses,
  listKindLabels,
  listKinds,
  type ItemStatus,
  type ListKind,
} from '../../../../../contracts/powers';
import { ExportButton } from '../../../components/excel-buttons';
import { OrganizationTreeSelect, type TreeOption } from '../../../components/organization-tree-select';
import { PageHeader } from '../../../components/page-header';
import { formatDate } from '../../../lib/format';
import { exportQueryOf, usePowerItems, type PowerItemListParams } from '../api/get-power-items';
import { kindOptionsFor } from '../power-fields';
import { PowerItemDrawer } from './power-item-drawer';
import { PowerItemTable } from './power-item-table';

interface Props {
  organizationTree: TreeOption[];
  /** the organization shown first (the user's current one) */
  defaultOrganizationId?: string;
  defaultListKind?: ListKind;
}

/** 清单查询: an organization's list of a kind as it stands (or stood on a date), searchable, exportable. */
export function PowerItemsView({
  organizationTree,
  defaultOrganizationId,
  defaultListKind = 'power',
}: Props) {
  const [filter, setFilter] = useState<PowerItemListParams>({
    organizationId: defaultOrganizationId,
    listKind: defaultListKind,
    page: 1,
    pageSize: 20,
  });
  const [openItemId, setOpenItemId] = useState<string | null>(null);
  const list = usePowerItems(filter);
  const listKind = filter.listKind ?? 'power';
  const kindField = kindOptionsFor(listKind);
  const change = (next: Partial<PowerItemListParams>) =>
    setFilter((current) => ({ ...current, page: 1, ...next }));

  return (
    <>
      <PageHeader
        title="清单查询"
        description="查询本单位及下级单位的权责清单、政务服务事项等五类清单。选择查询日期可查看清单在当天的样子。"
        extra={
          <ExportButton
            path="/api/powers/items/export.xlsx"
            fallbackName={`${listKindLabels[listKind]}.xlsx`}
            query={exportQueryOf(filter)}
          />
        }
      />
      <Card size="small">
        <Tabs
          activeKey={listKind}
          onChange={(key) => change({ listKind: key as ListKind, kind: undefined })}
          items={listKinds.map((kind) => ({ key: kind, label: listKindLabels[kind] }))}
        />
        <Space wrap style={{ marginBottom: 12 }}>
          <OrganizationTreeSelect
            tree={organizationTree}
            allowClear
            placeholder="全部实施机关"
            value={filter.organizationId}
            style={{ width: 280 }}
            onChange={(organizationId) => change({ organizationId })}
          />
          <Input.Search
            allowClear
            placeholder="按名称、编码或法律依据搜索"
            style={{ width: 280 }}
            enterButton="搜索"
            onSearch={(value) => change({ q: value.trim() || undefined })}
          />
          {kindField ? (
            <Select<string>
              allowClear
              placeholder={kindField.label}
              style={{ width: 170 }}
              value={filter.kind}
              options={kindField.options}
              onChange={(kind) => change({ kind })}
            />
          ) : null}
          <Select<ItemStatus>
            allowClear
            placeholder="状态（默认有效）"
            style={{ width: 160 }}
            value={filter.status}
            options={itemStatuses.map((value) => ({ value, label: itemStatusLabels[value] }))}
            onChange={(status) => change({ status })}
          />
          <DatePicker
            placeholder="查询日期（默认今天）"
            format="YYYY年M月D日"
            style={{ width: 190 }}
            value={filter.date ? dayjs(filter.date) : null}
            onChange={(value) => change({ date: value ? value.format('YYYY-MM-DD') : undefined })}
          />
          {filter.date ? (
            <Typography.Text type="secondary">{formatDate(filter.date)}的清单</Typography.Text>
          ) : null}
        </Space>
        <PowerItemTable
          listKind={listKind}
          items={list.data?.items ?? []}
          loading={list.isFetching}
          base="console"
          showOrganization={!filter.organizationId}
          emptyText={
            filter.q
              ? `没有找到含“${filter.q}”的事项，请换个关键词`
              : `${filter.organizationId ? '该单位' : '本单位及下级单位'}的${listKindLabels[listKind]}还没有${
                  filter.status === 'pending' ? '待生效' : filter.status === 'cancelled' ? '已取消' : '有效'
                }事项。部门联络员可在“动态调整”中新建调整，经司法局批准后生效。`
          }
          renderName={(item) => (
            <Button
              type="link"
              style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'left' }}
              onClick={() => setOpenItemId(item.id)}
            >
              {item.name}
            </Button>
          )}
          pagination={{
            current: filter.page,
            pageSize: filter.pageSize,
            total: list.data?.total ?? 0,
            showSizeChanger: true,
            showTotal: (total) => `共 ${total} 项`,
            onChange: (page, pageSize) => setFilter((current) => ({ ...current, page, pageSize })),
          }}
        />
      </Card>
      <PowerItemDrawer itemId={openItemId} onClose={() => setOpenItemId(null)} />
    </>
  );
}
