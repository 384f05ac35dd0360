import type { Role } from '../../../../../contracts/roles';
import { useMe } from '../../../features/auth/api/get-me';
import { CaseReviewView } from '../../../features/enforcement-oversight/components/case-review-view';
import { DiscretionView } from '../../../features/enforcement-oversight/components/discretion-view';
import { MajorRulesView } from '../../../features/enforcement-oversight/components/major-rules-view';
import { StatisticsView } from '../../../features/enforcement-oversight/components/statistics-view';
import { useOrganizationTree } from '../../../features/organizations/api/get-organization-tree';
import { hasAnyRole } from '../../navigation';

/** Who writes what (mirrors the server's policies; the server decides anyway). */
const benchmarkEditors: Role[] = ['liaison', 'agencyHead', 'legalReviewer'];
const majorRuleEditors: Role[] = ['agencyHead', 'legalReviewer', 'justiceBureau'];
const caseReviewers: Role[] = ['justiceBureau'];

/** 裁量基准. */
export function DiscretionPage() {
  const me = useMe();
  const tree = useOrganizationTree();
  if (!me.data) return null;
  return (
    <DiscretionView
      organizationTree={tree.data?.roots ?? []}
      canEdit={hasAnyRole(me.data, benchmarkEditors)}
    />
  );
}

/** 重大执法决定法制审核目录. */
export function MajorRulesPage() {
  const me = useMe();
  const tree = useOrganizationTree();
  if (!me.data) return null;
  return (
    <MajorRulesView
      organizationTree={tree.data?.roots ?? []}
      canEdit={hasAnyRole(me.data, majorRuleEditors)}
    />
  );
}

/** 案卷评查. */
export function CaseReviewPage() {
  const me = useMe();
  const tree = useOrganizationTree();
  if (!me.data) return null;
  return (
    <CaseReviewView organizationTree={tree.data?.roots ?? []} canWrite={hasAnyRole(me.data, caseReviewers)} />
  );
}

/** 执法统计. */
export function EnforcementStatisticsPage() {
  const tree = useOrganizationTree();
  return <StatisticsView organizationTree={tree.data?.roots ?? []} />;
}
