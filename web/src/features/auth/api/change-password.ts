import { useMutation, useQueryClient } from '@tanstack/react-query';
import { okSchema, type ChangePasswordInput } from '../../../../../contracts/accounts';
import { requestJson } from '../../../lib/api-client';
import { meQueryKey } from './get-me';

export function changePassword(input: ChangePasswordInput) {
  return requestJson(okSchema, '/api/auth/change-password', { method: 'POST', body: input });
}

export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: changePassword,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: meQueryKey }),
  });
}
