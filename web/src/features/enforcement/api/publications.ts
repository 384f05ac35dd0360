import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import type { PublicationView } from '../../../../../contracts/enforcement';
import type {
  PublishPublicationInput,
  TakeDownPublicationInput,
  WithdrawPublicationInput,
} from '../../../../../contracts/publicity';
import { requestJson } from '../../../lib/api-client';
import { casesQueryKey } from './get-cases';

/** The bodies of contracts/publicity.ts: publish, withdraw (art. 48), take down on credit repair. */
export type PublicationCommand =
  | ({ kind: 'publish' } & PublishPublicationInput)
  | ({ kind: 'withdraw' } & WithdrawPublicationInput)
  | ({ kind: 'take-down' } & TakeDownPublicationInput);

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
