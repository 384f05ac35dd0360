import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import type { LawLevel, LawSummary } from '../../../../../contracts/law';
import { requestJson } from '../../../lib/api-client';

export interface LawPage {
  items: LawSummary[];
  total: number;
  page: number;
  pageSize: number;
}

/** The contract gives the shape as a type; the server's serializer has already checked it. */
const lawPageSchema = z.custom<LawPage>(
  (value) => typeof value === 'object' && value !== null && 'items' in value,
);

export interface LawListParams {
  q?: string;
  level?: LawLevel;
  category?: string;
  includeSuperseded?: 'true' | 'false';
  page: number;
  pageSize: number;
}

export function getLaws(query: LawListParams) {
  return requestJson(lawPageSchema, '/api/public/law/laws', { query: { ...query }, isSessionProbe: true });
}

/** One page of the law library (current versions unless superseded ones are asked for). */
export function useLaws(query: LawListParams) {
  return useQuery({
    queryKey: ['law', 'laws', query],
    queryFn: () => getLaws(query),
    placeholderData: keepPreviousData,
  });
}
