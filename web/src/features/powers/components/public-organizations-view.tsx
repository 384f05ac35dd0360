import { Alert, Card, Input, Table, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import {
  listKindLabels,
  listKinds,
  type ListKind,
  type PublicPowerOrganization,
} from '../../../../../contracts/powers';
import { portalPowerPaths } from '../../../config/paths';
import { ApiError } from '../../../lib/api-client';
import { usePublicPowerOrganizations } from '../api/get-public-powers';

const total = (organization: PublicPowerOrganization) =>
  listKinds.reduce((sum, kind) => sum + (organization.counts[kind] ?? 0), 0);

/** 权责清单公开: every organization that publishes lists, with how many items each list holds; a search over all of them. */
export function PublicOrganizationsView() {
  const organizations = usePublicPowerOrganizations();
  const [nameFilter, setNameFilter] = useState('');
  const navigate = useNavigate();
  const rows = (organizations.data ?? [])
    .filter((organization) => organization.name.includes(nameFilter.trim()))
    .sort((a, b) => Number(total(b) > 0) - Number(total(a) > 0));

  return (
    <>
      <div style={{ padding: '8px 0 24px' }}>
        <Typography.Title level={2} style={{ marginBottom: 8 }}>
          权责清单公开
        </Typography.Title>
        <Typography.Paragraph style={{ fontSize: 15, color: '#595959', maxWidth: 820 }}>
          各部门的权责清单、政务服务事项、证明事项、中介服务事项和随机抽查事项清单。每一项职权都列明法律依据，点击即可查看法律条文。
        </Typography.Paragraph>
        <Input.Search
          size="large"
          allowClear
          enterButton="搜索事项"
          placeholder="输入事项名称、编码或法律名称，在全部清单中搜索"
          style={{ maxWidth: 640 }}
          onSearch={(value) => {
            if (value.trim()) void navigate(portalPowerPaths.search(value.trim()));
          }}
        />
      </div>
      <Card
        title="公开清单的单位"
        extra={
          <Input
            allowClear
            placeholder="按单位名称筛选"
            style={{ width: 220 }}
            value={nameFilter}
            onChange={(event) => setNameFilter(event.target.value)}
          />
        }
      >
        {organizations.error ? (
          <Alert
            type="error"
            showIcon
            message={
              organizations.error instanceof ApiError ? organizations.error.message : '单位列表暂时无法读取'
            }
          />
        ) : (
          <Table<PublicPowerOrganization>
            rowKey="id"
            size="middle"
            loading={organizations.isLoading}
            dataSource={rows}
            scroll={{ x: 900 }}
            locale={{ emptyText: nameFilter ? '没有名称含该文字的单位' : '暂无公开清单的单位' }}
            pagination={{ pageSize: 20, showSizeChanger: false, showTotal: (count) => `共 ${count} 个单位` }}
            columns={[
              {
                title: '单位',
                dataIndex: 'name',
                render: (name: string, row) => <Link to={portalPowerPaths.organization(row.id)}>{name}</Link>,
              },
              ...listKinds.map((kind: ListKind) => ({
                title: kind === 'power' ? '权责事项' : listKindLabels[kind].replace(/清单$/, ''),
                key: kind,
                width: 120,
                align: 'right' as const,
                render: (_: unknown, row: PublicPowerOrganization) => {
                  const count = row.counts[kind] ?? 0;
                  return count > 0 ? (
                    <Link to={portalPowerPaths.organization(row.id, kind)}>{count} 项</Link>
                  ) : (
                    <Typography.Text type="secondary">—</Typography.Text>
                  );
                },
              })),
            ]}
          />
        )}
      </Card>
    </>
  );
}
