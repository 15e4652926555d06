import type { ReviewComment } from '../../../../client/src/features/responses/api/get-comments';
import type { ApiHandler } from '../../helpers/fake-api';
import { errorResponse, jsonResponse } from '../../helpers/fake-fetch';
import { REPLY_PATH } from '../responses/response-fixtures';

export const COMMENTS = `${REPLY_PATH}/comments`;

export function comment(overrides: Partial<ReviewComment> = {}): ReviewComment {
  return {
    id: '10000000-0000-4000-8000-000000000001',
    question: 'coordinator',
    body: 'Name the coordinating ministry, not the person.',
    author: 'Carl Consultant',
    at: '2025-03-04T10:30:00Z',
    resolvedAt: null,
    replyTo: null,
    resolvedBy: null,
    ...overrides,
  };
}

/**
 * The comment routes as the server keeps them: a comment posted joins the list (a reply takes its
 * thread's question), a PATCH resolves or re-opens one. `routes` goes into `stubReplyApi`.
 */
export function commentServer(initial: ReviewComment[], author = 'Carl Consultant') {
  const comments = structuredClone(initial);
  let next = 100;
  const idOf = (request: { url: string }) => request.url.split('?')[0]!.split('/').pop()!;
  const routes: Record<string, ApiHandler> = {
    [`GET ${COMMENTS}`]: () => jsonResponse(200, comments),
    [`POST ${COMMENTS}`]: (request) => {
      const body = JSON.parse(request.body ?? '{}') as { question?: string; body: string; replyTo?: string };
      const parent = comments.find((existing) => existing.id === body.replyTo);
      const created = comment({
        id: `10000000-0000-4000-8000-000000000${next++}`,
        question: parent ? parent.question : (body.question ?? null),
        body: body.body,
        author,
        at: '2025-03-06T09:15:00Z',
        replyTo: body.replyTo ?? null,
      });
      comments.push(created);
      return jsonResponse(201, created);
    },
  };
  // The routes are copied when the API is stubbed: those of comments posted later are made now.
  const ids = [...initial.map((existing) => existing.id), ...Array.from({ length: 10 }, (_, index) => `10000000-0000-4000-8000-000000000${100 + index}`)];
  for (const id of ids) {
    routes[`PATCH ${COMMENTS}/${id}`] = (request) => {
      const target = comments.find((found) => found.id === idOf(request));
      if (!target) return errorResponse(404, 'COMMENT_NOT_FOUND', 'There is no such comment on this response.');
      const { resolved } = JSON.parse(request.body ?? '{}') as { resolved: boolean };
      target.resolvedAt = resolved ? '2025-03-07T08:00:00Z' : null;
      target.resolvedBy = resolved ? author : null;
      return jsonResponse(200, target);
    };
  }
  return { comments, routes };
}
