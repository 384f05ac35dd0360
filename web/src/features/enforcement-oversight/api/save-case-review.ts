import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import type {
  ChecklistView,
  CreateChecklistInput,
  ReviewView,
  SampleCasesInput,
  SampleResult,
  ScoreReviewInput,
} from '../../../../../contracts/enforcement-oversight';
import { requestJson } from '../../../lib/api-client';

function useInvalidateReviews() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: ['enforcement-oversight'] });
}

/** Draws closed cases for review. */
export function useSampleCases() {
  const invalidate = useInvalidateReviews();
  return useMutation({
    mutationFn: (input: SampleCasesInput) =>
      requestJson(z.custom<SampleResult>(), '/api/enforcement/case-review/samples', {
        method: 'POST',
        body: input,
      }),
    onSuccess: invalidate,
  });
}

/** Scores one sampled case. */
export function useScoreReview() {
  const invalidate = useInvalidateReviews();
  return useMutation({
    mutationFn: ({ id, input }: { id: string; input: ScoreReviewInput }) =>
      requestJson(z.custom<ReviewView>(), `/api/enforcement/case-review/reviews/${id}`, {
        method: 'PUT',
        body: input,
      }),
    onSuccess: invalidate,
  });
}

/** Sets a new checklist, which replaces the active one. */
export function useCreateChecklist() {
  const invalidate = useInvalidateReviews();
  return useMutation({
    mutationFn: (input: CreateChecklistInput) =>
      requestJson(z.custom<ChecklistView>(), '/api/enforcement/case-review/checklists', {
        method: 'POST',
        body: input,
      }),
    onSuccess: invalidate,
  });
}
