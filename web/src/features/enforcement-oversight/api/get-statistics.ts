import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import type {
  EnforcementStatistics,
  StatisticsCasesPage,
  StatisticsIndicator,
} from '../../../../../contracts/enforcement-oversight';
import { requestJson } from '../../../lib/api-client';

export interface StatisticsParams {
  from?: string | undefined;
  to?: string | undefined;
  organizationId?: string | undefined;
}

/** The figures of the period (this year to today by default). */
export function useStatistics(query: StatisticsParams) {
  return useQuery({
    queryKey: ['enforcement-oversight', 'statistics', query],
    queryFn: () =>
      requestJson(z.custom<EnforcementStatistics>(), '/api/enforcement/statistics', { query: { ...query } }),
    placeholderData: keepPreviousData,
  });
}

export interface DrillDown {
  indicator: StatisticsIndicator;
  key?: string | undefined;
  title: string;
}

/** The cases behind one figure. */
export function useStatisticsCases(
  query: StatisticsParams,
  drill: DrillDown | null,
  page: { page: number; pageSize: number },
) {
  return useQuery({
    queryKey: ['enforcement-oversight', 'statistics-cases', query, drill, page],
    queryFn: () =>
      requestJson(z.custom<StatisticsCasesPage>(), '/api/enforcement/statistics/cases', {
        query: { ...query, indicator: drill?.indicator, key: drill?.key, ...page },
      }),
    enabled: drill !== null,
    placeholderData: keepPreviousData,
  });
}
