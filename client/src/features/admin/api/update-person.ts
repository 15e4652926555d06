import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { Role } from '../../../types/api';
import { peopleQueryKey, type Person } from './get-people';

export interface UpdatePersonInput {
  id: string;
  changes: { name?: string; role?: Role; memberState?: string | null };
}

/** A new role or member state also ends the person's sessions (the server does). */
export function updatePerson({ id, changes }: UpdatePersonInput): Promise<Person> {
  return api.patch<Person>(`/api/users/${encodeURIComponent(id)}`, changes);
}

export function useUpdatePerson() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updatePerson,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: peopleQueryKey }),
  });
}
