import { Card, Checkbox, Input, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { lawLevelLabels, lawLevels, type LawLevel, type LawSummary } from '../../../../../contracts/law';
import { lawArticlePath } from '../../../config/paths';
import { formatDate } from '../../../lib/format';
import { useLaws, type LawListParams } from '../api/get-laws';
import { LawStatusTag } from './law-status-tag';

/** The collection's folders (the national database's categories), offered as the 类别 filter. */
const lawCategories = [
  '宪法',
  '宪法相关法',
  '民法典',
  '民法商法',
  '行政法',
  '经济法',
  '社会法',
  '刑法',
  '诉讼与非诉讼程序法',
  '行政法规',
  '部门规章',
];

/** 法规列表: title search, 效力层级 and 类别 filters, superseded versions on request. */
export function LawListView({
  base,
  fixedLevel,
  isCompact = false,
}: {
  base: 'portal' | 'console';
  /** the portal's browse-by-level tabs set the level themselves */
  fixedLevel?: LawLevel;
  isCompact?: boolean;
}) {
  const [filter, setFilter] = useState<LawListParams>({ page: 1, pageSize: 20 });
  const [searchText, setSearchText] = useState('');
  const query = fixedLevel ? { ...filter, level: fixedLevel } : filter;
  const list = useLaws(query);
  const hasFilter = Boolean(filter.q ?? filter.level ?? filter.category);
  const emptyText = list.isError
    ? '法规库暂时无法读取，请稍后刷新。'
    : hasFilter
      ? '没有符合条件的法规，请换个名称或放宽筛选条件。'
      : fixedLevel
        ? `暂未收录${lawLevelLabels[fixedLevel]}。`
        : base === 'console'
          ? '法规库中还没有法规。司法局可在“导入”中上传法规文本（.md 或 .txt）。'
          : '法规库正在建设中，暂无可查询的法规。';

  // inside the portal's level tabs the list needs no frame of its own
  return (
    <Card
      size="small"
      variant={fixedLevel ? 'borderless' : 'outlined'}
      styles={{ body: fixedLevel ? { padding: 0 } : {} }}
    >
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          placeholder="按法规名称搜索，如 行政处罚法"
          style={{ width: 300 }}
          value={searchText}
          onChange={(event) => setSearchText(event.target.value)}
          onSearch={(value) =>
            setFilter((current) => ({ ...current, page: 1, q: value.trim() || undefined }))
          }
          enterButton="搜索"
        />
        {fixedLevel ? null : (
          <Select<LawLevel>
            allowClear
            placeholder="效力层级"
            style={{ width: 150 }}
            value={filter.level}
            options={lawLevels.map((value) => ({ value, label: lawLevelLabels[value] }))}
            onChange={(level) => setFilter((current) => ({ ...current, page: 1, level }))}
          />
        )}
        {isCompact ? null : (
          <Select<string>
            allowClear
            showSearch
            placeholder="类别"
            style={{ width: 170 }}
            value={filter.category}
            options={lawCategories.map((value) => ({ value, label: value }))}
            onChange={(category) => setFilter((current) => ({ ...current, page: 1, category }))}
          />
        )}
        <Checkbox
          checked={filter.includeSuperseded === 'true'}
          onChange={(event) =>
            setFilter((current) => ({
              ...current,
              page: 1,
              includeSuperseded: event.target.checked ? 'true' : undefined,
            }))
          }
        >
          含已失效版本
        </Checkbox>
      </Space>
      <Table<LawSummary>
        rowKey="id"
        size="middle"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        scroll={{ x: 960 }}
        locale={{ emptyText }}
        pagination={{
          current: filter.page,
          pageSize: filter.pageSize,
          total: list.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (total) => `共 ${total} 部`,
          onChange: (page, pageSize) => setFilter((current) => ({ ...current, page, pageSize })),
        }}
        columns={[
          {
            title: '名称',
            dataIndex: 'title',
            render: (title: string, row) => <Link to={lawArticlePath(base, row.id)}>{title}</Link>,
          },
          {
            title: '效力层级',
            dataIndex: 'level',
            width: 120,
            render: (level: LawLevel) => lawLevelLabels[level],
          },
          {
            title: '制定机关',
            dataIndex: 'issuer',
            width: 200,
            render: (issuer: string | null) =>
              issuer ? (
                <Typography.Text ellipsis={{ tooltip: issuer }} style={{ maxWidth: 184 }}>
                  {issuer}
                </Typography.Text>
              ) : (
                '—'
              ),
          },
          { title: '版本日期', dataIndex: 'versionDate', width: 140, render: formatDate },
          {
            title: '施行日期',
            dataIndex: 'effectiveOn',
            width: 140,
            render: (value: string | null) => formatDate(value),
          },
          {
            title: '状态',
            key: 'status',
            width: 100,
            render: (_: unknown, row) => <LawStatusTag law={row} />,
          },
          { title: '条文数', dataIndex: 'articleCount', width: 80, align: 'right' },
        ]}
      />
    </Card>
  );
}
