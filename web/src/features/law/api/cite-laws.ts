import { useMutation } from '@tanstack/react-query';
import { z } from 'zod';
import type { CiteQuery, CiteResult } from '../../../../../contracts/law';
import { requestJson } from '../../../lib/api-client';

const citeResultSchema = z.custom<CiteResult>(
  (value) => typeof value === 'object' && value !== null && 'citations' in value,
);

export function citeLaws(input: CiteQuery) {
  return requestJson(citeResultSchema, '/api/public/law/cite', {
    method: 'POST',
    body: input,
    isSessionProbe: true,
  });
}

/** Reads the citations in a text and resolves each against the version in force on the date. */
export function useCiteLaws() {
  return useMutation({ mutationFn: citeLaws });
}
