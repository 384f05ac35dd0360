import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import type { InspectorPage } from '../../../../../contracts/spotchecks';
import { requestJson } from '../../../lib/api-client';
import { spotchecksQueryKey } from './entities';

/** The filters of the inspector pool (GET /api/spotchecks/inspectors). */
export interface InspectorListParams {
  q?: string;
  organizationId?: string;
  page: number;
  pageSize: number;
}

/** One page of the 执法检查人员名录库: officers holding a certificate valid today. */
export function useInspectors(query: InspectorListParams) {
  return useQuery({
    queryKey: [...spotchecksQueryKey, 'inspectors', query],
    queryFn: () =>
      requestJson(z.custom<InspectorPage>(), '/api/spotchecks/inspectors', { query: { ...query } }),
    placeholderData: keepPreviousData,
  });
}
