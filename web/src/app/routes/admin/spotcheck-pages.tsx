import type { Role } from '../../../../../contracts/roles';
import { useParams } from 'react-router-dom';
import { useMe } from '../../../features/auth/api/get-me';
import { EntitiesView } from '../../../features/spotchecks/components/entities-view';
import { EntityProfileView } from '../../../features/spotchecks/components/entity-profile-view';
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
