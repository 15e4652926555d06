import { useMutation, useQueryClient } from '@tanstack/react-query';
import { responsePath, type ResponseTarget } from '../../../api/response-keys';
import { api } from '../../../lib/api-client';
import type { ReviewComment } from './get-comments';
import { refreshAfterComment } from './refresh-after-comment';

/** `POST R/{state}/comments`: on a question, on the whole reply (no question), or answering a comment. */
export interface NewComment {
  question?: string;
  body: string;
  /** The comment answered; the reply then belongs to that comment's question. */
  replyTo?: string;
}

export function addComment(target: ResponseTarget, comment: NewComment): Promise<ReviewComment> {
  return api.post<ReviewComment>(responsePath(target, '/comments'), comment);
}

/** Writes a comment; settles once the comments are loaded again, so the new one shows by then. */
export function useAddComment(target: ResponseTarget) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (comment: NewComment) => addComment(target, comment),
    onSuccess: () => refreshAfterComment(queryClient, target),
  });
}
