import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  organizationSchema,
  type CreateOrganizationInput,
  type MoveOrganizationInput,
  type UpdateOrganizationInput,
} from '../../../../../contracts/org';
import { requestJson } from '../../../lib/api-client';

export function createOrganization(input: CreateOrganizationInput) {
  return requestJson(organizationSchema, '/api/organizations', { method: 'POST', body: input });
}

export function updateOrganization(id: string, input: UpdateOrganizationInput) {
  return requestJson(organizationSchema, `/api/organizations/${id}`, { method: 'PATCH', body: input });
}

export function setOrganizationActive(id: string, isActive: boolean) {
  return requestJson(organizationSchema, `/api/organizations/${id}/${isActive ? 'activate' : 'deactivate'}`, {
    method: 'POST',
  });
}

export function moveOrganization(id: string, input: MoveOrganizationInput) {
  return requestJson(organizationSchema, `/api/organizations/${id}/move`, { method: 'POST', body: input });
}

type SaveInput =
  | { kind: 'create'; input: CreateOrganizationInput }
  | { kind: 'update'; id: string; input: UpdateOrganizationInput }
  | { kind: 'setActive'; id: string; isActive: boolean }
  | { kind: 'move'; id: string; input: MoveOrganizationInput };

/** Create, edit, move under another parent, deactivate or reactivate; lists and the tree are refetched after. */
export function useSaveOrganization() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (save: SaveInput) => {
      if (save.kind === 'create') return createOrganization(save.input);
      if (save.kind === 'update') return updateOrganization(save.id, save.input);
      if (save.kind === 'move') return moveOrganization(save.id, save.input);
      return setOrganizationActive(save.id, save.isActive);
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['organizations'] }),
  });
}
