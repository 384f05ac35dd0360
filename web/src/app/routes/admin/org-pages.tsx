import type { Role } from '../../../../../contracts/roles';
import { useMe } from '../../../features/auth/api/get-me';
import { CertificatesView } from '../../../features/certificates/components/certificates-view';
import { useOrganizationTree } from '../../../features/organizations/api/get-organization-tree';
import { OrganizationsView } from '../../../features/organizations/components/organizations-view';
import { PeopleView } from '../../../features/people/components/people-view';
import { hasAnyRole } from '../../navigation';

/** Who keeps the organization tree, and who keeps people and certificates (mirrors the server's org policy). */
const organizationEditors: Role[] = ['systemAdmin'];
const peopleEditors: Role[] = ['liaison', 'justiceBureau', 'agencyHead'];

export function OrganizationsPage() {
  const me = useMe();
  return <OrganizationsView canEdit={me.data ? hasAnyRole(me.data, organizationEditors) : false} />;
}

export function PeoplePage() {
  const me = useMe();
  const tree = useOrganizationTree();
  return (
    <PeopleView
      organizationTree={tree.data?.roots ?? []}
      canEdit={me.data ? hasAnyRole(me.data, peopleEditors) : false}
    />
  );
}

export function CertificatesPage() {
  const me = useMe();
  const tree = useOrganizationTree();
  return (
    <CertificatesView
      organizationTree={tree.data?.roots ?? []}
      canEdit={me.data ? hasAnyRole(me.data, peopleEditors) : false}
    />
  );
}
