import { Breadcrumb, Card, Input, Tabs, Typography } from 'antd';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { lawLevelLabels, lawLevels, type LawLevel } from '../../../../../contracts/law';
import { paths } from '../../../config/paths';
import { searchParamsOf, searchQueryOf } from '../../../features/law/api/search-laws';
import { CitationTool } from '../../../features/law/components/citation-tool';
import { LawDetailView } from '../../../features/law/components/law-detail-view';
import { LawListView } from '../../../features/law/components/law-list-view';
import { LawSearchView } from '../../../features/law/components/law-search-view';
import { PortalLayout } from '../../layouts/portal-layout';

/** 法规查询: one search box over titles and articles, browsing by level, and a citation check. */
export function PortalLawsPage() {
  const [params, setParams] = useSearchParams();
  const query = searchQueryOf(params);
  const level = params.get('browse');
  const browseLevel: LawLevel = lawLevels.includes(level as LawLevel) ? (level as LawLevel) : 'law';
  const tab = query.q ? 'search' : (params.get('tab') ?? 'browse');

  return (
    <PortalLayout>
      <div style={{ padding: '16px 0 24px' }}>
        <Typography.Title level={2} style={{ marginBottom: 8 }}>
          法规查询
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ fontSize: 15 }}>
          查阅法律、行政法规、地方性法规和规章的全文及历次修改版本，检索条文，核对文书中的法律依据。
        </Typography.Paragraph>
        <Input.Search
          key={query.q}
          size="large"
          allowClear
          defaultValue={query.q}
          placeholder="输入法规名称或条文中的词语，如 行政处罚 听证"
          enterButton="检索"
          style={{ maxWidth: 720 }}
          onSearch={(value) =>
            setParams(value.trim() ? searchParamsOf({ ...query, q: value.trim(), page: 1 }) : {})
          }
        />
      </div>
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams(key === 'search' ? searchParamsOf(query, { tab: key }) : { tab: key })}
        items={[
          {
            key: 'search',
            label: '检索结果',
            children: (
              <LawSearchView
                base="portal"
                query={query}
                showSearchBox={false}
                onChange={(next) => setParams(searchParamsOf(next, { tab: 'search' }))}
              />
            ),
          },
          {
            key: 'browse',
            label: '按效力层级浏览',
            children: (
              <Card size="small" styles={{ body: { paddingTop: 0 } }}>
                <Tabs
                  activeKey={browseLevel}
                  onChange={(key) => setParams({ tab: 'browse', browse: key })}
                  items={lawLevels.map((value) => ({
                    key: value,
                    label: lawLevelLabels[value],
                    children: <LawListView base="portal" fixedLevel={value} isCompact />,
                  }))}
                />
              </Card>
            ),
          },
          { key: 'cite', label: '引用核对', children: <CitationTool base="portal" /> },
        ]}
      />
    </PortalLayout>
  );
}

/** One law on the portal: `/laws/<id>?article=58`. */
export function PortalLawPage() {
  const { lawId = '' } = useParams();
  const [params] = useSearchParams();
  return (
    <PortalLayout>
      <Breadcrumb
        style={{ marginBottom: 12 }}
        items={[
          { title: <Link to={paths.portal.home}>首页</Link> },
          { title: <Link to={paths.portal.laws}>法规查询</Link> },
          { title: '法规全文' },
        ]}
      />
      <LawDetailView lawId={lawId} base="portal" article={params.get('article')} />
    </PortalLayout>
  );
}
