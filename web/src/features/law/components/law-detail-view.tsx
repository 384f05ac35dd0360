import {
  Alert,
  Button,
  Card,
  Collapse,
  Descriptions,
  Empty,
  Grid,
  Select,
  Space,
  Spin,
  Tag,
  Typography,
} from 'antd';
import { useEffect } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { lawLevelLabels, type LawDetail } from '../../../../../contracts/law';
import { lawArticlePath, paths } from '../../../config/paths';
import { ApiError } from '../../../lib/api-client';
import { formatDate } from '../../../lib/format';
import { useLaw } from '../api/get-law';
import { LawArticles, LawHeadingTree } from './law-articles';
import { articleAnchorOf, articleElementId } from './law-outline';
import { LawStatusTag, lawStatusOf } from './law-status-tag';

function versionLabel(version: LawDetail['versions'][number]) {
  return `${formatDate(version.versionDate)}版（${lawStatusOf(version).label}）`;
}

function LawHeader({
  law,
  base,
  article,
}: {
  law: LawDetail;
  base: 'portal' | 'console';
  article: string | null;
}) {
  const navigate = useNavigate();
  return (
    <Card size="small" style={{ marginBottom: 16 }}>
      <Space direction="vertical" size={8} style={{ width: '100%' }}>
        <Space wrap align="center">
          <Typography.Title level={3} style={{ margin: 0 }}>
            {law.title}
          </Typography.Title>
          <Tag color="blue" style={{ marginInlineEnd: 0 }}>
            {lawLevelLabels[law.level]}
          </Tag>
          <LawStatusTag law={law} />
        </Space>
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2, lg: 3 }}
          items={[
            { key: 'issuer', label: '制定机关', children: law.issuer ?? '—' },
            { key: 'version', label: '版本日期', children: formatDate(law.versionDate) },
            { key: 'effective', label: '施行日期', children: formatDate(law.effectiveOn) },
            { key: 'promulgated', label: '公布日期', children: formatDate(law.promulgatedOn) },
            { key: 'category', label: '类别', children: law.category ?? '—' },
            { key: 'count', label: '条文数', children: `${law.articleCount} 条` },
          ]}
        />
        {law.supersededOn ? (
          <Alert
            type="warning"
            showIcon
            message={`本版本已于 ${formatDate(law.supersededOn)} 被新版本取代，引用时请核对现行版本。`}
          />
        ) : null}
        {law.repealedOn ? (
          <Alert type="error" showIcon message={`本法规已于 ${formatDate(law.repealedOn)} 废止。`} />
        ) : null}
        <Space wrap align="center">
          <Typography.Text type="secondary">版本</Typography.Text>
          <Select
            style={{ minWidth: 260 }}
            value={law.id}
            data-testid="law-version-select"
            options={law.versions.map((version) => ({ value: version.id, label: versionLabel(version) }))}
            onChange={(versionId: string) => {
              const target = lawArticlePath(base, versionId);
              void navigate(article ? `${target}?article=${article}` : target);
            }}
          />
          <Typography.Text type="secondary">共 {law.versions.length} 个版本</Typography.Text>
        </Space>
        {law.history.length > 0 ? (
          <details>
            <summary style={{ cursor: 'pointer', color: '#595959' }}>
              制定和修改沿革（{law.history.length} 次）
            </summary>
            <ul style={{ margin: '8px 0 0', paddingInlineStart: 20, color: '#595959' }}>
              {law.history.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          </details>
        ) : null}
      </Space>
    </Card>
  );
}

/**
 * One version of a law: metadata and versions on top, the 编/章/节 tree on the left, the articles
 * on the right; `article` (58 or 58-1, from `?article=`) is scrolled to and highlighted.
 */
export function LawDetailView({
  lawId,
  base,
  article,
}: {
  lawId: string;
  base: 'portal' | 'console';
  article: string | null;
}) {
  const law = useLaw(lawId);
  // on a narrow screen the outline folds above the articles instead of standing beside them
  const isWide = Grid.useBreakpoint().lg ?? true;
  const highlighted = articleAnchorOf(article);
  const articles = law.data?.articles;

  useEffect(() => {
    if (!highlighted || !articles) return;
    const frame = window.requestAnimationFrame(() =>
      document.getElementById(highlighted)?.scrollIntoView({ block: 'start' }),
    );
    return () => window.cancelAnimationFrame(frame);
  }, [highlighted, articles]);

  if (law.isLoading) {
    return (
      <div style={{ display: 'grid', placeItems: 'center', padding: 80 }}>
        <Spin tip="正在加载法规…">
          <div style={{ width: 120, height: 60 }} />
        </Spin>
      </div>
    );
  }
  if (!law.data) {
    // a malformed id is refused (400) before it is looked up: for the reader it is missing as well
    const isMissing = law.error instanceof ApiError && (law.error.status === 404 || law.error.status === 400);
    return (
      <Card>
        <Empty
          description={
            isMissing ? '没有找到这部法规，可能链接有误或该版本已被删除。' : '法规暂时无法读取，请稍后刷新。'
          }
        >
          <Link to={base === 'portal' ? paths.portal.laws : paths.console.laws}>
            <Button type="primary">{base === 'portal' ? '去法规查询' : '返回法规库'}</Button>
          </Link>
        </Empty>
      </Card>
    );
  }
  const isArticleMissing =
    highlighted !== null && !law.data.articles.some((item) => articleElementId(item) === highlighted);

  return (
    <>
      <LawHeader law={law.data} base={base} article={article} />
      {isArticleMissing ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          message={`本版本中没有第 ${article ?? ''} 条，请切换版本或核对引用。`}
        />
      ) : null}
      {isWide ? (
        <div style={{ display: 'flex', gap: 16, alignItems: 'flex-start' }}>
          <Card
            size="small"
            title="目录"
            style={{ width: 260, flexShrink: 0, position: 'sticky', top: 16 }}
            styles={{ body: { maxHeight: 'calc(100vh - 96px)', overflow: 'auto' } }}
          >
            <LawHeadingTree articles={law.data.articles} />
          </Card>
          <Card size="small" style={{ flex: 1, minWidth: 0 }} styles={{ body: { padding: '12px 28px' } }}>
            <LawArticles articles={law.data.articles} highlighted={highlighted} />
          </Card>
        </div>
      ) : (
        <>
          <Collapse
            size="small"
            style={{ marginBottom: 16, background: '#fff' }}
            items={[
              { key: 'outline', label: '目录', children: <LawHeadingTree articles={law.data.articles} /> },
            ]}
          />
          <Card size="small" styles={{ body: { padding: '12px 16px' } }}>
            <LawArticles articles={law.data.articles} highlighted={highlighted} />
          </Card>
        </>
      )}
    </>
  );
}
