import { useParams, useSearchParams } from 'react-router-dom';
import { listKinds, type ListKind } from '../../../../../contracts/powers';
import { PublicItemView } from '../../../features/powers/components/public-item-view';
import { PublicOrganizationListsView } from '../../../features/powers/components/public-organization-lists-view';
import { PublicOrganizationsView } from '../../../features/powers/components/public-organizations-view';
import { PublicSearchView } from '../../../features/powers/components/public-search-view';
import { PortalLayout } from '../../layouts/portal-layout';

/** 权责清单公开: the organizations and their counts, and the search box over every list. */
export function PortalPowersPage() {
  return (
    <PortalLayout>
      <PublicOrganizationsView />
    </PortalLayout>
  );
}

/** 事项搜索 (?q=…). */
export function PortalPowerSearchPage() {
  const [params, setParams] = useSearchParams();
  return (
    <PortalLayout>
      <PublicSearchView
        query={params.get('q') ?? ''}
        onQueryChange={(query) => setParams(query ? { q: query } : {})}
      />
    </PortalLayout>
  );
}

/** One organization's lists (?listKind=… picks the tab). */
export function PortalOrganizationPowersPage() {
  const { organizationId = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const requested = params.get('listKind') as ListKind | null;
  const listKind: ListKind = requested && listKinds.includes(requested) ? requested : 'power';
  return (
    <PortalLayout>
      <PublicOrganizationListsView
        key={`${organizationId}-${listKind}`}
        organizationId={organizationId}
        listKind={listKind}
        onListKindChange={(next) => setParams({ listKind: next })}
      />
    </PortalLayout>
  );
}

/** One item of a list. */
export function PortalPowerItemPage() {
  const { itemId = '' } = useParams();
  return (
    <PortalLayout>
      <PublicItemView key={itemId} itemId={itemId} />
    </PortalLayout>
  );
}
