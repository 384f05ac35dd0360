import { UploadOutlined } from '@ant-design/icons';
import { Button, Card, Input, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { Link } from 'react-router-dom';
import { importJobStatusLabels } from '../../../../../contracts/imports';
import {
  riskGradeLabels,
  riskGrades,
  type EntityView,
  type RiskGrade,
} from '../../../../../contracts/spotchecks';
import { PageHeader } from '../../../components/page-header';
import { entityProfilePath } from '../../../config/paths';
import { spotchecksQueryKey, useEntities, useEntityImportJobs, type EntityListParams } from '../api/entities';
import { EntityImportModal } from './entity-import-modal';

const gradeColors: Record<RiskGrade, string> = { A: 'green', B: 'blue', C: 'orange', D: 'red' };

/** 检查对象名录库: the entities random inspections draw from, searched and filtered; imports by Excel or CSV. */
export function EntitiesView({ canImport }: { canImport: boolean }) {
  const [filter, setFilter] = useState<EntityListParams>({ page: 1, pageSize: 20 });
  const [isImporting, setImporting] = useState(false);
  const list = useEntities(filter);
  const imports = useEntityImportJobs();
  const queryClient = useQueryClient();
  const refresh = useCallback(
    () => void queryClient.invalidateQueries({ queryKey: spotchecksQueryKey }),
    [queryClient],
  );
  const lastImport = imports.data?.[0];

  return (
    <>
      <PageHeader
        title="检查对象名录库"
        description="双随机抽查从这里抽取检查对象：市场主体和其他检查对象，以统一社会信用代码为准，附信用风险分类（A–D）。"
        extra={
          canImport ? (
            <Button type="primary" icon={<UploadOutlined />} onClick={() => setImporting(true)}>
              导入名录
            </Button>
          ) : null
        }
      />
      {lastImport ? (
        <Typography.Paragraph type="secondary">
          最近一次导入：{lastImport.fileName}（{importJobStatusLabels[lastImport.status]}，
          {lastImport.createdByName}，{new Date(lastImport.createdAt).toLocaleString('zh-CN')}）
        </Typography.Paragraph>
      ) : null}
      <Card size="small">
        <Space wrap style={{ marginBottom: 12 }}>
          <Input.Search
            allowClear
            placeholder="按名称、统一社会信用代码或住所搜索"
            style={{ width: 300 }}
            enterButton="搜索"
            onSearch={(value) =>
              setFilter((current) => ({ ...current, page: 1, q: value.trim() || undefined }))
            }
          />
          <Select
            allowClear
            placeholder="信用风险分类"
            style={{ width: 200 }}
            options={riskGrades.map((grade) => ({ value: grade, label: riskGradeLabels[grade] }))}
            onChange={(riskGrade?: RiskGrade) => setFilter((current) => ({ ...current, page: 1, riskGrade }))}
          />
          <Input.Search
            allowClear
            placeholder="所属区划代码（6 位）"
            style={{ width: 200 }}
            onSearch={(value) =>
              setFilter((current) => ({ ...current, page: 1, jurisdictionCode: value.trim() || undefined }))
            }
          />
        </Space>
        <Table<EntityView>
          rowKey="id"
          size="middle"
          loading={list.isFetching}
          dataSource={list.data?.items ?? []}
          scroll={{ x: 1400 }}
          locale={{
            emptyText: canImport
              ? '名录为空或没有符合条件的对象。点击右上角“导入名录”导入。'
              : '没有符合条件的对象。',
          }}
          pagination={{
            current: filter.page,
            pageSize: filter.pageSize,
            total: list.data?.total ?? 0,
            showSizeChanger: true,
            showTotal: (total) =>
              list.data?.totalIsCapped
                ? `超过 ${total.toLocaleString('zh-CN')} 户，请用条件缩小范围`
                : `共 ${total.toLocaleString('zh-CN')} 户`,
            onChange: (page, pageSize) => setFilter((current) => ({ ...current, page, pageSize })),
          }}
          columns={[
            { title: '统一社会信用代码', dataIndex: 'creditCode', width: 190, fixed: 'left' },
            {
              title: '名称',
              dataIndex: 'name',
              width: 260,
              render: (name: string, row) => <Link to={entityProfilePath(row.creditCode)}>{name}</Link>,
            },
            {
              title: '风险分类',
              dataIndex: 'riskGrade',
              width: 100,
              render: (grade: RiskGrade) => <Tag color={gradeColors[grade]}>{grade} 类</Tag>,
            },
            {
              title: '检查次数（本年/累计）',
              key: 'inspections',
              width: 120,
              render: (_, row) => (
                <Tooltip
                  title={`本年 ${String(row.inspectionsThisYear)} 次，累计 ${String(row.inspectionsTotal)} 次`}
                >
                  {row.inspectionsThisYear} / {row.inspectionsTotal}
                </Tooltip>
              ),
            },
            {
              title: '行业',
              dataIndex: 'industry',
              width: 120,
              render: (value: string | null) => value ?? '—',
            },
            {
              title: '住所（经营场所）',
              dataIndex: 'address',
              width: 260,
              render: (value: string | null) => value ?? '—',
            },
            {
              title: '区划',
              dataIndex: 'jurisdictionCode',
              width: 90,
              render: (value: string | null) => value ?? '—',
            },
            {
              title: '持有许可证',
              dataIndex: 'licences',
              width: 220,
              render: (licences: string[]) =>
                licences.length > 0 ? licences.map((licence) => <Tag key={licence}>{licence}</Tag>) : '—',
            },
          ]}
        />
      </Card>
      <EntityImportModal isOpen={isImporting} onClose={() => setImporting(false)} onImported={refresh} />
    </>
  );
}
