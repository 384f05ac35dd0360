import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  accountPageSchema,
  accountSchema,
  securitySettingsViewSchema,
  type SecuritySettings,
} from '../../../../../contracts/accounts';
import { requestJson } from '../../../lib/api-client';

export function useSecuritySettings() {
  return useQuery({
    queryKey: ['security', 'settings'],
    queryFn: () => requestJson(securitySettingsViewSchema, '/api/security/settings'),
  });
}

export function useUpdateSecuritySettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SecuritySettings) =>
      requestJson(securitySettingsViewSchema, '/api/security/settings', { method: 'PUT', body: input }),
    onSuccess: (saved) => queryClient.setQueryData(['security', 'settings'], saved),
  });
}

/** Accounts locked after repeated failed sign-ins, for the security administrator to unlock. */
export function useLockedAccounts() {
  return useQuery({
    queryKey: ['security', 'locked'],
    queryFn: () =>
      requestJson(accountPageSchema, '/api/accounts', { query: { locked: 'true', pageSize: 200 } }),
    retry: false,
  });
}

export function useUnlockAccount() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => requestJson(accountSchema, `/api/accounts/${id}/unlock`, { method: 'POST' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['security', 'locked'] }),
  });
}
