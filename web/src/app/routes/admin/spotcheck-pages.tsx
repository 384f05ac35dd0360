import type { Role } from '../../../../../contracts/roles';
import { useMe } from '../../../features/auth/api/get-me';
import { EntitiesView } from '../../../features/spotchecks/components/entities-view';
import { hasAnyRole } from '../../navigation';

/** Who keeps the entity directory (mirrors the server's entityKeeperRoles; the server decides anyway). */
const entityKeepers: Role[] = ['justiceBureau', 'liaison', 'agencyHead'];

/** 检查对象名录库. */
export function EntitiesPage() {
  const me = useMe();
  if (!me.data) return null;
  return <EntitiesView canImport={hasAnyRole(me.data, entityKeepers)} />;
}
