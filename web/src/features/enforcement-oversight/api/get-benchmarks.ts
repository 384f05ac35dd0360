import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { pageOf } from '../../../../../contracts/fields';
import type { BenchmarkAnswer, BenchmarkView } from '../../../../../contracts/enforcement-oversight';
import type { PowerItemView } from '../../../../../contracts/powers';
import { requestJson } from '../../../lib/api-client';

export interface BenchmarkListParams {
  organizationId?: string | undefined;
  q?: string | undefined;
  page: number;
  pageSize: number;
}

const benchmarkPageSchema = pageOf(z.custom<BenchmarkView>());

/** A page of benchmarks in the user's scope. */
export function useBenchmarks(query: BenchmarkListParams) {
  return useQuery({
    queryKey: ['enforcement-oversight', 'benchmarks', query],
    queryFn: () =>
      requestJson(benchmarkPageSchema, '/api/enforcement/discretion/benchmarks', { query: { ...query } }),
    placeholderData: keepPreviousData,
  });
}

/** The benchmark of one item of a body (null when none is kept yet). */
export function useBenchmark(organizationId: string | undefined, powerItemId: string | undefined) {
  return useQuery({
    queryKey: ['enforcement-oversight', 'benchmark', organizationId, powerItemId],
    queryFn: () =>
      requestJson(z.custom<BenchmarkAnswer>(), '/api/enforcement/discretion', {
        query: { organizationId, powerItemId },
      }),
    enabled: Boolean(organizationId && powerItemId),
  });
}

const itemPageSchema = pageOf(z.custom<PowerItemView>());

/** The body's 行政处罚 items in force today (the items a benchmark can be kept for). */
export function usePenaltyItems(organizationId: string | undefined) {
  return useQuery({
    queryKey: ['enforcement-oversight', 'penalty-items', organizationId],
    queryFn: () =>
      requestJson(itemPageSchema, '/api/powers/items', {
        query: { organizationId, listKind: 'power', kind: 'penalty', pageSize: 200 },
      }),
    enabled: Boolean(organizationId),
  });
}
