import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Input, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { discretionOutcomeLabels } from '../../../../../contracts/enforcement';
import type { BenchmarkView } from '../../../../../contracts/enforcement-oversight';
import { ExportButton } from '../../../components/excel-buttons';
import { OrganizationTreeSelect, type TreeOption } from '../../../components/organization-tree-select';
import { PageHeader } from '../../../components/page-header';
import { formatDateTime } from '../../../lib/format';
import { useBenchmarks, type BenchmarkListParams } from '../api/get-benchmarks';
import { BenchmarkEditorDrawer } from './benchmark-editor-drawer';
import { outcomeColors, yuan } from './oversight-format';

interface Props {
  organizationTree: TreeOption[];
  canEdit: boolean;
}

/** 裁量基准: the benchmarks in scope; the body's liaison, agency head or legal reviewer keeps them. */
export function DiscretionView({ organizationTree, canEdit }: Props) {
  const [filter, setFilter] = useState<BenchmarkListParams>({ page: 1, pageSize: 20 });
  const [editing, setEditing] = useState<{ organizationId: string; powerItemId: string } | undefined | null>(
    null,
  );
  const list = useBenchmarks(filter);
  const change = (next: Partial<BenchmarkListParams>) =>
    setFilter((current) => ({ ...current, page: 1, ...next }));

  return (
    <>
      <PageHeader
        title="裁量基准"
        description="按权责清单中的行政处罚事项细化裁量情形和处罚幅度，免罚清单、轻罚清单在办案时自动适用。"
        extra={
          <Space>
            <ExportButton
              path="/api/enforcement/discretion/benchmarks/export.xlsx"
              fallbackName="裁量基准.xlsx"
              query={{ organizationId: filter.organizationId, q: filter.q }}
            />
            {canEdit ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(undefined)}>
                制定裁量基准
              </Button>
            ) : null}
          </Space>
        }
      />
      <Card size="small">
        <Space wrap style={{ marginBottom: 12 }}>
          <Input.Search
            allowClear
            placeholder="事项编码、名称或执法主体"
            style={{ width: 280 }}
            enterButton="搜索"
            onSearch={(value) => change({ q: value.trim() || undefined })}
          />
          <OrganizationTreeSelect
            tree={organizationTree}
            allowClear
            placeholder="全部执法主体"
            value={filter.organizationId}
            style={{ width: 260 }}
            onChange={(organizationId) => change({ organizationId })}
          />
        </Space>
        <Table<BenchmarkView>
          rowKey="id"
          size="middle"
          loading={list.isFetching}
          dataSource={list.data?.items ?? []}
          expandable={{
            expandedRowRender: (benchmark) => (
              <>
                {benchmark.basis ? (
                  <Typography.Paragraph type="secondary">裁量依据：{benchmark.basis}</Typography.Paragraph>
                ) : null}
                <Table
                  size="small"
                  rowKey="key"
                  pagination={false}
                  dataSource={benchmark.circumstances}
                  columns={[
                    { title: '编号', dataIndex: 'key', width: 80 },
                    { title: '情形', dataIndex: 'label' },
                    {
                      title: '裁量结果',
                      dataIndex: 'outcome',
                      width: 190,
                      render: (outcome: BenchmarkView['circumstances'][number]['outcome']) => (
                        <Tag color={outcomeColors[outcome]}>{discretionOutcomeLabels[outcome]}</Tag>
                      ),
                    },
                    {
                      title: '罚款幅度',
                      width: 220,
                      render: (_, circumstance) =>
                        circumstance.outcome === 'noPenalty'
                          ? '不予处罚'
                          : `${yuan(circumstance.fineMinYuan)} 至 ${yuan(circumstance.fineMaxYuan)}`,
                    },
                  ]}
                />
              </>
            ),
          }}
          pagination={{
            current: filter.page,
            pageSize: filter.pageSize,
            total: list.data?.total ?? 0,
            showTotal: (total) => `共 ${total} 项`,
            onChange: (page, pageSize) => setFilter((current) => ({ ...current, page, pageSize })),
          }}
          columns={[
            { title: '执法主体', dataIndex: 'organizationName', width: 200 },
            {
              title: '事项编码',
              dataIndex: 'powerItemCode',
              width: 120,
              render: (code: string | null) => code ?? '—',
            },
            {
              title: '执法事项',
              dataIndex: 'powerItemName',
              render: (name: string | null) => name ?? '（已不在清单内）',
            },
            {
              title: '情形',
              width: 200,
              render: (_, benchmark) => {
                const noPenalty = benchmark.circumstances.filter(
                  (entry) => entry.outcome === 'noPenalty',
                ).length;
                const light = benchmark.circumstances.filter((entry) => entry.outcome === 'light').length;
                return `${benchmark.circumstances.length} 种（免罚 ${noPenalty}、轻罚 ${light}）`;
              },
            },
            {
              title: '最近修改',
              width: 220,
              render: (_, benchmark) => `${benchmark.updatedByName} ${formatDateTime(benchmark.updatedAt)}`,
            },
            ...(canEdit
              ? [
                  {
                    title: '操作',
                    width: 80,
                    render: (_: unknown, benchmark: BenchmarkView) => (
                      <Button
                        type="link"
                        size="small"
                        onClick={() =>
                          setEditing({
                            organizationId: benchmark.organizationId,
                            powerItemId: benchmark.powerItemId,
                          })
                        }
                      >
                        修改
                      </Button>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      {editing !== null ? (
        <BenchmarkEditorDrawer
          key={editing ? `${editing.organizationId}:${editing.powerItemId}` : 'new'}
          open
          initial={editing}
          organizationTree={organizationTree}
          onClose={() => setEditing(null)}
        />
      ) : null}
    </>
  );
}
