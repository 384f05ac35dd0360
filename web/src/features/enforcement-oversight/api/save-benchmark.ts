import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import type { SaveBenchmarkInput } from '../../../../../contracts/enforcement';
import type { BenchmarkView } from '../../../../../contracts/enforcement-oversight';
import { requestJson } from '../../../lib/api-client';

export function saveBenchmark(input: SaveBenchmarkInput) {
  return requestJson(z.custom<BenchmarkView>(), '/api/enforcement/discretion', {
    method: 'PUT',
    body: input,
  });
}

/** Saves a benchmark and refreshes the benchmark lists. */
export function useSaveBenchmark() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: saveBenchmark,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['enforcement-oversight'] }),
  });
}
