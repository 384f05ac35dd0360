import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  signInResultSchema,
  type SignInInput,
  type SignInResult,
  type TotpEnrollInput,
} from '../../../../../contracts/accounts';
import { requestJson } from '../../../lib/api-client';
import { meQueryKey } from './get-me';

export function signIn(input: SignInInput): Promise<SignInResult> {
  return requestJson(signInResultSchema, '/api/auth/sign-in', {
    method: 'POST',
    body: input,
    isSessionProbe: true,
  });
}

/** Completes an administrator's first sign-in with the code of the newly saved secret. */
export function enrollTotp(input: TotpEnrollInput): Promise<SignInResult> {
  return requestJson(signInResultSchema, '/api/auth/totp/enroll', {
    method: 'POST',
    body: input,
    isSessionProbe: true,
  });
}

export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { mode: 'signIn' | 'enroll'; values: SignInInput }) =>
      input.mode === 'enroll'
        ? enrollTotp({ ...input.values, totpCode: input.values.totpCode ?? '' })
        : signIn(input.values),
    onSuccess: (result) => {
      if (result.status === 'signedIn') queryClient.setQueryData(meQueryKey, result.me);
    },
  });
}
