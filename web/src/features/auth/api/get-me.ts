import { useQuery } from '@tanstack/react-query';
import { currentUserSchema, type CurrentUser } from '../../../../../contracts/accounts';
import { ApiError, requestJson } from '../../../lib/api-client';

export const meQueryKey = ['auth', 'me'] as const;

/** The signed-in user, or null when there is no session. */
export async function getMe(): Promise<CurrentUser | null> {
  try {
    return await requestJson(currentUserSchema, '/api/auth/me', { isSessionProbe: true });
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

export function useMe() {
  return useQuery({ queryKey: meQueryKey, queryFn: getMe, staleTime: 60_000 });
}
