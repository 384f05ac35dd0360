import { useMutation, useQueryClient } from '@tanstack/react-query';
import { personSchema, type CreatePersonInput, type UpdatePersonInput } from '../../../../../contracts/org';
import { requestJson } from '../../../lib/api-client';

export function createPerson(input: CreatePersonInput) {
  return requestJson(personSchema, '/api/people', { method: 'POST', body: input });
}

export function updatePerson(id: string, input: UpdatePersonInput) {
  return requestJson(personSchema, `/api/people/${id}`, { method: 'PATCH', body: input });
}

export function setPersonActive(id: string, isActive: boolean) {
  return requestJson(personSchema, `/api/people/${id}/${isActive ? 'activate' : 'deactivate'}`, {
    method: 'POST',
  });
}

type SaveInput =
  | { kind: 'create'; input: CreatePersonInput }
  | { kind: 'update'; id: string; input: UpdatePersonInput }
  | { kind: 'setActive'; id: string; isActive: boolean };

export function useSavePerson() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (save: SaveInput) => {
      if (save.kind === 'create') return createPerson(save.input);
      if (save.kind === 'update') return updatePerson(save.id, save.input);
      return setPersonActive(save.id, save.isActive);
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['people'] }),
  });
}
