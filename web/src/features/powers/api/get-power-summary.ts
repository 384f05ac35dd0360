import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import type { PowerSummaryEntry } from '../../../../../contracts/powers';
import { requestJson } from '../../../lib/api-client';

export function getPowerSummary() {
  return requestJson(z.array(z.custom<PowerSummaryEntry>()), '/api/powers/summary');
}

/** Per organization in scope and list kind: items in force, the last version, change sets awaiting review. */
export function usePowerSummary() {
  return useQuery({ queryKey: ['powers', 'summary'], queryFn: getPowerSummary });
}
