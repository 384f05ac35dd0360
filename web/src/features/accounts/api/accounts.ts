import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  accountPageSchema,
  accountSchema,
  passwordResetSchema,
  type AccountListQuery,
  type CreateAccountInput,
  type RoleOnOrganization,
  type UpdateAccountInput,
} from '../../../../../contracts/accounts';
import { requestJson } from '../../../lib/api-client';

export type AccountListParams = Partial<Omit<AccountListQuery, 'locked' | 'active'>> & {
  locked?: 'true' | 'false';
  active?: 'true' | 'false';
};

export function getAccounts(query: AccountListParams) {
  return requestJson(accountPageSchema, '/api/accounts', { query: { ...query } });
}

/** One page of the accounts the system administrator manages. */
export function useAccounts(query: AccountListParams) {
  return useQuery({
    queryKey: ['accounts', 'list', query],
    queryFn: () => getAccounts(query),
    placeholderData: keepPreviousData,
  });
}

type AccountChange =
  | { kind: 'create'; input: CreateAccountInput }
  | { kind: 'update'; id: string; input: UpdateAccountInput }
  | { kind: 'setActive'; id: string; isActive: boolean }
  | { kind: 'assignRole'; id: string; input: RoleOnOrganization }
  | { kind: 'removeRole'; id: string; assignmentId: string };

export function changeAccount(change: AccountChange) {
  switch (change.kind) {
    case 'create':
      return requestJson(accountSchema, '/api/accounts', { method: 'POST', body: change.input });
    case 'update':
      return requestJson(accountSchema, `/api/accounts/${change.id}`, { method: 'PUT', body: change.input });
    case 'setActive':
      return requestJson(
        accountSchema,
        `/api/accounts/${change.id}/${change.isActive ? 'activate' : 'deactivate'}`,
        {
          method: 'POST',
        },
      );
    case 'assignRole':
      return requestJson(accountSchema, `/api/accounts/${change.id}/roles`, {
        method: 'POST',
        body: change.input,
      });
    case 'removeRole':
      return requestJson(accountSchema, `/api/accounts/${change.id}/roles/${change.assignmentId}`, {
        method: 'DELETE',
      });
  }
}

export function useChangeAccount() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: changeAccount,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['accounts'] }),
  });
}

/** Resets a password; without one the server generates it and answers it once. */
export function useResetPassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { id: string; password?: string }) =>
      requestJson(passwordResetSchema, `/api/accounts/${input.id}/reset-password`, {
        method: 'POST',
        body: input.password ? { password: input.password } : {},
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['accounts'] }),
  });
}
