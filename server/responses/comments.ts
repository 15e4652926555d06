import { sql } from 'kysely';
import { notFound, unprocessable } from '../http/errors.js';
import { isCommentableQuestion } from '../review/comment-questions.js';
import { cleanMessage } from './messages.js';
import { findResponseId } from './response-rows.js';
import { resolveTarget, type Actor, type ResponseTarget } from './target.js';
import type { ResponsesDeps } from './service.js';

export interface ReviewComment {
  id: string;
  /** A question name (`panel.<entry>.<field>` in a dynamic panel), or null for the whole response. */
  question: string | null;
  body: string;
  author: string;
  at: Date;
  resolvedAt: Date | null;
  /** Extras beyond the contract: */
  replyTo: string | null;
  resolvedBy: string | null;
}

export interface NewComment {
  question?: string | null | undefined;
  body: string;
  replyTo?: string | undefined;
}

/**
 * Review comments on a response: consultants comment on a question or the whole response,
 * delegates answer (replyTo) and resolve them. Who may write is decided by the routes.
 */
export function createCommentsService({ db, questionnaires }: ResponsesDeps) {
  function commentsQuery() {
    return db
      .selectFrom('review_comments as c')
      .leftJoin('users as rb', 'rb.id', 'c.resolved_by')
      .select(['c.id', 'c.question', 'c.body', 'c.author_name', 'c.at', 'c.resolved_at', 'c.reply_to', 'rb.name as resolved_by_name']);
  }

  async function list(target: ResponseTarget): Promise<ReviewComment[]> {
    await resolveTarget(db, questionnaires, target);
    const responseId = await findResponseId(db, target);
    if (!responseId) return [];
    const rows = await commentsQuery().where('c.response_id', '=', responseId).orderBy('c.at').orderBy('c.id').execute();
    return rows.map(toComment);
  }

  /** 404 without a response → 422 for a blank body, an unknown question or reply target. */
  async function create(target: ResponseTarget, actor: Actor, input: NewComment): Promise<ReviewComment> {
    const { questionnaire } = await resolveTarget(db, questionnaires, target);
    const responseId = await findResponseId(db, target);
    if (!responseId) throw notFound('RESPONSE_NOT_FOUND', 'There is no response to comment on yet.');
    const body = cleanMessage(input.body, 'INVALID_COMMENT', 'A comment');
    let question = input.question ?? null;
    if (question !== null && !isCommentableQuestion(questionnaire.catalogue, question)) {
      throw unprocessable('UNKNOWN_QUESTION', 'The questionnaire version has no such question.', [{ question, message: 'unknown question' }]);
    }
    if (input.replyTo !== undefined) {
      const parent = await db
        .selectFrom('review_comments')
        .select(['id', 'question'])
        .where('id', '=', input.replyTo)
        .where('response_id', '=', responseId)
        .executeTakeFirst();
      if (!parent) throw unprocessable('UNKNOWN_COMMENT', 'The comment answered is not a comment on this response.');
      // A reply belongs to the thread's question.
      if (input.question !== undefined && question !== parent.question) {
        throw unprocessable('INVALID_REPLY', 'A reply is about the same question as the comment it answers.');
      }
      question = parent.question;
    }
    const created = await db
      .insertInto('review_comments')
      .values({ response_id: responseId, question, body, author: actor.user.id, author_name: actor.user.name, reply_to: input.replyTo ?? null })
      .returning('id')
      .executeTakeFirstOrThrow();
    return get(created.id);
  }

  /** Resolves (or, with false, reopens) a comment; resolving twice keeps the first time and person. */
  async function setResolved(target: ResponseTarget, actor: Actor, commentId: string, resolved: boolean): Promise<ReviewComment> {
    await resolveTarget(db, questionnaires, target);
    const responseId = await findResponseId(db, target);
    const updated = responseId
      ? await db
          .updateTable('review_comments')
          .set(
            resolved
              ? { resolved_at: sql<Date>`coalesce(resolved_at, now())`, resolved_by: sql<string>`case when resolved_at is null then ${actor.user.id}::uuid else resolved_by end` }
              : { resolved_at: null, resolved_by: null },
          )
          .where('id', '=', commentId)
          .where('response_id', '=', responseId)
          .returning('id')
          .executeTakeFirst()
      : undefined;
    if (!updated) throw notFound('COMMENT_NOT_FOUND', 'There is no such comment on this response.');
    return get(updated.id);
  }

  async function get(id: string): Promise<ReviewComment> {
    return toComment(await commentsQuery().where('c.id', '=', id).executeTakeFirstOrThrow());
  }

  return { list, create, setResolved };
}

function toComment(row: {
  id: string;
  question: string | null;
  body: string;
  author_name: string;
  at: Date;
  resolved_at: Date | null;
  reply_to: string | null;
  resolved_by_name: string | null;
}): ReviewComment {
  return {
    id: row.id,
    question: row.question,
    body: row.body,
    author: row.author_name,
    at: row.at,
    resolvedAt: row.resolved_at,
    replyTo: row.reply_to,
    resolvedBy: row.resolved_by_name,
  };
}
