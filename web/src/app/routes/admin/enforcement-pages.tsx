import { Breadcrumb } from 'antd';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import type { Role } from '../../../../../contracts/roles';
import { casePath, paths } from '../../../config/paths';
import { useMe } from '../../../features/auth/api/get-me';
import { CaseDetailView } from '../../../features/enforcement/components/case-detail-view';
import { CaseWorkbenchView } from '../../../features/enforcement/components/case-workbench-view';
import { CasesView } from '../../../features/enforcement/components/cases-view';
import { useOrganizationTree } from '../../../features/organizations/api/get-organization-tree';
import { hasAnyRole } from '../../navigation';

/** Who opens cases and keeps their records (mirrors the server's procedures: the officer's steps). */
const caseOfficers: Role[] = ['officer'];
/** Who may publish a decided case, and who may withdraw it (the server decides). */
const publishers: Role[] = ['officer', 'agencyHead'];
const withdrawers: Role[] = ['agencyHead', 'justiceBureau'];

/** 办案工作台. */
export function EnforcementWorkbenchPage() {
  const me = useMe();
  if (!me.data) return null;
  return (
    <CaseWorkbenchView
      casePath={casePath}
      casesPath={paths.console.enforcementCases}
      isOfficer={hasAnyRole(me.data, caseOfficers)}
      isLegalReviewer={hasAnyRole(me.data, ['legalReviewer'])}
      isAgencyHead={hasAnyRole(me.data, ['agencyHead'])}
    />
  );
}

/** 案件管理 (?mine=true starts with the user's own cases). */
export function CasesPage() {
  const me = useMe();
  const tree = useOrganizationTree();
  const [params] = useSearchParams();
  if (!me.data) return null;
  return (
    <CasesView
      organizationTree={tree.data?.roots ?? []}
      defaultOrganizationId={me.data.activeOrganization?.id}
      canRegister={hasAnyRole(me.data, caseOfficers)}
      isMineByDefault={params.get('mine') === 'true'}
      casePath={casePath}
    />
  );
}

/** One case. */
export function CasePage() {
  const me = useMe();
  const { caseId = '' } = useParams();
  return (
    <>
      <Breadcrumb
        style={{ marginBottom: 12 }}
        items={[
          { title: <Link to={paths.console.enforcement}>办案工作台</Link> },
          { title: <Link to={paths.console.enforcementCases}>案件管理</Link> },
          { title: '案件' },
        ]}
      />
      <CaseDetailView
        key={caseId}
        caseId={caseId}
        canRecord={me.data ? hasAnyRole(me.data, caseOfficers) : false}
        canPublish={me.data ? hasAnyRole(me.data, publishers) : false}
        canWithdraw={me.data ? hasAnyRole(me.data, withdrawers) : false}
      />
    </>
  );
}
