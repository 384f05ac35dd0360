import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import type {
  CreatePlanInput,
  SpotCheckPlanDetail,
  SpotCheckPlanState,
  SpotCheckPlanView,
} from '../../../../../contracts/spotchecks';
import { requestJson } from '../../../lib/api-client';
import { downloadFile } from '../../../lib/download';
import { spotchecksQueryKey } from './entities';

/** The filters of the plan list (GET /api/spotchecks/plans). */
export interface PlanListParams {
  q?: string;
  organizationId?: string;
  state?: SpotCheckPlanState;
  year?: number;
  page: number;
  pageSize: number;
}

export interface PlanPage {
  items: SpotCheckPlanView[];
  total: number;
  page: number;
  pageSize: number;
}

/** One page of 抽查计划 in scope (GET /api/spotchecks/plans). */
export function usePlans(query: PlanListParams) {
  return useQuery({
    queryKey: [...spotchecksQueryKey, 'plans', query],
    queryFn: () => requestJson(z.custom<PlanPage>(), '/api/spotchecks/plans', { query: { ...query } }),
    placeholderData: keepPreviousData,
  });
}

/** A plan with its parameters, commitment, revealed seed, history and the buttons the user may see. */
export function usePlan(id: string | undefined) {
  return useQuery({
    queryKey: [...spotchecksQueryKey, 'plan', id],
    enabled: Boolean(id),
    queryFn: () => requestJson(z.custom<SpotCheckPlanDetail>(), `/api/spotchecks/plans/${id ?? ''}`),
  });
}

/** 制定抽查计划: the plan is drafted; commit and draw come after, on its page. */
export function useCreatePlan() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreatePlanInput) =>
      requestJson(z.custom<SpotCheckPlanDetail>(), '/api/spotchecks/plans', { method: 'POST', body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: spotchecksQueryKey }),
  });
}

/** The plan's steps: 公布承诺值, 抽取 (with the optional public entropy), 撤销 (with the reason). */
export type PlanAction =
  { action: 'commit' } | { action: 'draw'; externalEntropy: string } | { action: 'cancel'; reason: string };

export function usePlanAction(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (step: PlanAction) => {
      const { action, ...body } = step;
      return requestJson(z.custom<SpotCheckPlanDetail>(), `/api/spotchecks/plans/${id}/${action}`, {
        method: 'POST',
        body,
      });
    },
    // a refusal may come from a plan someone else has just moved on: read it again either way
    onSettled: () => queryClient.invalidateQueries({ queryKey: spotchecksQueryKey }),
  });
}

/** 下载抽取记录: the JSON file anyone may check with `npx fazhi spotcheck verify` or the portal. */
export function downloadDrawRecord(id: string, planNumber: string) {
  return downloadFile(`/api/spotchecks/plans/${id}/record`, `抽取记录-${planNumber}.json`);
}
