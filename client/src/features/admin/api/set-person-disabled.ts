import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { peopleQueryKey, type Person } from './get-people';

/** Disabling signs the person out everywhere and stops their API tokens; enabling undoes it. */
export function setPersonDisabled({ id, disabled }: { id: string; disabled: boolean }): Promise<Person> {
  return api.post<Person>(`/api/users/${encodeURIComponent(id)}/${disabled ? 'disable' : 'enable'}`);
}

export function useSetPersonDisabled() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: setPersonDisabled,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: peopleQueryKey }),
  });
}
