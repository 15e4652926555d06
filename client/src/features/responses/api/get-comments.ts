import { queryOptions, useQuery } from '@tanstack/react-query';
import { responsePath, responseQueryKey, type ResponseTarget } from '../../../api/response-keys';
import { api } from '../../../lib/api-client';

/** `GET R/{state}/comments`: one review comment on the reply. */
export interface ReviewComment {
  id: string;
  /** A question name, or null for a comment on the whole reply. */
  question: string | null;
  body: string;
  /** The name of whoever wrote it. */
  author: string;
  /** ISO 8601 timestamps. */
  at: string;
  resolvedAt: string | null;
  /** The comment this one answers (an extension of the contract), or null for a thread's first. */
  replyTo: string | null;
  /** Who resolved it, while it is resolved. */
  resolvedBy: string | null;
}

export function getComments(target: ResponseTarget, { signal }: { signal?: AbortSignal } = {}): Promise<ReviewComment[]> {
  return api.get<ReviewComment[]>(responsePath(target, '/comments'), { signal });
}

// Under the reply's key, so that a submission or a review step, which marks the version's replies
// out of date, refreshes the comments too.
export function commentsQueryKey(target: ResponseTarget) {
  return [...responseQueryKey(target), 'comments'] as const;
}

export function getCommentsQueryOptions(target: ResponseTarget) {
  return queryOptions({
    queryKey: commentsQueryKey(target),
    queryFn: ({ signal }) => getComments(target, { signal }),
  });
}

/** Every comment, resolved or not, oldest first: the threads beside the questions are built from it. */
export function useComments(target: ResponseTarget) {
  return useQuery(getCommentsQueryOptions(target));
}

/** The comments not yet resolved, oldest first. */
export function useOpenComments(target: ResponseTarget) {
  return useQuery({ ...getCommentsQueryOptions(target), select: openComments });
}

function openComments(comments: ReviewComment[]): ReviewComment[] {
  return comments.filter((comment) => comment.resolvedAt === null);
}
