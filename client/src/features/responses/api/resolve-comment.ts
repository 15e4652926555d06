import { useMutation, useQueryClient } from '@tanstack/react-query';
import { responsePath, type ResponseTarget } from '../../../api/response-keys';
import { api } from '../../../lib/api-client';
import type { ReviewComment } from './get-comments';
import { refreshAfterComment } from './refresh-after-comment';

/**
 * `PATCH R/{state}/comments/{id}` `{ resolved }`: the comment is settled, or (false) open again.
 * Resolving twice changes nothing.
 */
export function setCommentResolved(target: ResponseTarget, id: string, resolved: boolean): Promise<ReviewComment> {
  return api.patch<ReviewComment>(responsePath(target, `/comments/${encodeURIComponent(id)}`), { resolved });
}

export function resolveComment(target: ResponseTarget, id: string): Promise<ReviewComment> {
  return setCommentResolved(target, id, true);
}

/** Resolves comment `id`; settles once the comments are loaded again, so the resolved one is gone by then. */
export function useResolveComment(target: ResponseTarget) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => resolveComment(target, id),
    onSuccess: () => refreshAfterComment(queryClient, target),
  });
}

/**
 * Resolves every open comment of a thread (its first and its replies: each counts as open on the
 * board), or re-opens the thread by re-opening its first comment.
 */
export function useSetThreadResolved(target: ResponseTarget) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ ids, resolved }: { ids: string[]; resolved: boolean }) => {
      for (const id of ids) await setCommentResolved(target, id, resolved);
    },
    // Also after a failure part-way: what was resolved shows as resolved.
    onSettled: () => refreshAfterComment(queryClient, target),
  });
}
