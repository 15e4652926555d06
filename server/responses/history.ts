import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { notFound, unprocessable } from '../http/errors.js';
import { answerDiffer, type AnswerDiffer, type QuestionDiff } from '../questionnaire/answer-diff.js';
import type { Catalogue } from '../questionnaire/index.js';
import { auditRecord, AUDIT_CSV_COLUMNS } from './audit-csv.js';
import { auditReader, type AuditLine, type StoredAuditRevision } from './audit-trail.js';
import type { CsvRecords } from '../analysis/export/csv-encoder.js';
import { editingSessions, type HistoryItem } from './history-sessions.js';
import { resolveTarget, type QuestionnaireSource, type ResponseTarget } from './target.js';
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

/** A page of the audit: `pageSize` revisions before `before` (the newest without it). */
export type AuditPaging = { readonly before?: number | undefined; readonly pageSize: number };

/** How many revisions the audit CSV reads at a time. */
export const AUDIT_BATCH = 200;

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

  const auditColumns = ['rv.revision', 'rv.kind', 'rv.status', 'rv.author_name', 'rv.at', 'rv.changed', 'rv.data', 'rv.change'] as const;
  type AuditRow = { revision: number; kind: StoredAuditRevision['kind']; status: StoredAuditRevision['status']; author_name: string; at: Date; changed: string[]; data: Record<string, unknown> | null; change: StoredAuditRevision['change'] };
  const stored = (row: AuditRow): StoredAuditRevision => ({
    revision: row.revision,
    kind: row.kind,
    status: row.status,
    authorName: row.author_name,
    at: row.at,
    changed: row.changed,
    data: row.data,
    change: row.change,
  });

  /** The revisions first…last with their data or change, oldest first. */
  function auditRows(target: ResponseTarget, first: number, last: number): Promise<AuditRow[]> {
    return revisionsOf(target).select(auditColumns).where('rv.revision', '>=', first).where('rv.revision', '<=', last).orderBy('rv.revision').execute();
  }

  /**
   * The audit as the page shows it, newest first, a page of revisions at a time (keyset: the
   * revisions before `before`), so a reply with thousands of revisions is never read whole: a
   * page reads its revisions and those back to the snapshot its first one is rebuilt from (fewer
   * than SNAPSHOT_EVERY more, see revision-snapshots.ts).
   */
  async function auditPage(target: ResponseTarget, { before, pageSize }: AuditPaging) {
    const { questionnaire } = await resolveTarget(db, questionnaires, target);
    const [totals, shown] = await Promise.all([
      revisionsOf(target).select((eb) => [eb.fn.countAll<string>().as('count'), eb.fn.max('rv.revision').as('newest')]).executeTakeFirstOrThrow(),
      revisionsOf(target)
        .select('rv.revision')
        .$if(before !== undefined, (query) => query.where('rv.revision', '<', before!))
        .orderBy('rv.revision', 'desc')
        .limit(pageSize + 1)
        .execute(),
    ]);
    const page = shown.slice(0, pageSize);
    const common = { pageSize, totalRevisions: Number(totals.count), newestRevision: totals.newest ?? 0 };
    if (page.length === 0) return { ...common, items: [], nextBefore: null };
    const lowest = page.at(-1)!.revision;
    const highest = page[0]!.revision;
    // The data before the page's oldest revision is rebuilt from the latest snapshot before it.
    const snapshot = await revisionsOf(target).select((eb) => eb.fn.max('rv.revision').as('revision')).where('rv.revision', '<', lowest).where('rv.data', 'is not', null).executeTakeFirst();
    const read = auditReader(differFor(questionnaire.catalogue));
    const items: AuditLine[] = [];
    for (const row of await auditRows(target, snapshot?.revision ?? lowest, highest)) {
      const lines = read(stored(row));
      if (row.revision >= lowest) items.push(...lines);
    }
    return { ...common, items: items.reverse(), nextBefore: shown.length > pageSize ? lowest : null };
  }

  /**
   * The audit as CSV records, oldest first, the header first, and how many revisions there were
   * when it began: the questionnaire and the member state are checked before (a refusal is a 404,
   * not a broken download), then a batch of revisions is read at a time (keyset on the revision),
   * so the download streams however long the reply's history is.
   */
  async function auditCsv(target: ResponseTarget): Promise<{ revisions: number; records: AsyncGenerator<CsvRecords> }> {
    const { questionnaire } = await resolveTarget(db, questionnaires, target);
    const read = auditReader(differFor(questionnaire.catalogue));
    const { count } = await revisionsOf(target).select((eb) => eb.fn.countAll<string>().as('count')).executeTakeFirstOrThrow();
    async function* records(): AsyncGenerator<CsvRecords> {
      yield [AUDIT_CSV_COLUMNS];
      let after = 0;
      for (;;) {
        const rows = await revisionsOf(target).select(auditColumns).where('rv.revision', '>', after).orderBy('rv.revision').limit(AUDIT_BATCH).execute();
        if (rows.length === 0) return;
        yield rows.flatMap((row) => read(stored(row)).map(auditRecord));
        after = rows.at(-1)!.revision;
        if (rows.length < AUDIT_BATCH) return;
      }
    }
    return { revisions: Number(count), records: records() };
  }

  return { sessions, compare, auditPage, auditCsv };
}

/** A session's questions with their titles. */
function withTitles(item: HistoryItem, differ: AnswerDiffer) {
  if (item.type !== 'session') return item;
  return { ...item, questions: item.questions.map((question) => ({ question, title: differ.titleOf(question) })) };
}

export type ReplyHistory = ReturnType<typeof createReplyHistory>;
