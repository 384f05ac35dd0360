import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import type { MajorRuleView } from '../../../../../contracts/enforcement-oversight';
import { requestJson } from '../../../lib/api-client';

/** The catalogue entries in the user's scope, of one body or all, inactive ones when asked. */
export function useMajorRules(query: { organizationId?: string | undefined; includeInactive?: boolean }) {
  return useQuery({
    queryKey: ['enforcement-oversight', 'major-rules', query],
    queryFn: () =>
      requestJson(z.array(z.custom<MajorRuleView>()), '/api/enforcement/major-rules', {
        query: {
          organizationId: query.organizationId,
          includeInactive: query.includeInactive ? 'true' : undefined,
        },
      }),
  });
}
