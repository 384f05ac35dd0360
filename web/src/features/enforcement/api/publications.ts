import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import type { PublicationView } from '../../../../../contracts/enforcement';
import { requestJson } from '../../../lib/api-client';
import { casesQueryKey } from './get-cases';

export type PublicationCommand =
  | { kind: 'publish'; content?: Record<string, string> }
  | { kind: 'withdraw'; reason: string; eventOn: string }
  | { kind: 'take-down'; reason: string };

export function performPublicationCommand(publicationId: string, command: PublicationCommand) {
  const { kind, ...body } = command;
  return requestJson(z.custom<PublicationView>(), `/api/publications/${publicationId}/${kind}`, {
    method: 'POST',
    body,
  });
}

/** 公示、撤回、下网 of a case's decision (行政处罚法 art. 48); the server checks who may. */
export function usePublicationCommand(publicationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (command: PublicationCommand) => performPublicationCommand(publicationId, command),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: casesQueryKey }),
  });
}
