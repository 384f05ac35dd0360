import { ExclamationCircleOutlined } from '@ant-design/icons';
import { Popover, Space, Typography } from 'antd';
import { Link } from 'react-router-dom';
import type { ResolvedCitation } from '../../../contracts/law';
import { lawArticlePath } from '../config/paths';
import { formatDate } from '../lib/format';
import { citedPlace } from '../lib/law-citation';

function CitationText({ citation }: { citation: ResolvedCitation }) {
  const { law } = citation;
  const isWholeArticle = !citation.text || citation.text === citation.articleText;
  return (
    <div style={{ maxWidth: 480, maxHeight: 360, overflow: 'auto' }}>
      {law ? (
        <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 8 }}>
          {formatDate(law.versionDate)}版{law.effectiveOn ? `，${formatDate(law.effectiveOn)}起施行` : ''}
        </Typography.Text>
      ) : null}
      <Typography.Paragraph style={{ marginBottom: isWholeArticle ? 0 : 8, whiteSpace: 'pre-wrap' }}>
        {citation.text ?? citation.articleText ?? '（条文内容暂缺）'}
      </Typography.Paragraph>
      {!isWholeArticle && citation.articleText ? (
        <Typography.Paragraph
          type="secondary"
          style={{ marginBottom: 0, fontSize: 12, whiteSpace: 'pre-wrap' }}
        >
          {citation.articleLabel}全文：{citation.articleText}
        </Typography.Paragraph>
      ) : null}
    </div>
  );
}

function CitationLink({ citation, base }: { citation: ResolvedCitation; base: 'portal' | 'console' }) {
  const { law } = citation;
  if (citation.status !== 'resolved' || !law) {
    return (
      <Typography.Text type="danger" data-testid="citation-problem">
        <ExclamationCircleOutlined style={{ marginInlineEnd: 4 }} />
        {citation.raw}
        <span style={{ fontSize: 12 }}>（{citation.problem ?? '引用无法解析'}）</span>
      </Typography.Text>
    );
  }
  const label = `《${law.title}》${citedPlace(citation)}`;
  return (
    <Popover
      title={`《${law.title}》${citation.articleLabel ?? ''}`}
      content={<CitationText citation={citation} />}
    >
      <Link
        to={lawArticlePath(base, law.id, { number: citation.article, subNumber: citation.articleSub })}
        data-testid="citation-link"
      >
        {label}
      </Link>
    </Popover>
  );
}

/**
 * The legal basis as links: each resolved citation opens its article (the text shows on hover);
 * one that cannot be resolved is shown in red with the reason. `base` picks the portal's or the
 * console's law pages.
 */
export function CitationLinks({
  citations,
  base,
  direction = 'horizontal',
}: {
  citations: ResolvedCitation[];
  base: 'portal' | 'console';
  /** vertical: one citation a line */
  direction?: 'horizontal' | 'vertical';
}) {
  if (citations.length === 0) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Space
      direction={direction}
      size={direction === 'vertical' ? 4 : [12, 4]}
      wrap={direction === 'horizontal'}
    >
      {citations.map((citation) => (
        <CitationLink key={`${citation.start}-${citation.raw}`} citation={citation} base={base} />
      ))}
    </Space>
  );
}
