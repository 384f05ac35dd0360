import { Table, Tag, Tooltip } from 'antd';
import type { z } from 'zod';
import type { deadlineListItemSchema } from '../../../../../contracts/procedures';
import { formatDate } from '../../../lib/format';

type Item = z.infer<typeof deadlineListItemSchema>;

/** One row per deadline: what, which procedure, due when, under which article. */
export function DeadlineTable({
  items,
  loading,
  emptyText,
}: {
  items: Item[];
  loading: boolean;
  emptyText: string;
}) {
  return (
    <Table<Item>
      rowKey="id"
      size="small"
      loading={loading}
      dataSource={items}
      pagination={{ pageSize: 10, hideOnSinglePage: true, showTotal: (total) => `共 ${total} 项` }}
      locale={{ emptyText }}
      columns={[
        { title: '事项', dataIndex: 'label' },
        { title: '程序', dataIndex: 'procedureTitle' },
        { title: '当前环节', dataIndex: 'stateLabel', width: 120 },
        { title: '期限', dataIndex: 'lengthText', width: 110 },
        {
          title: '到期日',
          dataIndex: 'dueDate',
          width: 150,
          render: (value: string | null, item) =>
            item.isOverdue ? (
              <Tag color="red">{formatDate(value)}</Tag>
            ) : (
              <Tag color="orange">{formatDate(value)}</Tag>
            ),
        },
        {
          title: '依据',
          dataIndex: 'citation',
          ellipsis: { showTitle: false },
          render: (value: string) => (
            <Tooltip title={value} placement="topLeft">
              {value}
            </Tooltip>
          ),
        },
      ]}
    />
  );
}
