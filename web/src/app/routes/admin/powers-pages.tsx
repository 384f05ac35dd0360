import { Breadcrumb } from 'antd';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { listKinds, type ListKind } from '../../../../../contracts/powers';
import type { Role } from '../../../../../contracts/roles';
import { changeSetPath, paths } from '../../../config/paths';
import { useMe } from '../../../features/auth/api/get-me';
import { useOrganizationTree } from '../../../features/organizations/api/get-organization-tree';
import { ChangeSetDetailView } from '../../../features/powers/components/change-set-detail-view';
import { ChangeSetsView } from '../../../features/powers/components/change-sets-view';
import { ListVersionsView } from '../../../features/powers/components/list-versions-view';
import { PowerItemsView } from '../../../features/powers/components/power-items-view';
import { hasAnyRole } from '../../navigation';

/** Who drafts and submits changes to the lists (mirrors the server's powers policy: a department edits its own lists). */
const listEditors: Role[] = ['liaison'];

const listKindOf = (value: string | null): ListKind | undefined =>
  listKinds.includes(value as ListKind) ? (value as ListKind) : undefined;

/** 清单查询 (?organizationId=…&listKind=… opens a given list). */
export function PowerItemsPage() {
  const me = useMe();
  const tree = useOrganizationTree();
  const [params] = useSearchParams();
  if (!me.data) return null;
  return (
    <PowerItemsView
      organizationTree={tree.data?.roots ?? []}
      defaultOrganizationId={params.get('organizationId') ?? undefined}
      defaultListKind={listKindOf(params.get('listKind'))}
    />
  );
}

/** 动态调整: the change sets; a liaison starts one here. */
export function ChangeSetsPage() {
  const me = useMe();
  const tree = useOrganizationTree();
  if (!me.data) return null;
  return (
    <ChangeSetsView
      organizationTree={tree.data?.roots ?? []}
      defaultOrganizationId={me.data.activeOrganization?.id}
      canEdit={hasAnyRole(me.data, listEditors)}
      changeSetPath={changeSetPath}
    />
  );
}

/** One change set. */
export function ChangeSetPage() {
  const me = useMe();
  const { changeSetId = '' } = useParams();
  return (
    <>
      <Breadcrumb
        style={{ marginBottom: 12 }}
        items={[{ title: <Link to={paths.console.powerChangeSets}>动态调整</Link> }, { title: '调整单' }]}
      />
      <ChangeSetDetailView
        key={changeSetId}
        changeSetId={changeSetId}
        canEdit={me.data ? hasAnyRole(me.data, listEditors) : false}
      />
    </>
  );
}

/** 版本与对比. */
export function ListVersionsPage() {
  const me = useMe();
  const tree = useOrganizationTree();
  if (!me.data) return null;
  return (
    <ListVersionsView
      organizationTree={tree.data?.roots ?? []}
      defaultOrganizationId={me.data.activeOrganization?.id}
      changeSetPath={changeSetPath}
    />
  );
}
