import { useMutation, useQueryClient } from '@tanstack/react-query';
import { okSchema } from '../../../../../contracts/accounts';
import { requestJson } from '../../../lib/api-client';

export function signOut() {
  return requestJson(okSchema, '/api/auth/sign-out', { method: 'POST', isSessionProbe: true });
}

export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: signOut,
    onSettled: () => queryClient.clear(),
  });
}
