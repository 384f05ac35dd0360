import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import type { AddRecusalInput, RecusalView } from '../../../../../contracts/spotchecks';
import { requestJson } from '../../../lib/api-client';
import { spotchecksQueryKey, type EntityPage } from './entities';

/** The filters of the recusal list (GET /api/spotchecks/recusals). */
export interface RecusalListParams {
  personId?: string;
  creditCode?: string;
  includeEnded?: boolean;
}

/** The recusals of inspectors in scope; the active ones unless `includeEnded`. */
export function useRecusals(query: RecusalListParams) {
  return useQuery({
    queryKey: [...spotchecksQueryKey, 'recusals', query],
    queryFn: () =>
      requestJson(z.custom<RecusalView[]>(), '/api/spotchecks/recusals', {
        query: { ...query, includeEnded: query.includeEnded ? 'true' : undefined },
      }),
    placeholderData: keepPreviousData,
  });
}

/** The directory's entity with this 统一社会信用代码 (asked once the code has 18 characters), or null. */
export function useEntityByCreditCode(creditCode: string) {
  const code = creditCode.trim().toUpperCase();
  return useQuery({
    queryKey: [...spotchecksQueryKey, 'entity-by-code', code],
    enabled: code.length === 18,
    queryFn: async () => {
      const page = await requestJson(z.custom<EntityPage>(), '/api/spotchecks/entities', {
        query: { q: code, page: 1, pageSize: 1 },
      });
      return page.items.find((entity) => entity.creditCode === code) ?? null;
    },
  });
}

/** 登记回避; the inspector pool's counts and the lists are asked again. */
export function useAddRecusal() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: AddRecusalInput) =>
      requestJson(z.custom<RecusalView>(), '/api/spotchecks/recusals', { method: 'POST', body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: spotchecksQueryKey }),
  });
}

/** 解除回避 with the reason; the record stays. */
export function useEndRecusal() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, reason }: { id: string; reason: string }) =>
      requestJson(z.custom<RecusalView>(), `/api/spotchecks/recusals/${id}/end`, {
        method: 'POST',
        body: { reason },
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: spotchecksQueryKey }),
  });
}
