import { TreeSelect } from 'antd';
import { notify } from '../../../lib/notify';
import type { CurrentUser } from '../../../../../contracts/accounts';
import { showError } from '../../../lib/api-client';
import { useSwitchOrganization } from '../api/switch-organization';

interface Node {
  value: string;
  title: string;
  children: Node[];
}

/** The organizations the user may switch to, as a tree (the server lists them with parent and depth). */
function treeOf(organizations: CurrentUser['organizations']): Node[] {
  const byId = new Map(
    organizations.map((org) => [org.id, { value: org.id, title: org.name, children: [] as Node[] }]),
  );
  const roots: Node[] = [];
  for (const org of organizations) {
    const node = byId.get(org.id);
    if (!node) continue;
    const parent = org.parentId ? byId.get(org.parentId) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}

/** 切换当前组织: only organizations within the user's roles are offered. */
export function OrganizationSwitcher({ me }: { me: CurrentUser }) {
  const switcher = useSwitchOrganization();
  const tree = treeOf(me.organizations);
  if (me.organizations.length === 0) return null;
  return (
    <TreeSelect
      aria-label="切换当前组织"
      showSearch
      treeNodeFilterProp="title"
      treeData={tree}
      treeDefaultExpandedKeys={tree.map((node) => node.value)}
      value={me.activeOrganization?.id}
      placeholder="选择当前组织"
      style={{ width: 280 }}
      popupMatchSelectWidth={360}
      loading={switcher.isPending}
      onChange={(organizationId: string) => {
        switcher.mutate(organizationId, {
          onSuccess: (next) => notify.success(`已切换到：${next.activeOrganization?.name ?? ''}`),
          onError: showError,
        });
      }}
    />
  );
}
