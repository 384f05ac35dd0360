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

/** The accounts holding one of the three administrator roles, whose TOTP second factor the security administrator may reset. */
export function useAdministratorAccounts() {
  return useQuery({
    queryKey: ['security', 'administrators'],
    queryFn: async () => {
      const pages = await Promise.all(
        (['systemAdmin', 'securityAdmin', 'auditAdmin'] as const).map((role) =>
          requestJson(accountPageSchema, '/api/accounts', { query: { role, pageSize: 200 } }),
        ),
      );
      const byId = new Map(pages.flatMap((page) => page.items).map((account) => [account.id, account]));
      return [...byId.values()];
    },
    retry: false,
  });
}

export function useResetSecondFactor() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      requestJson(accountSchema, `/api/accounts/${id}/reset-second-factor`, { method: 'POST' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['security', 'administrators'] }),
  });
}
