import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import type { LawImportView } from '../../../../../contracts/law';
import { ApiError, errorFromBody, jsonOrNull, requestJson } from '../../../lib/api-client';

const lawImportSchema = z.custom<LawImportView>(
  (value) => typeof value === 'object' && value !== null && 'status' in value,
);
const lawImportListSchema = z.custom<{ items: LawImportView[] }>(
  (value) => typeof value === 'object' && value !== null && 'items' in value,
);

/** Uploads the law files (.md/.txt, several at once); the server answers at once with the run to poll. */
export async function startLawImport(files: File[]): Promise<{ importId: string }> {
  const form = new FormData();
  for (const file of files) form.append('files', file, file.name);
  let response: Response;
  try {
    response = await fetch('/api/law/imports', { method: 'POST', body: form, credentials: 'include' });
  } catch {
    throw new ApiError(0, 'NETWORK', '无法连接服务器，请检查网络后重试');
  }
  const body = await jsonOrNull(response);
  if (!response.ok) throw errorFromBody(response.status, body);
  return body as { importId: string };
}

export function useStartLawImport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: startLawImport,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['law', 'imports'] }),
  });
}

/** The recent import runs, newest first. */
export function useLawImports() {
  return useQuery({
    queryKey: ['law', 'imports'],
    queryFn: async () => (await requestJson(lawImportListSchema, '/api/law/imports')).items,
  });
}

/** One import run, polled every second while it is running; when it ends the lists are read again. */
export function useLawImport(importId: string | null) {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: ['law', 'import', importId],
    queryFn: async () => {
      const run = await requestJson(lawImportSchema, `/api/law/imports/${importId ?? ''}`);
      if (run.status !== 'running') {
        void queryClient.invalidateQueries({ queryKey: ['law', 'imports'] });
        void queryClient.invalidateQueries({ queryKey: ['law', 'laws'] });
        void queryClient.invalidateQueries({ queryKey: ['law', 'search'] });
      }
      return run;
    },
    enabled: importId !== null,
    refetchInterval: (query) => (query.state.data?.status === 'running' || !query.state.data ? 1000 : false),
  });
}
