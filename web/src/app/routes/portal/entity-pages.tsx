import { useParams, useSearchParams } from 'react-router-dom';
import {
  PublicEntitySearchView,
  PublicEntityView,
} from '../../../features/spotchecks/components/public-entity-views';
import { PortalLayout } from '../../layouts/portal-layout';

/** 企业信息查询 (?q=…&page=…). */
export function PortalEntitySearchPage() {
  const [params, setParams] = useSearchParams();
  const query = params.get('q') ?? '';
  const page = Number(params.get('page'));
  return (
    <PortalLayout>
      <PublicEntitySearchView
        key={query}
        query={query}
        page={Number.isInteger(page) && page > 0 ? page : 1}
        onSearch={(q, next) => {
          const values: Record<string, string> = {};
          if (q) values.q = q;
          if (next > 1) values.page = String(next);
          setParams(values);
        }}
      />
    </PortalLayout>
  );
}

/** One enterprise's public information. */
export function PortalEntityPage() {
  const { creditCode = '' } = useParams();
  return (
    <PortalLayout>
      <PublicEntityView key={creditCode} creditCode={creditCode} />
    </PortalLayout>
  );
}
