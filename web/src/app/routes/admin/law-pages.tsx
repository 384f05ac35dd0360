import { Breadcrumb, Tabs } from 'antd';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import type { Role } from '../../../../../contracts/roles';
import { PageHeader } from '../../../components/page-header';
import { paths } from '../../../config/paths';
import { useMe } from '../../../features/auth/api/get-me';
import { searchParamsOf, searchQueryOf } from '../../../features/law/api/search-laws';
import { CitationTool } from '../../../features/law/components/citation-tool';
import { LawDetailView } from '../../../features/law/components/law-detail-view';
import { LawImportView } from '../../../features/law/components/law-import-view';
import { LawListView } from '../../../features/law/components/law-list-view';
import { LawSearchView } from '../../../features/law/components/law-search-view';
import { hasAnyRole } from '../../navigation';

/** Who may load law texts into the library (mirrors the server's law policy). */
const lawImporters: Role[] = ['justiceBureau', 'systemAdmin'];

const tabKeys = ['list', 'search', 'cite', 'import'] as const;
type TabKey = (typeof tabKeys)[number];

/** 法规库: the list, full-text search, the citation tool and (for the justice bureau) imports. */
export function LawLibraryPage() {
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const canImport = me.data ? hasAnyRole(me.data, lawImporters) : false;
  const requested = params.get('tab') as TabKey | null;
  const tab: TabKey =
    requested && tabKeys.includes(requested) && (requested !== 'import' || canImport) ? requested : 'list';

  return (
    <>
      <PageHeader
        title="法规库"
        description="法律、行政法规、地方性法规和规章的全文及历次版本。执法文书和权责清单中的依据都链接到这里的条文。"
      />
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams(key === 'list' ? {} : { tab: key })}
        destroyOnHidden={false}
        items={[
          { key: 'list', label: '法规列表', children: <LawListView base="console" /> },
          {
            key: 'search',
            label: '全文检索',
            children: (
              <LawSearchView
                base="console"
                query={searchQueryOf(params)}
                onChange={(query) => setParams(searchParamsOf(query, { tab: 'search' }))}
              />
            ),
          },
          { key: 'cite', label: '引用解析', children: <CitationTool base="console" /> },
          ...(canImport ? [{ key: 'import', label: '导入', children: <LawImportView /> }] : []),
        ]}
      />
    </>
  );
}

/** One law in the console: `/admin/law/<id>?article=58`. */
export function LawPage() {
  const { lawId = '' } = useParams();
  const [params] = useSearchParams();
  return (
    <>
      <Breadcrumb
        style={{ marginBottom: 12 }}
        items={[{ title: <Link to={paths.console.laws}>法规库</Link> }, { title: '法规全文' }]}
      />
      <LawDetailView lawId={lawId} base="console" article={params.get('article')} />
    </>
  );
}
