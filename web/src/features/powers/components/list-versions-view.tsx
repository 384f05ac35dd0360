import { Alert, Card, Empty, Select, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import {
  listKindLabels,
  listKinds,
  type ListDiffEntry,
  type ListKind,
  type ListVersionView,
  type PowerSummaryEntry,
} from '../../../../../contracts/powers';
import { OrganizationTreeSelect, type TreeOption } from '../../../components/organization-tree-select';
import { PageHeader } from '../../../components/page-header';
import { ApiError } from '../../../lib/api-client';
import { formatDate, formatDateTime } from '../../../lib/format';
import { useListDiff, useListVersions } from '../api/get-list-versions';
import { usePowerSummary } from '../api/get-power-summary';
import { fieldLabel } from '../power-fields';
import { ContentComparison } from './content-comparison';
import { ItemDescriptions } from './item-descriptions';

const changeLook = {
  added: { label: '新增', color: 'green', background: '#f6ffed' },
  modified: { label: '变更', color: 'blue', background: '#ffffff' },
  cancelled: { label: '取消', color: 'red', background: '#fff1f0' },
} as const;

function DiffEntry({ entry, listKind }: { entry: ListDiffEntry; listKind: ListKind }) {
  if (entry.change === 'modified' && entry.before && entry.after) {
    return (
      <ContentComparison
        listKind={listKind}
        before={entry.before}
        after={entry.after}
        changedFields={entry.changedFields}
      />
    );
  }
  const content = entry.after ?? entry.before;
  return content ? <ItemDescriptions listKind={listKind} content={content} base="console" /> : null;
}

interface Props {
  organizationTree: TreeOption[];
  defaultOrganizationId?: string;
  changeSetPath: (id: string) => string;
}

/** 各单位清单概况: one line per list that has items or change sets; a click opens its versions. */
function SummaryCard({ onPick }: { onPick: (entry: PowerSummaryEntry) => void }) {
  const summary = usePowerSummary();
  return (
    <Card
      size="small"
      title="各单位清单概况"
      extra={<Typography.Text type="secondary">点击一行，查看该清单的版本</Typography.Text>}
      style={{ marginBottom: 16 }}
    >
      <Table<PowerSummaryEntry>
        rowKey={(entry) => `${entry.organizationId}-${entry.listKind}`}
        size="small"
        loading={summary.isLoading}
        dataSource={summary.data ?? []}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        scroll={{ x: 800 }}
        locale={{ emptyText: '权限范围内还没有公布任何清单' }}
        onRow={(entry) => ({ onClick: () => onPick(entry), style: { cursor: 'pointer' } })}
        columns={[
          { title: '单位', dataIndex: 'organizationName' },
          {
            title: '清单',
            dataIndex: 'listKind',
            width: 170,
            render: (listKind: ListKind) => listKindLabels[listKind],
          },
          { title: '有效事项', dataIndex: 'itemCount', width: 100, render: (count: number) => `${count} 项` },
          {
            title: '最新版本',
            dataIndex: 'lastVersion',
            width: 100,
            render: (version: number | null) => (version ? `第 ${version} 版` : '—'),
          },
          {
            title: '最新生效日期',
            dataIndex: 'lastEffectiveOn',
            width: 140,
            render: (value: string | null) => formatDate(value),
          },
          {
            title: '待审核调整单',
            dataIndex: 'pendingChangeSets',
            width: 120,
            render: (count: number) => (count > 0 ? <Tag color="processing">{count} 个</Tag> : '—'),
          },
        ]}
      />
    </Card>
  );
}

/** 版本与对比: every approved version of a list, and what changed between any two of them. */
export function ListVersionsView({ organizationTree, defaultOrganizationId, changeSetPath }: Props) {
  const [organizationId, setOrganizationId] = useState(defaultOrganizationId);
  const [listKind, setListKind] = useState<ListKind>('power');
  const [range, setRange] = useState<{ from: number; to: number } | null>(null);
  const versions = useListVersions(organizationId, listKind);
  const rows = versions.data ?? [];
  const latest = rows.reduce((highest, row) => Math.max(highest, row.version), 0);

  useEffect(() => {
    setRange(latest > 0 ? { from: latest - 1, to: latest } : null);
  }, [latest, organizationId, listKind]);

  const diff = useListDiff(
    organizationId && range && range.from !== range.to ? { organizationId, listKind, ...range } : null,
  );
  const versionOptions = [
    { value: 0, label: '第 0 版（空清单）' },
    ...[...rows]
      .sort((a, b) => a.version - b.version)
      .map((row) => ({
        value: row.version,
        label: `第 ${row.version} 版（${formatDate(row.effectiveOn)}）`,
      })),
  ];
  const entries = diff.data ?? [];
  const counts = {
    added: entries.filter((entry) => entry.change === 'added').length,
    modified: entries.filter((entry) => entry.change === 'modified').length,
    cancelled: entries.filter((entry) => entry.change === 'cancelled').length,
  };

  return (
    <>
      <PageHeader
        title="版本与对比"
        description="清单每经一次批准的调整生成一个新版本。选择两个版本，查看其间新增、变更和取消的事项。"
      />
      <SummaryCard
        onPick={(entry) => {
          setOrganizationId(entry.organizationId);
          setListKind(entry.listKind);
        }}
      />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Space wrap>
          <OrganizationTreeSelect
            tree={organizationTree}
            placeholder="选择单位"
            value={organizationId}
            style={{ width: 280 }}
            onChange={setOrganizationId}
          />
          <Select<ListKind>
            style={{ width: 200 }}
            value={listKind}
            options={listKinds.map((value) => ({ value, label: listKindLabels[value] }))}
            onChange={setListKind}
          />
        </Space>
      </Card>
      <Card size="small" title="版本" style={{ marginBottom: 16 }}>
        {versions.error ? (
          <Alert
            type="error"
            showIcon
            message={versions.error instanceof ApiError ? versions.error.message : '版本暂时无法读取'}
          />
        ) : (
          <Table<ListVersionView>
            rowKey="version"
            size="middle"
            loading={versions.isFetching}
            dataSource={[...rows].sort((a, b) => b.version - a.version)}
            pagination={false}
            scroll={{ x: 900 }}
            locale={{
              emptyText: organizationId
                ? '这份清单还没有经批准的版本。调整单经司法局批准后，这里会出现第 1 版。'
                : '请先选择单位',
            }}
            columns={[
              {
                title: '版本',
                dataIndex: 'version',
                width: 90,
                render: (version: number) => `第 ${version} 版`,
              },
              {
                title: '生效日期',
                dataIndex: 'effectiveOn',
                width: 140,
                render: (value: string) => formatDate(value),
              },
              {
                title: '事项数',
                dataIndex: 'itemCount',
                width: 90,
                render: (count: number) => `${count} 项`,
              },
              {
                title: '调整单',
                dataIndex: 'changeSetTitle',
                render: (title: string | null, row) =>
                  row.changeSetId ? (
                    <Link to={changeSetPath(row.changeSetId)}>{title ?? '查看调整单'}</Link>
                  ) : (
                    '—'
                  ),
              },
              {
                title: '批准人',
                dataIndex: 'approvedBy',
                width: 220,
                render: (value: string | null) => value ?? '—',
              },
              {
                title: '批准时间',
                dataIndex: 'approvedAt',
                width: 190,
                render: (value: string | null) => formatDateTime(value),
              },
            ]}
          />
        )}
      </Card>
      <Card
        size="small"
        title="版本对比"
        extra={
          latest > 0 && range ? (
            <Space wrap>
              <Select<number>
                aria-label="起始版本"
                style={{ width: 220 }}
                value={range.from}
                options={versionOptions}
                onChange={(from) => setRange({ ...range, from })}
              />
              <span>对比</span>
              <Select<number>
                aria-label="对比版本"
                style={{ width: 220 }}
                value={range.to}
                options={versionOptions.filter((option) => option.value > 0)}
                onChange={(to) => setRange({ ...range, to })}
              />
            </Space>
          ) : null
        }
      >
        {latest === 0 ? (
          <Empty description="有了经批准的版本后，可以在这里对比两个版本" />
        ) : range?.from === range?.to ? (
          <Empty description="请选择两个不同的版本" />
        ) : diff.error ? (
          <Alert
            type="error"
            showIcon
            message={diff.error instanceof ApiError ? diff.error.message : '对比结果暂时无法读取'}
          />
        ) : (
          <>
            <Space style={{ marginBottom: 12 }} wrap>
              <Tag color="green">新增 {counts.added} 项</Tag>
              <Tag color="blue">变更 {counts.modified} 项</Tag>
              <Tag color="red">取消 {counts.cancelled} 项</Tag>
            </Space>
            <Table<ListDiffEntry>
              rowKey={(entry) => `${entry.change}-${entry.itemId}`}
              size="middle"
              loading={diff.isFetching}
              dataSource={entries}
              pagination={{
                pageSize: 20,
                hideOnSinglePage: true,
                showTotal: (total) => `共 ${total} 项变化`,
              }}
              scroll={{ x: 800 }}
              locale={{ emptyText: '两个版本之间没有差别' }}
              onRow={(entry) => ({ style: { background: changeLook[entry.change].background } })}
              expandable={{
                expandedRowRender: (entry) => <DiffEntry entry={entry} listKind={listKind} />,
                expandRowByClick: true,
              }}
              columns={[
                {
                  title: '变化',
                  dataIndex: 'change',
                  width: 90,
                  render: (change: ListDiffEntry['change']) => (
                    <Tag color={changeLook[change].color}>{changeLook[change].label}</Tag>
                  ),
                },
                { title: '事项编码', dataIndex: 'code', width: 160 },
                {
                  title: '事项名称',
                  key: 'name',
                  render: (_: unknown, entry) => (
                    <Typography.Text delete={entry.change === 'cancelled'}>
                      {entry.after?.name ?? entry.before?.name ?? '—'}
                    </Typography.Text>
                  ),
                },
                {
                  title: '变更内容',
                  width: 280,
                  dataIndex: 'changedFields',
                  render: (fields: string[], entry) =>
                    entry.change === 'modified' ? (
                      <Space size={[4, 4]} wrap>
                        {fields.map((field) => (
                          <Tag key={field} color="gold">
                            {fieldLabel(listKind, field)}
                          </Tag>
                        ))}
                      </Space>
                    ) : (
                      '—'
                    ),
                },
              ]}
            />
          </>
        )}
      </Card>
    </>
  );
}
