import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import type { ImportJobView } from '../../../../../contracts/imports';
import type { EntityView, RiskGrade } from '../../../../../contracts/spotchecks';
import { requestJson } from '../../../lib/api-client';

export const spotchecksQueryKey = ['spotchecks'] as const;

/** The filters of the entity directory (GET /api/spotchecks/entities). */
export interface EntityListParams {
  q?: string;
  riskGrade?: RiskGrade;
  jurisdictionCode?: string;
  page: number;
  pageSize: number;
}

export interface EntityPage {
  items: EntityView[];
  total: number;
  totalIsCapped: boolean;
  page: number;
  pageSize: number;
}

/** One page of the 检查对象名录库. */
export function useEntities(query: EntityListParams) {
  return useQuery({
    queryKey: [...spotchecksQueryKey, 'entities', query],
    queryFn: () => requestJson(z.custom<EntityPage>(), '/api/spotchecks/entities', { query: { ...query } }),
    placeholderData: keepPreviousData,
  });
}

/** An import job, asked again every second while it runs. */
export function useEntityImportJob(id: string | null) {
  return useQuery({
    queryKey: [...spotchecksQueryKey, 'import', id],
    enabled: Boolean(id),
    queryFn: () => requestJson(z.custom<ImportJobView>(), `/api/spotchecks/entities/imports/${id ?? ''}`),
    refetchInterval: (query) => (query.state.data?.status === 'running' ? 1_000 : false),
  });
}

/** The latest imports of the directory. */
export function useEntityImportJobs() {
  return useQuery({
    queryKey: [...spotchecksQueryKey, 'imports'],
    queryFn: () => requestJson(z.custom<ImportJobView[]>(), '/api/spotchecks/entities/imports'),
  });
}
