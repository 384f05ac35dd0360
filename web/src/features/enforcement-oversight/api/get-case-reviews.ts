import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { pageOf } from '../../../../../contracts/fields';
import type {
  ChecklistView,
  ReviewGrade,
  ReviewResultRow,
  ReviewStatus,
  ReviewView,
} from '../../../../../contracts/enforcement-oversight';
import { requestJson } from '../../../lib/api-client';

export interface ReviewListParams {
  campaign?: string | undefined;
  year?: number | undefined;
  organizationId?: string | undefined;
  status?: ReviewStatus | undefined;
  grade?: ReviewGrade | undefined;
  page: number;
  pageSize: number;
}

/** The justice bureau's checklists (the default one is made on first use). */
export function useChecklists(includeInactive = false) {
  return useQuery({
    queryKey: ['enforcement-oversight', 'checklists', includeInactive],
    queryFn: () =>
      requestJson(z.array(z.custom<ChecklistView>()), '/api/enforcement/case-review/checklists', {
        query: { includeInactive: includeInactive ? 'true' : undefined },
      }),
  });
}

/** A page of sampled cases and their scores. */
export function useReviews(query: ReviewListParams) {
  return useQuery({
    queryKey: ['enforcement-oversight', 'reviews', query],
    queryFn: () =>
      requestJson(pageOf(z.custom<ReviewView>()), '/api/enforcement/case-review/reviews', {
        query: { ...query },
      }),
    placeholderData: keepPreviousData,
  });
}

/** One sampled case with the checklist it is scored on. */
export function useReview(id: string | null) {
  return useQuery({
    queryKey: ['enforcement-oversight', 'review', id],
    queryFn: () =>
      requestJson(
        z.custom<{ review: ReviewView; checklist: ChecklistView }>(),
        `/api/enforcement/case-review/reviews/${id ?? ''}`,
      ),
    enabled: id !== null,
  });
}

/** The results per body (average, counts by grade). */
export function useReviewResults(query: { campaign?: string | undefined; year?: number | undefined }) {
  return useQuery({
    queryKey: ['enforcement-oversight', 'review-results', query],
    queryFn: () =>
      requestJson(z.array(z.custom<ReviewResultRow>()), '/api/enforcement/case-review/results', {
        query: { ...query },
      }),
  });
}
