import { useQuery } from '@tanstack/react-query';
import { jurisdictionListSchema } from '../../../../../contracts/org';
import { requestJson } from '../../../lib/api-client';

export function getJurisdictions(parentCode?: string) {
  return requestJson(jurisdictionListSchema, '/api/jurisdictions', { query: { parentCode } });
}

/** Administrative divisions (GB/T 2260) under a parent, for the organization form. */
export function useJurisdictions(parentCode?: string) {
  return useQuery({
    queryKey: ['jurisdictions', parentCode ?? null],
    queryFn: () => getJurisdictions(parentCode),
    staleTime: Infinity,
  });
}
