import { Table, Tag, Typography } from 'antd';
import type { TablePaginationConfig } from 'antd';
import type { ReactNode } from 'react';
import type { ListKind, PowerItemView } from '../../../../../contracts/powers';
import { CitationLinks } from '../../../components/citation-links';
import { formatDate } from '../../../lib/format';
import { itemStatusColors, itemStatusText, kindLabel, kindOptionsFor } from '../power-fields';

interface Props {
  listKind: ListKind | undefined;
  items: PowerItemView[];
  loading: boolean;
  pagination: TablePaginationConfig;
  base: 'portal' | 'console';
  /** the item's name as a link or a button that opens it */
  renderName: (item: PowerItemView) => ReactNode;
  showOrganization?: boolean;
  showStatus?: boolean;
  emptyText: ReactNode;
}

/** The rows of a list: 编码, 名称, 类型, 法律依据 (each citation a link), 生效日期, 状态. */
export function PowerItemTable({
  listKind,
  items,
  loading,
  pagination,
  base,
  renderName,
  showOrganization = false,
  showStatus = true,
  emptyText,
}: Props) {
  const kindColumn = listKind ? kindOptionsFor(listKind)?.label : '类型';
  return (
    <Table<PowerItemView>
      rowKey="id"
      size="middle"
      loading={loading}
      dataSource={items}
      scroll={{ x: showOrganization ? 1240 : 1060 }}
      pagination={pagination}
      locale={{ emptyText }}
      columns={[
        {
          title: '编码',
          dataIndex: 'code',
          width: 150,
          render: (code: string) => <Typography.Text code>{code}</Typography.Text>,
        },
        { title: '名称', dataIndex: 'name', width: 240, render: (_: string, item) => renderName(item) },
        ...(showOrganization ? [{ title: '实施机关', dataIndex: 'organizationName', width: 180 }] : []),
        ...(kindColumn
          ? [
              {
                title: kindColumn,
                dataIndex: 'kind',
                width: 110,
                render: (kind: string | null) => kindLabel(kind),
              },
            ]
          : []),
        {
          title: '法律依据',
          key: 'legalBasis',
          width: 300,
          render: (_: unknown, item: PowerItemView) =>
            item.legalBasis.length > 0 ? (
              <CitationLinks citations={item.legalBasis} base={base} />
            ) : (
              <Typography.Paragraph
                ellipsis={{ rows: 2, tooltip: item.legalBasisText }}
                style={{ marginBottom: 0 }}
              >
                {item.legalBasisText}
              </Typography.Paragraph>
            ),
        },
        {
          title: '生效日期',
          dataIndex: 'effectiveFrom',
          width: 130,
          render: (value: string) => formatDate(value),
        },
        ...(showStatus
          ? [
              {
                title: '状态',
                dataIndex: 'status',
                width: 90,
                render: (status: PowerItemView['status']) => (
                  <Tag color={itemStatusColors[status]}>{itemStatusText(status)}</Tag>
                ),
              },
            ]
          : []),
      ]}
    />
  );
}
