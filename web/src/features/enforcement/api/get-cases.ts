import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import type {
  CaseDetail,
  CaseOfficerChoice,
  CaseProcedure,
  CaseSource,
  CaseWorkbench,
  caseListPageSchema,
} from '../../../../../contracts/enforcement';
import { requestJson, type QueryParams } from '../../../lib/api-client';

type YesNo = 'true' | 'false';

/** The filters of the case list, as the query string carries them (GET /api/enforcement/cases). */
export interface CaseListParams {
  q?: string;
  organizationId?: string;
  state?: string;
  procedure?: CaseProcedure;
  source?: CaseSource;
  year?: number;
  isMajor?: YesNo;
  overdue?: YesNo;
  mine?: YesNo;
  registeredFrom?: string;
  registeredTo?: string;
  page: number;
  pageSize: number;
}

/** A power item the body may open cases on. */
export interface CasePowerItemChoice {
  id: string;
  code: string;
  name: string;
  kind: string;
}

export const casesQueryKey = ['enforcement'] as const;

const casePageSchema = z.custom<z.infer<typeof caseListPageSchema>>();

/** The filters without the page: what the Excel export takes. */
export function filtersOf(query: CaseListParams): QueryParams {
  const filters: QueryParams = { ...query };
  delete filters.page;
  delete filters.pageSize;
  return filters;
}

export function getCases(query: CaseListParams) {
  return requestJson(casePageSchema, '/api/enforcement/cases', { query: { ...query } });
}

/** One page of cases in the user's scope. */
export function useCases(query: CaseListParams) {
  return useQuery({
    queryKey: [...casesQueryKey, 'cases', query],
    queryFn: () => getCases(query),
    placeholderData: keepPreviousData,
  });
}

export function getCase(id: string) {
  return requestJson(z.custom<CaseDetail>(), `/api/enforcement/cases/${id}`);
}

/** A case with its procedure history, deadlines, next actions, records, documents and publication. */
export function useCase(id: string) {
  return useQuery({ queryKey: [...casesQueryKey, 'case', id], queryFn: () => getCase(id) });
}

/** 办案工作台: the user's cases, the deadlines near or past, and what waits for review or decision. */
export function useCaseWorkbench() {
  return useQuery({
    queryKey: [...casesQueryKey, 'workbench'],
    queryFn: () => requestJson(z.custom<CaseWorkbench>(), '/api/enforcement/workbench'),
  });
}

/** The power items in force on which the body may open a case. */
export function useCasePowerItems(organizationId: string | undefined) {
  return useQuery({
    queryKey: [...casesQueryKey, 'power-items', organizationId],
    enabled: Boolean(organizationId),
    queryFn: () =>
      requestJson(z.custom<CasePowerItemChoice[]>(), '/api/enforcement/power-items', {
        query: { organizationId },
      }),
  });
}

/** The body's enforcement officers, with whether their certificate is valid today. */
export function useCaseOfficers(organizationId: string | undefined) {
  return useQuery({
    queryKey: [...casesQueryKey, 'officers', organizationId],
    enabled: Boolean(organizationId),
    queryFn: () =>
      requestJson(z.custom<CaseOfficerChoice[]>(), '/api/enforcement/officers', {
        query: { organizationId },
      }),
  });
}
