import type { Role } from '../../../../../contracts/roles';
import { useParams, useSearchParams } from 'react-router-dom';
import { useMe } from '../../../features/auth/api/get-me';
import { useOrganizationTree } from '../../../features/organizations/api/get-organization-tree';
import { EntitiesView } from '../../../features/spotchecks/components/entities-view';
import { EntityProfileView } from '../../../features/spotchecks/components/entity-profile-view';
import { InspectorsView } from '../../../features/spotchecks/components/inspectors-view';
import { RecusalsView } from '../../../features/spotchecks/components/recusals-view';
import { hasAnyRole } from '../../navigation';

/** Who keeps the entity directory (mirrors the server's entityKeeperRoles; the server decides anyway). */
const entityKeepers: Role[] = ['justiceBureau', 'liaison', 'agencyHead'];

/** 检查对象名录库. */
export function EntitiesPage() {
  const me = useMe();
  if (!me.data) return null;
  return <EntitiesView canImport={hasAnyRole(me.data, entityKeepers)} />;
}

/** 涉企信息归集: one entity's profile, by its 统一社会信用代码. */
export function EntityProfilePage() {
  const { creditCode = '' } = useParams();
  return <EntityProfileView key={creditCode} creditCode={creditCode} />;
}

/** Who records and ends recusals (mirrors the server's recusalKeeperRoles); an officer declares his own. */
const recusalKeepers: Role[] = ['agencyHead', 'liaison', 'justiceBureau'];

/** 执法检查人员名录库. */
export function InspectorsPage() {
  const tree = useOrganizationTree();
  return <InspectorsView organizationTree={tree.data?.roots ?? []} />;
}

/** 回避管理; `?personId=…&name=…` opens one inspector's recusals (the link from the pool). */
export function RecusalsPage() {
  const me = useMe();
  const [search] = useSearchParams();
  if (!me.data) return null;
  const personId = search.get('personId');
  return (
    <RecusalsView
      key={personId ?? 'all'}
      canRecord={hasAnyRole(me.data, [...recusalKeepers, 'officer'])}
      canEnd={hasAnyRole(me.data, recusalKeepers)}
      initialPerson={personId ? { id: personId, name: search.get('name') ?? '所选检查人员' } : null}
    />
  );
}
