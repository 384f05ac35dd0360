import { useQuery } from '@tanstack/react-query';
import { organizationTreeSchema } from '../../../../../contracts/org';
import { requestJson } from '../../../lib/api-client';

export function getOrganizationTree() {
  return requestJson(organizationTreeSchema, '/api/organizations/tree');
}

/** The organizations of the user's scope as a tree (roots are the tops of his subtrees). */
export function useOrganizationTree() {
  return useQuery({ queryKey: ['organizations', 'tree'], queryFn: getOrganizationTree, staleTime: 60_000 });
}
