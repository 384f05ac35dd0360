import { Alert, Breadcrumb, Card, Input, Select, Space, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { listKindLabels, listKinds, type ListKind } from '../../../../../contracts/powers';
import { portalPowerPaths } from '../../../config/paths';
import { ApiError } from '../../../lib/api-client';
import {
  usePublicPowerItems,
  usePublicPowerOrganizations,
  type PublicItemListParams,
} from '../api/get-public-powers';
import { kindOptionsFor } from '../power-fields';
import { PowerItemTable } from './power-item-table';

interface Props {
  organizationId: string;
  listKind: ListKind;
  onListKindChange: (listKind: ListKind) => void;
}

/** One organization's lists in force today, by kind, with search and the 类型 filter. */
export function PublicOrganizationListsView({ organizationId, listKind, onListKindChange }: Props) {
  const organizations = usePublicPowerOrganizations();
  const organization = organizations.data?.find((candidate) => candidate.id === organizationId);
  const [filter, setFilter] = useState<Omit<PublicItemListParams, 'organizationId' | 'listKind'>>({
    page: 1,
    pageSize: 20,
  });
  const items = usePublicPowerItems({ ...filter, organizationId, listKind });
  const kindField = kindOptionsFor(listKind);

  return (
    <>
      <Breadcrumb
        style={{ marginBottom: 16 }}
        items={[
          { title: <Link to={portalPowerPaths.home}>权责清单公开</Link> },
          { title: organization?.name ?? '单位' },
        ]}
      />
      <Typography.Title level={2} style={{ marginTop: 0 }}>
        {organization?.name ?? '　'}
      </Typography.Title>
      <Card>
        <Tabs
          activeKey={listKind}
          onChange={(key) => {
            setFilter({ page: 1, pageSize: filter.pageSize });
            onListKindChange(key as ListKind);
          }}
          items={listKinds.map((kind) => ({
            key: kind,
            label: `${listKindLabels[kind]}${organization ? `（${organization.counts[kind] ?? 0}）` : ''}`,
          }))}
        />
        <Space wrap style={{ marginBottom: 12 }}>
          <Input.Search
            allowClear
            placeholder="按名称、编码或法律依据搜索"
            style={{ width: 300 }}
            enterButton="搜索"
            onSearch={(value) =>
              setFilter((current) => ({ ...current, page: 1, q: value.trim() || undefined }))
            }
          />
          {kindField ? (
            <Select<string>
              allowClear
              placeholder={kindField.label}
              style={{ width: 180 }}
              value={filter.kind}
              options={kindField.options}
              onChange={(kind) => setFilter((current) => ({ ...current, page: 1, kind }))}
            />
          ) : null}
        </Space>
        {items.error ? (
          <Alert
            type="error"
            showIcon
            message={items.error instanceof ApiError ? items.error.message : '清单暂时无法读取'}
          />
        ) : (
          <PowerItemTable
            listKind={listKind}
            items={items.data?.items ?? []}
            loading={items.isFetching}
            base="portal"
            showStatus={false}
            emptyText={
              filter.q
                ? `没有找到含“${filter.q}”的事项，请换个关键词`
                : `该单位暂未公布${listKindLabels[listKind]}`
            }
            renderName={(item) => <Link to={portalPowerPaths.item(item.id)}>{item.name}</Link>}
            pagination={{
              current: filter.page,
              pageSize: filter.pageSize,
              total: items.data?.total ?? 0,
              showSizeChanger: true,
              showTotal: (count) => `共 ${count} 项`,
              onChange: (page, pageSize) => setFilter((current) => ({ ...current, page, pageSize })),
            }}
          />
        )}
      </Card>
    </>
  );
}
