import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  certificateSchema,
  type CreateCertificateInput,
  type UpdateCertificateInput,
} from '../../../../../contracts/org';
import { requestJson } from '../../../lib/api-client';

export function createCertificate(input: CreateCertificateInput) {
  return requestJson(certificateSchema, '/api/certificates', { method: 'POST', body: input });
}

export function updateCertificate(id: string, input: UpdateCertificateInput) {
  return requestJson(certificateSchema, `/api/certificates/${id}`, { method: 'PATCH', body: input });
}

type SaveInput =
  | { kind: 'create'; input: CreateCertificateInput }
  | { kind: 'update'; id: string; input: UpdateCertificateInput };

export function useSaveCertificate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (save: SaveInput) =>
      save.kind === 'create' ? createCertificate(save.input) : updateCertificate(save.id, save.input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['certificates'] }),
  });
}
