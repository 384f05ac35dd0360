import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { pageOf } from '../../../../../contracts/fields';
import type {
  ChangeSetDetail,
  ChangeSetView,
  changeSetListQuerySchema,
} from '../../../../../contracts/powers';
import { requestJson } from '../../../lib/api-client';

export type ChangeSetListParams = Partial<z.infer<typeof changeSetListQuerySchema>>;

const changeSetPageSchema = pageOf(z.custom<ChangeSetView>());

export function getChangeSets(query: ChangeSetListParams) {
  return requestJson(changeSetPageSchema, '/api/powers/change-sets', { query: { ...query } });
}

/** One page of change sets (动态调整) in the user's scope. */
export function useChangeSets(query: ChangeSetListParams) {
  return useQuery({
    queryKey: ['powers', 'change-sets', query],
    queryFn: () => getChangeSets(query),
    placeholderData: keepPreviousData,
  });
}

const changeSetDetailSchema = z.custom<ChangeSetDetail>();

export function getChangeSet(id: string) {
  return requestJson(changeSetDetailSchema, `/api/powers/change-sets/${id}`);
}

/** A change set with its changes and the steps of its procedure. */
export function useChangeSet(id: string) {
  return useQuery({ queryKey: ['powers', 'change-set', id], queryFn: () => getChangeSet(id) });
}
