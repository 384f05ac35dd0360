import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import type {
  AddChangeInput,
  ChangeSetAction,
  ChangeSetView,
  ChangeView,
  CreateChangeSetInput,
  UpdateChangeSetInput,
} from '../../../../../contracts/powers';
import { request, requestJson } from '../../../lib/api-client';

const changeSetSchema = z.custom<ChangeSetView>();
const changeSchema = z.custom<ChangeView>();

export function createChangeSet(input: CreateChangeSetInput) {
  return requestJson(changeSetSchema, '/api/powers/change-sets', { method: 'POST', body: input });
}

export function updateChangeSet(changeSetId: string, input: UpdateChangeSetInput) {
  return requestJson(changeSetSchema, `/api/powers/change-sets/${changeSetId}`, {
    method: 'PATCH',
    body: input,
  });
}

export function addChange(changeSetId: string, input: AddChangeInput) {
  return requestJson(changeSchema, `/api/powers/change-sets/${changeSetId}/changes`, {
    method: 'POST',
    body: input,
  });
}

export async function removeChange(changeSetId: string, changeId: string) {
  await request(`/api/powers/change-sets/${changeSetId}/changes/${changeId}`, { method: 'DELETE' });
}

export function performChangeSetAction(changeSetId: string, action: ChangeSetAction, comment?: string) {
  return requestJson(changeSetSchema, `/api/powers/change-sets/${changeSetId}/actions`, {
    method: 'POST',
    body: { action, comment: comment?.trim() ? comment.trim() : undefined },
  });
}

/** Every change-set write refetches the powers queries: an approval changes the lists themselves. */
function useInvalidatePowers() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: ['powers'] });
}

/** 新建调整: a draft change set, its procedure started. */
export function useCreateChangeSet() {
  const invalidate = useInvalidatePowers();
  return useMutation({ mutationFn: createChangeSet, onSuccess: invalidate });
}

/** 新增、变更或取消 one item in a draft (or returned) change set. */
export function useAddChange(changeSetId: string) {
  const invalidate = useInvalidatePowers();
  return useMutation({
    mutationFn: (input: AddChangeInput) => addChange(changeSetId, input),
    onSuccess: invalidate,
  });
}

export function useRemoveChange(changeSetId: string) {
  const invalidate = useInvalidatePowers();
  return useMutation({
    mutationFn: (changeId: string) => removeChange(changeSetId, changeId),
    onSuccess: invalidate,
  });
}

/** 提交审核、批准、退回、撤回、重新提交: the server checks the transition (409 with the reason when refused). */
export function useChangeSetAction(changeSetId: string) {
  const invalidate = useInvalidatePowers();
  return useMutation({
    mutationFn: ({ action, comment }: { action: ChangeSetAction; comment?: string }) =>
      performChangeSetAction(changeSetId, action, comment),
    onSuccess: invalidate,
  });
}

/** 修改方案信息: a draft or returned change set's title, reasons and effective date. */
export function useUpdateChangeSet() {
  const invalidate = useInvalidatePowers();
  return useMutation({
    mutationFn: ({ id, input }: { id: string; input: UpdateChangeSetInput }) => updateChangeSet(id, input),
    onSuccess: invalidate,
  });
}
