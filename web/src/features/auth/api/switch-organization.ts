import { useMutation, useQueryClient } from '@tanstack/react-query';
import { currentUserSchema } from '../../../../../contracts/accounts';
import { requestJson } from '../../../lib/api-client';
import { meQueryKey } from './get-me';

export function switchOrganization(organizationId: string) {
  return requestJson(currentUserSchema, '/api/auth/switch-organization', {
    method: 'POST',
    body: { organizationId },
  });
}

/** Switches the active organization; every other query is refetched for the new scope. */
export function useSwitchOrganization() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: switchOrganization,
    onSuccess: async (me) => {
      queryClient.setQueryData(meQueryKey, me);
      await queryClient.invalidateQueries({ predicate: (query) => query.queryKey[0] !== 'auth' });
    },
  });
}
