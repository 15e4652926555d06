import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { notFound, unprocessable } from '../http/errors.js';
import { answerDiffer, type AnswerDiffer, type QuestionDiff } from '../questionnaire/answer-diff.js';
import type { Catalogue } from '../questionnaire/index.js';
import { auditLines, type AuditLine } from './audit-trail.js';
import { editingSessions, type HistoryItem } from './history-sessions.js';
import { resolveTarget, type QuestionnaireSource, type ResponseTarget } from './records.js';
import type { ResponsesService } from './service.js';

/**
 * A reply's history for the people who review it (issue 11, items 5–7): editing sessions and
 * milestones, the comparison of two revisions, and the audit of every change. Extensions of
 * API.md's revisions routes, with the same access (see history-routes.ts).
 */

export interface ReplyHistoryDeps {
  readonly db: Kysely<Database>;
  readonly questionnaires: QuestionnaireSource;
  /** Rebuilds the data at a revision, as GET …/revisions/{n} answers it. */
  readonly responses: Pick<ResponsesService, 'revision'>;
}

export type Paging = { readonly page: number; readonly pageSize: number };

export type RevisionInfo = { revision: number; kind: string; status: string; author: string; at: Date };

/** A compiled questionnaire's catalogue lives as long as its version is cached: one differ each. */
const differs = new WeakMap<Catalogue, AnswerDiffer>();
function differFor(catalogue: Catalogue): AnswerDiffer {
  let differ = differs.get(catalogue);
  if (!differ) differs.set(catalogue, (differ = answerDiffer(catalogue)));
  return differ;
}

function page<T>(items: readonly T[], { page, pageSize }: Paging) {
  return { page, pageSize, totalItems: items.length, totalPages: Math.ceil(items.length / pageSize), items: items.slice((page - 1) * pageSize, page * pageSize) };
}

export function createReplyHistory({ db, questionnaires, responses }: ReplyHistoryDeps) {
  function revisionsOf(target: ResponseTarget) {
    return db
      .selectFrom('response_revisions as rv')
      .innerJoin('responses as r', 'r.id', 'rv.response_id')
      .where('r.survey_id', '=', target.surveyId)
      .where('r.version', '=', target.version)
      .where('r.member_state_code', '=', target.memberState);
  }

  /** Sessions and milestones, newest first, a page of them; the revisions are read once, without their data. */
  async function sessions(target: ResponseTarget, paging: Paging) {
    const { questionnaire } = await resolveTarget(db, questionnaires, target);
    const differ = differFor(questionnaire.catalogue);
    const rows = await revisionsOf(target)
      .select(['rv.revision', 'rv.kind', 'rv.status', 'rv.author', 'rv.author_name', 'rv.at', 'rv.changed'])
      .orderBy('rv.revision')
      .execute();
    const order = new Map(differ.questions.map((question, index) => [question, index]));
    const items = editingSessions(
      rows.map((row) => ({ revision: row.revision, kind: row.kind, status: row.status, author: row.author, authorName: row.author_name, at: row.at, changed: row.changed })),
      order,
    ).reverse();
    const lastOf = (kind: string) => rows.findLast((row) => row.kind === kind)?.revision ?? null;
    return {
      ...page(items.map((item) => withTitles(item, differ)), paging),
      totalRevisions: rows.length,
      totalSessions: items.filter((item) => item.type === 'session').length,
      latestRevision: rows.at(-1)?.revision ?? 0,
      lastSubmitted: lastOf('submit'),
      lastReturned: lastOf('return'),
    };
  }

  /** What changed from one revision to another (0: before the first), question by question. */
  async function compare(target: ResponseTarget, from: number, to: number, all: boolean) {
    const { questionnaire } = await resolveTarget(db, questionnaires, target);
    const wanted = [...new Set([from, to].filter((revision) => revision > 0))];
    const infos = await revisionsOf(target)
      .select(['rv.revision', 'rv.kind', 'rv.status', 'rv.author_name', 'rv.at'])
      .where('rv.revision', 'in', wanted)
      .execute();
    const info = new Map(infos.map((row) => [row.revision, { revision: row.revision, kind: row.kind, status: row.status, author: row.author_name, at: row.at }]));
    for (const revision of wanted) if (!info.has(revision)) throw notFound('REVISION_NOT_FOUND', `The response has no revision ${revision}.`);
    if (from > to) {
      throw unprocessable('INVALID_REVISION_RANGE', 'from must be a revision before to (or the same one).', [{ parameter: 'from', message: 'after to' }]);
    }
    const before = from === 0 ? {} : (await responses.revision(target, from)).data;
    const after = (await responses.revision(target, to)).data;
    const questions: QuestionDiff[] = differFor(questionnaire.catalogue).diff(before, after, { all });
    return { from: info.get(from) ?? null, to: info.get(to)!, changedCount: questions.filter((question) => question.changed).length, questions };
  }

  /** Every change, oldest first. */
  async function audit(target: ResponseTarget): Promise<AuditLine[]> {
    const { questionnaire } = await resolveTarget(db, questionnaires, target);
    const rows = await revisionsOf(target)
      .select(['rv.revision', 'rv.kind', 'rv.status', 'rv.author_name', 'rv.at', 'rv.changed', 'rv.data', 'rv.change'])
      .orderBy('rv.revision')
      .execute();
    return auditLines(
      rows.map((row) => ({ revision: row.revision, kind: row.kind, status: row.status, authorName: row.author_name, at: row.at, changed: row.changed, data: row.data, change: row.change })),
      differFor(questionnaire.catalogue),
    );
  }

  /** The audit as the page shows it: newest first, a page of lines. */
  async function auditPage(target: ResponseTarget, paging: Paging) {
    return page((await audit(target)).reverse(), paging);
  }

  return { sessions, compare, audit, auditPage };
}

/** A session's questions with their titles. */
function withTitles(item: HistoryItem, differ: AnswerDiffer) {
  if (item.type !== 'session') return item;
  return { ...item, questions: item.questions.map((question) => ({ question, title: differ.titleOf(question) })) };
}

export type ReplyHistory = ReturnType<typeof createReplyHistory>;
