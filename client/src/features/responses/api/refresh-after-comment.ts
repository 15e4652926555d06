import type { QueryClient } from '@tanstack/react-query';
import { versionResponsesQueryKey, type ResponseTarget } from '../../../api/response-keys';
import { commentsQueryKey } from './get-comments';

/**
 * After a comment is written, resolved or re-opened: the comments load again now (the promise
 * settles once they have), and the lists that count open comments — the delegate's home, the
 * review board, both under the version's key — load again when they are next shown.
 */
export function refreshAfterComment(queryClient: QueryClient, target: ResponseTarget): Promise<void> {
  void queryClient.invalidateQueries({ queryKey: versionResponsesQueryKey(target), refetchType: 'none' });
  return queryClient.invalidateQueries({ queryKey: commentsQueryKey(target) });
}
