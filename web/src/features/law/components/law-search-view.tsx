import { Card, Checkbox, Empty, Input, List, Pagination, Select, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import {
  lawLevelLabels,
  lawLevels,
  type HighlightedPiece,
  type LawLevel,
  type LawSearchHit,
} from '../../../../../contracts/law';
import { lawArticlePath } from '../../../config/paths';
import { formatDate } from '../../../lib/format';
import { useLawSearch, type LawSearchParams } from '../api/search-laws';
import { LawStatusTag } from './law-status-tag';

/** A snippet with the searched words marked. */
export function HighlightedText({ pieces }: { pieces: HighlightedPiece[] }) {
  return (
    <>
      {pieces.map((piece, index) =>
        piece.isHit ? (
          <mark key={index} style={{ background: '#ffe58f', padding: '0 1px' }}>
            {piece.text}
          </mark>
        ) : (
          <span key={index}>{piece.text}</span>
        ),
      )}
    </>
  );
}

function HitItem({ hit, base }: { hit: LawSearchHit; base: 'portal' | 'console' }) {
  return (
    <List.Item>
      <div style={{ width: '100%' }} data-testid="law-search-hit">
        <Space wrap size={8} style={{ marginBottom: 4 }}>
          <Link
            to={lawArticlePath(base, hit.lawId, { number: hit.number, subNumber: hit.subNumber })}
            style={{ fontWeight: 600 }}
          >
            {hit.lawTitle} {hit.articleLabel}
          </Link>
          <Tag style={{ marginInlineEnd: 0 }}>{lawLevelLabels[hit.level]}</Tag>
          {hit.isCurrent ? null : <Tag color="orange">{formatDate(hit.versionDate)}版，已被修订</Tag>}
        </Space>
        <Typography.Paragraph style={{ marginBottom: 0, color: '#434343', lineHeight: 1.8 }}>
          <HighlightedText pieces={hit.pieces} />
        </Typography.Paragraph>
      </div>
    </List.Item>
  );
}

/**
 * 全文检索: titles and articles ranked by relevance, the words found marked. The query lives
 * with the page (so the address can carry it); this view only shows it and asks for changes.
 */
export function LawSearchView({
  base,
  query,
  onChange,
  showSearchBox = true,
}: {
  base: 'portal' | 'console';
  query: LawSearchParams;
  onChange: (next: LawSearchParams) => void;
  showSearchBox?: boolean;
}) {
  const result = useLawSearch(query);
  const hasQuery = query.q.trim().length > 0;
  const data = hasQuery ? result.data : undefined;

  return (
    <Card size="small">
      <Space wrap style={{ marginBottom: 12 }}>
        {showSearchBox ? (
          <Input.Search
            key={query.q}
            allowClear
            defaultValue={query.q}
            placeholder="输入关键词检索条文，如 责令改正 罚款"
            style={{ width: 360 }}
            enterButton="检索"
            onSearch={(value) => onChange({ ...query, q: value.trim(), page: 1 })}
          />
        ) : null}
        <Select<LawLevel>
          allowClear
          placeholder="效力层级"
          style={{ width: 150 }}
          value={query.level}
          options={lawLevels.map((value) => ({ value, label: lawLevelLabels[value] }))}
          onChange={(level) => onChange({ ...query, level, page: 1 })}
        />
        <Checkbox
          checked={query.currentOnly !== 'false'}
          onChange={(event) =>
            onChange({ ...query, currentOnly: event.target.checked ? 'true' : 'false', page: 1 })
          }
        >
          只看现行有效
        </Checkbox>
      </Space>
      {!hasQuery ? (
        <Empty description="输入关键词，在法规名称和全部条文中检索；多个词用空格分开。" />
      ) : result.isError ? (
        <Empty description="检索暂时无法完成，请稍后再试。" />
      ) : (
        <>
          {data && data.laws.length > 0 ? (
            <div style={{ marginBottom: 12 }}>
              <Typography.Text type="secondary">名称相符的法规：</Typography.Text>
              <List
                size="small"
                dataSource={data.laws}
                renderItem={(law) => (
                  <List.Item>
                    <Space wrap size={8}>
                      <Link to={lawArticlePath(base, law.id)}>{law.title}</Link>
                      <Tag style={{ marginInlineEnd: 0 }}>{lawLevelLabels[law.level]}</Tag>
                      <Typography.Text type="secondary">{formatDate(law.versionDate)}版</Typography.Text>
                      <LawStatusTag law={law} />
                    </Space>
                  </List.Item>
                )}
              />
            </div>
          ) : null}
          <Typography.Text type="secondary">
            {result.isFetching && !data ? '正在检索…' : `条文中找到 ${data?.total ?? 0} 处`}
          </Typography.Text>
          <List<LawSearchHit>
            loading={result.isFetching}
            dataSource={data?.articles ?? []}
            locale={{ emptyText: '没有找到包含这些词的条文，请换个说法或减少关键词。' }}
            renderItem={(hit) => <HitItem hit={hit} base={base} />}
          />
          {data && data.total > query.pageSize ? (
            <Pagination
              style={{ marginTop: 12, textAlign: 'right' }}
              current={query.page}
              pageSize={query.pageSize}
              total={data.total}
              showSizeChanger={false}
              onChange={(page) => onChange({ ...query, page })}
            />
          ) : null}
        </>
      )}
    </Card>
  );
}
