import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { organizationPageSchema, type OrganizationListQuery } from '../../../../../contracts/org';
import { requestJson } from '../../../lib/api-client';

export type OrganizationListParams = Partial<Omit<OrganizationListQuery, 'active'>> & {
  active?: 'true' | 'false';
};

export function getOrganizations(query: OrganizationListParams) {
  return requestJson(organizationPageSchema, '/api/organizations', { query: { ...query } });
}

/** One page of organizations in the user's scope, filtered. */
export function useOrganizations(query: OrganizationListParams) {
  return useQuery({
    queryKey: ['organizations', 'list', query],
    queryFn: () => getOrganizations(query),
    placeholderData: keepPreviousData,
  });
}
