import { useQuery } from '@tanstack/react-query';
import { deadlineListSchema, type DeadlineListQuery } from '../../../../../contracts/procedures';
import { requestJson } from '../../../lib/api-client';

export function getDeadlines(query: DeadlineListQuery) {
  return requestJson(deadlineListSchema, '/api/deadlines', { query: { ...query } });
}

/** Overdue or due-soon deadlines within the user's scope. */
export function useDeadlines(query: DeadlineListQuery) {
  return useQuery({ queryKey: ['deadlines', query], queryFn: () => getDeadlines(query) });
}
