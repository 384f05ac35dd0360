import { AccountsView } from '../../../features/accounts/components/accounts-view';
import { AuditView } from '../../../features/audit/components/audit-view';
import { useMe } from '../../../features/auth/api/get-me';
import { CalendarView } from '../../../features/calendar/components/calendar-view';
import { useOrganizationTree } from '../../../features/organizations/api/get-organization-tree';
import { SecurityView } from '../../../features/security/components/security-view';
import { RequireRole } from './require-role';

export function AccountsPage() {
  const me = useMe();
  const tree = useOrganizationTree();
  return (
    <RequireRole roles={['systemAdmin']}>
      <AccountsView organizationTree={tree.data?.roots ?? []} selfUserId={me.data?.user.id ?? ''} />
    </RequireRole>
  );
}

export function SecurityPage() {
  return (
    <RequireRole roles={['securityAdmin']}>
      <SecurityView />
    </RequireRole>
  );
}

export function AuditPage() {
  return (
    <RequireRole roles={['auditAdmin']}>
      <AuditView />
    </RequireRole>
  );
}

export function CalendarPage() {
  return (
    <RequireRole roles={['systemAdmin']}>
      <CalendarView />
    </RequireRole>
  );
}
