import { Descriptions, Typography } from 'antd';
import type { ReactNode } from 'react';
import type { ResolvedCitation } from '../../../../../contracts/law';
import type { ItemContent, ListKind } from '../../../../../contracts/powers';
import { CitationLinks } from '../../../components/citation-links';
import { detailFields, formatDetailValue, kindLabel, kindOptionsFor } from '../power-fields';

const changedStyle = { background: '#fffbe6' };

/** Long text keeps its line breaks and wraps inside the cell. */
function Paragraph({ children }: { children: ReactNode }) {
  return <div style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>{children}</div>;
}

interface Props {
  listKind: ListKind;
  content: Pick<ItemContent, 'code' | 'name' | 'kind' | 'legalBasisText' | 'details'>;
  /** the legal basis resolved to articles; without it the basis shows as written */
  citations?: ResolvedCitation[] | null;
  base: 'portal' | 'console';
  /** fields to highlight (the diff's changedFields: name, details.duties…) */
  changedFields?: string[];
  /** rows before the content's own (organization, dates, status) */
  leading?: { label: string; value: ReactNode }[];
}

/** Every field of an item of its list kind, labelled in Chinese; the legal basis one click from its articles. */
export function ItemDescriptions({
  listKind,
  content,
  citations,
  base,
  changedFields = [],
  leading = [],
}: Props) {
  const kindField = kindOptionsFor(listKind);
  const styleOf = (field: string) => (changedFields.includes(field) ? { content: changedStyle } : undefined);
  return (
    <Descriptions
      bordered
      size="small"
      column={1}
      styles={{ label: { width: 150, whiteSpace: 'nowrap' } }}
      items={[
        ...leading.map((row) => ({ key: row.label, label: row.label, children: row.value })),
        { key: 'code', label: '事项编码', children: content.code, styles: styleOf('code') },
        { key: 'name', label: '事项名称', children: content.name, styles: styleOf('name') },
        ...(kindField
          ? [
              {
                key: 'kind',
                label: kindField.label,
                children: kindLabel(content.kind),
                styles: styleOf('kind'),
              },
            ]
          : []),
        {
          key: 'legalBasis',
          label: '法律依据',
          styles: styleOf('legalBasisText'),
          children: (
            <div>
              {citations && citations.length > 0 ? (
                <div style={{ marginBottom: 8 }}>
                  <CitationLinks citations={citations} base={base} direction="vertical" />
                </div>
              ) : null}
              {citations && citations.length > 0 ? (
                <Typography.Text type="secondary">
                  <Paragraph>依据原文：{content.legalBasisText}</Paragraph>
                </Typography.Text>
              ) : (
                <Paragraph>{content.legalBasisText}</Paragraph>
              )}
            </div>
          ),
        },
        ...detailFields[listKind].map((field) => ({
          key: field.name,
          label: field.label,
          styles: styleOf(`details.${field.name}`),
          children: <Paragraph>{formatDetailValue(field, content.details[field.name])}</Paragraph>,
        })),
      ]}
    />
  );
}
