import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import type {
  CompleteTaskInput,
  OpenTaskCaseInput,
  RecordInspectionInput,
  SpotCheckResult,
  SpotCheckTaskDetail,
  SpotCheckTaskState,
  SpotCheckTaskView,
} from '../../../../../contracts/spotchecks';
import { requestJson } from '../../../lib/api-client';
import { spotchecksQueryKey } from './entities';

/** The filters of the task list (GET /api/spotchecks/tasks). */
export interface TaskListParams {
  q?: string;
  planId?: string;
  state?: SpotCheckTaskState;
  result?: SpotCheckResult;
  /** only the tasks the signed-in officer was drawn for */
  mine?: 'true';
  page: number;
  pageSize: number;
}

export interface TaskPage {
  items: SpotCheckTaskView[];
  total: number;
  page: number;
  pageSize: number;
}

/** One page of 抽查任务: a plan's, the user's own, or every task in scope. */
export function useTasks(query: TaskListParams, isEnabled = true) {
  return useQuery({
    queryKey: [...spotchecksQueryKey, 'tasks', query],
    enabled: isEnabled,
    queryFn: () => requestJson(z.custom<TaskPage>(), '/api/spotchecks/tasks', { query: { ...query } }),
    placeholderData: keepPreviousData,
  });
}

/** A task with its checklist, record, photos, history and the buttons the user may see. */
export function useTask(id: string) {
  return useQuery({
    queryKey: [...spotchecksQueryKey, 'task', id],
    queryFn: () => requestJson(z.custom<SpotCheckTaskDetail>(), `/api/spotchecks/tasks/${id}`),
  });
}

function useInvalidateSpotchecks() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: spotchecksQueryKey });
}

/** 录入现场检查记录 (photos stored first through POST /api/files). */
export function useRecordInspection(id: string) {
  const invalidate = useInvalidateSpotchecks();
  return useMutation({
    mutationFn: (input: RecordInspectionInput) =>
      requestJson(z.custom<SpotCheckTaskDetail>(), `/api/spotchecks/tasks/${id}/inspection`, {
        method: 'POST',
        body: input,
      }),
    onSettled: invalidate,
  });
}

/** 确定检查结果; the server refuses a result that contradicts the checklist. */
export function useCompleteTask(id: string) {
  const invalidate = useInvalidateSpotchecks();
  return useMutation({
    mutationFn: (input: CompleteTaskInput) =>
      requestJson(z.custom<SpotCheckTaskDetail>(), `/api/spotchecks/tasks/${id}/complete`, {
        method: 'POST',
        body: input,
      }),
    onSettled: invalidate,
  });
}

/** 发现问题立案查处: an ordinary-procedure case against the entity, linked to the task. */
export function useOpenTaskCase(id: string) {
  const invalidate = useInvalidateSpotchecks();
  return useMutation({
    mutationFn: (input: OpenTaskCaseInput) =>
      requestJson(z.custom<{ caseId: string }>(), `/api/spotchecks/tasks/${id}/case`, {
        method: 'POST',
        body: input,
      }),
    onSettled: invalidate,
  });
}
