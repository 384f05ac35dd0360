import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import type { EntityCommitmentView, RecordCommitmentInput } from '../../../../../contracts/spotchecks';
import { requestJson } from '../../../lib/api-client';
import { spotchecksQueryKey } from './entities';

/** 信用承诺: recorded against an entity, then 履约 or 违诺; the entity profile is asked again. */

export function useRecordCommitment(creditCode: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: RecordCommitmentInput) =>
      requestJson(
        z.custom<EntityCommitmentView>(),
        `/api/spotchecks/entities/${encodeURIComponent(creditCode)}/commitments`,
        { method: 'POST', body: input },
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: spotchecksQueryKey }),
  });
}

export function useFulfilCommitment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      requestJson(z.custom<EntityCommitmentView>(), `/api/spotchecks/commitments/${id}/fulfil`, {
        method: 'POST',
        body: {},
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: spotchecksQueryKey }),
  });
}

export function useBreachCommitment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, note }: { id: string; note: string }) =>
      requestJson(z.custom<EntityCommitmentView>(), `/api/spotchecks/commitments/${id}/breach`, {
        method: 'POST',
        body: { note },
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: spotchecksQueryKey }),
  });
}
