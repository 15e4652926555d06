import { useMutation, useQueryClient } from '@tanstack/react-query';
import { responsePath, versionResponsesQueryKey, type ResponseTarget } from '../../../api/response-keys';
import { api } from '../../../lib/api-client';
import { commentsQueryKey, type ReviewComment } from './get-comments';

/** `PATCH R/{state}/comments/{id}` `{ resolved: true }`: the comment is settled (a second time changes nothing). */
export function resolveComment(target: ResponseTarget, id: string): Promise<ReviewComment> {
  return api.patch<ReviewComment>(responsePath(target, `/comments/${encodeURIComponent(id)}`), { resolved: true });
}

/** Resolves comment `id`; settles once the comments are loaded again, so the resolved one is gone by then. */
export function useResolveComment(target: ResponseTarget) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => resolveComment(target, id),
    onSuccess: () => {
      // The home list counts the open comments: it loads again when it is next shown.
      void queryClient.invalidateQueries({ queryKey: versionResponsesQueryKey(target), refetchType: 'none' });
      return queryClient.invalidateQueries({ queryKey: commentsQueryKey(target) });
    },
  });
}
