import { Table, Typography } from 'antd';
import type { ItemContent, ListKind } from '../../../../../contracts/powers';
import { changedFieldsOf, same } from '../item-content';
import { detailFields, fieldLabel, formatDetailValue, kindLabel } from '../power-fields';

type Content = Pick<ItemContent, 'code' | 'name' | 'kind' | 'legalBasisText' | 'details'>;

function valueOf(listKind: ListKind, content: Content, field: string): string {
  if (field === 'kind') return kindLabel(content.kind);
  if (field === 'code' || field === 'name' || field === 'legalBasisText') return content[field] || '—';
  const name = field.replace(/^details\./, '');
  const detail = detailFields[listKind].find((candidate) => candidate.name === name);
  const value = content.details[name];
  return detail ? formatDetailValue(detail, value) : same(value, null) ? '—' : JSON.stringify(value);
}

const cellStyle = { whiteSpace: 'pre-wrap', wordBreak: 'break-word' } as const;

/** 变更前 → 变更后, one row per changed field; the old value struck through, the new one highlighted. */
export function ContentComparison({
  listKind,
  before,
  after,
  changedFields,
}: {
  listKind: ListKind;
  before: Content;
  after: Content;
  /** as the server computed them; computed here when absent */
  changedFields?: string[];
}) {
  const fields = changedFields ?? changedFieldsOf(listKind, before, after);
  if (fields.length === 0) return <Typography.Text type="secondary">内容没有变化</Typography.Text>;
  return (
    <Table
      size="small"
      pagination={false}
      rowKey="field"
      dataSource={fields.map((field) => ({
        field,
        label: fieldLabel(listKind, field),
        before: valueOf(listKind, before, field),
        after: valueOf(listKind, after, field),
      }))}
      columns={[
        { title: '变更内容', dataIndex: 'label', width: 150 },
        {
          title: '变更前',
          dataIndex: 'before',
          render: (value: string) => (
            <div style={{ ...cellStyle, color: '#8c8c8c', textDecoration: 'line-through' }}>{value}</div>
          ),
        },
        {
          title: '变更后',
          dataIndex: 'after',
          render: (value: string) => <div style={{ ...cellStyle, background: '#fffbe6' }}>{value}</div>,
        },
      ]}
    />
  );
}
