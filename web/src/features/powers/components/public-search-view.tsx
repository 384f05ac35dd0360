import { Card, Input, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { listKindLabels, listKinds, type ListKind } from '../../../../../contracts/powers';
import { portalPowerPaths } from '../../../config/paths';
import { usePublicPowerItems } from '../api/get-public-powers';
import { PowerItemTable } from './power-item-table';

/** 事项搜索: one search over every organization's lists in force. */
export function PublicSearchView({
  query,
  onQueryChange,
}: {
  query: string;
  onQueryChange: (query: string) => void;
}) {
  const [listKind, setListKind] = useState<ListKind | undefined>();
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const items = usePublicPowerItems({ q: query || undefined, listKind, ...paging }, query !== '');
  return (
    <>
      <Typography.Title level={2} style={{ marginTop: 0 }}>
        事项搜索
      </Typography.Title>
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search
          size="large"
          allowClear
          enterButton="搜索"
          defaultValue={query}
          placeholder="事项名称、编码或法律名称"
          style={{ width: 520 }}
          onSearch={(value) => {
            setPaging((current) => ({ ...current, page: 1 }));
            onQueryChange(value.trim());
          }}
        />
        <Select<ListKind>
          size="large"
          allowClear
          placeholder="全部清单"
          style={{ width: 200 }}
          value={listKind}
          options={listKinds.map((value) => ({ value, label: listKindLabels[value] }))}
          onChange={(next) => {
            setListKind(next);
            setPaging((current) => ({ ...current, page: 1 }));
          }}
        />
        <Link to={portalPowerPaths.home}>按单位浏览</Link>
      </Space>
      <Card>
        <PowerItemTable
          listKind={listKind}
          items={query ? (items.data?.items ?? []) : []}
          loading={items.isFetching}
          base="portal"
          showOrganization
          showStatus={false}
          emptyText={
            query
              ? `没有找到含“${query}”的事项，请换个关键词或按单位浏览`
              : '请输入要搜索的事项名称、编码或法律名称'
          }
          renderName={(item) => <Link to={portalPowerPaths.item(item.id)}>{item.name}</Link>}
          pagination={{
            current: paging.page,
            pageSize: paging.pageSize,
            total: query ? (items.data?.total ?? 0) : 0,
            showTotal: (count) => `共找到 ${count} 项`,
            onChange: (page, pageSize) => setPaging({ page, pageSize }),
          }}
        />
      </Card>
    </>
  );
}
