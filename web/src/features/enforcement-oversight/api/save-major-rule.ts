import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import type { MajorRuleInput } from '../../../../../contracts/enforcement';
import type { MajorRuleView, UpdateMajorRuleInput } from '../../../../../contracts/enforcement-oversight';
import { requestJson } from '../../../lib/api-client';

const ruleSchema = z.custom<MajorRuleView>();

export function createMajorRule(input: MajorRuleInput) {
  return requestJson(ruleSchema, '/api/enforcement/major-rules', { method: 'POST', body: input });
}

export function updateMajorRule(id: string, input: UpdateMajorRuleInput) {
  return requestJson(ruleSchema, `/api/enforcement/major-rules/${id}`, { method: 'PATCH', body: input });
}

/** Adds, changes, deactivates or reactivates an entry, then refreshes the catalogue. */
export function useSaveMajorRule() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (change: { id?: string; create?: MajorRuleInput; update?: UpdateMajorRuleInput }) =>
      change.id
        ? updateMajorRule(change.id, change.update ?? {})
        : createMajorRule(change.create as MajorRuleInput),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['enforcement-oversight', 'major-rules'] }),
  });
}
