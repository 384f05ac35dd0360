import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { personPageSchema, type PersonListQuery } from '../../../../../contracts/org';
import { requestJson } from '../../../lib/api-client';

export type PersonListParams = Partial<Omit<PersonListQuery, 'active'>> & { active?: 'true' | 'false' };

export function getPeople(query: PersonListParams) {
  return requestJson(personPageSchema, '/api/people', { query: { ...query } });
}

/** One page of staff in the user's scope. */
export function usePeople(query: PersonListParams) {
  return useQuery({
    queryKey: ['people', 'list', query],
    queryFn: () => getPeople(query),
    placeholderData: keepPreviousData,
  });
}
