import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import type { LawDetail } from '../../../../../contracts/law';
import { requestJson } from '../../../lib/api-client';

const lawDetailSchema = z.custom<LawDetail>(
  (value) => typeof value === 'object' && value !== null && 'articles' in value,
);

export function getLaw(lawId: string) {
  return requestJson(lawDetailSchema, `/api/public/law/laws/${encodeURIComponent(lawId)}`, {
    isSessionProbe: true,
  });
}

/** One version of a law with its articles and the list of its other versions. */
export function useLaw(lawId: string | undefined) {
  return useQuery({
    queryKey: ['law', 'law', lawId],
    queryFn: () => getLaw(lawId ?? ''),
    enabled: Boolean(lawId),
    staleTime: 5 * 60_000,
  });
}
