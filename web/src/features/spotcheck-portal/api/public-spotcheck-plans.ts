import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { publicDecisionPageSchema, type PublicDecision } from '../../../../../contracts/publicity';
import type {
  DrawRecord,
  DrawVerificationView,
  PublicSpotCheckPlan,
} from '../../../../../contracts/spotchecks';
import { requestJson } from '../../../lib/api-client';

/** 双随机、一公开 on the portal (no sign-in): published plans, one plan, its draw record, the check. */

interface PublicPlanPage {
  items: PublicSpotCheckPlan[];
  total: number;
  page: number;
  pageSize: number;
}

export function getPublicPlans(query: { page: number; pageSize: number }) {
  return requestJson(z.custom<PublicPlanPage>(), '/api/public/spotchecks/plans', { query: { ...query } });
}

export function usePublicPlans(query: { page: number; pageSize: number }) {
  return useQuery({
    queryKey: ['public-spotchecks', 'plans', query],
    queryFn: () => getPublicPlans(query),
    placeholderData: keepPreviousData,
  });
}

export function getPublicPlan(id: string) {
  return requestJson(z.custom<PublicSpotCheckPlan>(), `/api/public/spotchecks/plans/${id}`);
}

export function usePublicPlan(id: string) {
  return useQuery({
    queryKey: ['public-spotchecks', 'plan', id],
    queryFn: () => getPublicPlan(id),
    retry: false,
  });
}

/** What the plan page shows of the record: the drawn codes in order, never the grades or the inspectors. */
export interface DrawnEntity {
  /** the task's place in the draw, 1 upward */
  order: number;
  creditCode: string;
}

export async function getDrawnEntities(id: string): Promise<DrawnEntity[]> {
  const record = await requestJson(z.custom<DrawRecord>(), `/api/public/spotchecks/plans/${id}/record`);
  return record.result.tasks.map((task, index) => ({ order: index + 1, creditCode: task.creditCode }));
}

/** The drawn entities, read from the public record once the draw is made. */
export function useDrawnEntities(id: string, hasRecord: boolean) {
  return useQuery({
    queryKey: ['public-spotchecks', 'drawn', id],
    queryFn: () => getDrawnEntities(id),
    enabled: hasRecord,
    staleTime: Infinity,
  });
}

/** The spot-check results of one plan published so far (随机抽查检查结果 naming the plan's number). */
export async function getPlanResults(
  planNumber: string,
): Promise<{ items: PublicDecision[]; total: number }> {
  const page = await requestJson(publicDecisionPageSchema, '/api/public/enforcement/decisions', {
    query: { kind: 'spotCheckResult', q: planNumber, page: 1, pageSize: 50 },
  });
  // the search is by words; only the results whose 抽查计划 reads 「title（number）」 with this number belong to it
  const items = page.items.filter((decision) => decision.content['抽查计划']?.includes(`（${planNumber}）`));
  return { items, total: items.length };
}

export function usePlanResults(planNumber: string, isDrawn: boolean) {
  return useQuery({
    queryKey: ['public-spotchecks', 'results', planNumber],
    queryFn: () => getPlanResults(planNumber),
    enabled: isDrawn && planNumber !== '',
  });
}

/** Re-runs a record on the server with the published algorithm. */
export function verifyDrawRecord(record: unknown) {
  return requestJson(z.custom<DrawVerificationView>(), '/api/public/spotchecks/verify', {
    method: 'POST',
    body: record,
  });
}

export function useVerifyDrawRecord() {
  return useMutation({ mutationFn: verifyDrawRecord });
}
