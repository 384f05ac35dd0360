import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { pageOf } from '../../../../../contracts/fields';
import type { ChangeSetView, ChangeView, changeSetListQuerySchema } from '../../../../../contracts/powers';
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

export interface ProcedureStep {
  action: string;
  label: string;
  actorName: string | null;
  performedAt: string;
  comment: string | null;
}

const changeSetDetailSchema = z.object({
  changeSet: z.custom<ChangeSetView>(),
  changes: z.array(z.custom<ChangeView>()),
  history: z.array(z.custom<ProcedureStep>()),
});
export type ChangeSetDetail = z.infer<typeof changeSetDetailSchema>;

export function getChangeSet(id: string) {
  return requestJson(changeSetDetailSchema, `/api/powers/change-sets/${id}`);
}

/** A change set with its changes and the steps of its procedure. */
export function useChangeSet(id: string) {
  return useQuery({ queryKey: ['powers', 'change-set', id], queryFn: () => getChangeSet(id) });
}
