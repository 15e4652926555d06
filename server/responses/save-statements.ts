import { sql, type Kysely, type Transaction } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import type { SessionUser } from '../auth/principal.js';
import type { Database, ResponseStatus, SurveyVersionStatus } from '../db/schema.js';
import type { Answers, Change, LaterRevision } from './merge.js';
import type { ResponseTarget } from './records.js';
import { isSnapshotSave } from './revision-snapshots.js';

/**
 * The statements of a save (save.ts). A round trip costs more than the work in any of them, so
 * a save that finds its response makes two: one read, one write. Neither moves the whole
 * document through Node: the read takes the current values of the keys the save touches, and
 * the write sends the change for PostgreSQL to apply.
 */

/** What a save decides on. */
export interface SaveView {
  readonly versionStatus: SurveyVersionStatus;
  readonly responseId: string;
  readonly status: ResponseStatus;
  readonly revision: number;
  /** The current values of the keys asked for; a key that is not answered is absent. */
  readonly current: Answers;
}

/**
 * In one statement, so from one snapshot, and without locks: the version status, the response,
 * the current values of `keys`, and the save revisions after `baseRevision` that changed one of
 * `questions`. Undefined when there is no response row. Another save may overtake what it shows
 * before the write, which is why writeSave checks the revision again.
 */
export async function readForSave(
  db: Kysely<Database>,
  target: ResponseTarget,
  keys: readonly string[],
  baseRevision: number,
  questions: readonly string[],
): Promise<(SaveView & { later: LaterRevision[] }) | undefined> {
  const row = await db
    .selectFrom('survey_versions as v')
    .innerJoin('responses as r', (join) => join.onRef('r.survey_id', '=', 'v.survey_id').onRef('r.version', '=', 'v.version'))
    .select((eb) => [
      'v.status as version_status',
      'r.id',
      'r.status',
      'r.revision',
      sql<Answers>`(select coalesce(jsonb_object_agg(e.key, e.value), '{}'::jsonb) from jsonb_each(r.data) as e where e.key = any(${[...keys]}::text[]))`.as('current'),
      jsonArrayFrom(
        eb
          .selectFrom('response_revisions as rv')
          .select(['rv.revision', 'rv.author', 'rv.author_name', 'rv.at', 'rv.changed'])
          .whereRef('rv.response_id', '=', 'r.id')
          .where('rv.revision', '>', baseRevision)
          .where('rv.kind', '=', 'save')
          .where('rv.changed', '&&', sql<string[]>`${[...questions]}::text[]`),
      ).as('later'),
    ])
    .where('v.survey_id', '=', target.surveyId)
    .where('v.version', '=', target.version)
    .where('r.member_state_code', '=', target.memberState)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    versionStatus: row.version_status,
    responseId: row.id,
    status: row.status,
    revision: row.revision,
    current: row.current,
    // Inside JSON the time is text.
    later: row.later.map((r) => ({ revision: r.revision, author: r.author, authorName: r.author_name, at: new Date(r.at), changed: r.changed })),
  };
}

/**
 * The version status under a share lock and the response row under its row lock, until the
 * transaction ends, in one statement; `current` is the whole data. Undefined when there is no
 * response row. A response row implies its member state exists (foreign key), so none is joined.
 */
export async function lockForSave(trx: Transaction<Database>, target: ResponseTarget): Promise<SaveView | undefined> {
  const row = await trx
    .selectFrom('survey_versions as v')
    .innerJoin('responses as r', (join) => join.onRef('r.survey_id', '=', 'v.survey_id').onRef('r.version', '=', 'v.version'))
    .select(['v.status as version_status', 'r.id', 'r.status', 'r.revision', 'r.data'])
    .where('v.survey_id', '=', target.surveyId)
    .where('v.version', '=', target.version)
    .where('r.member_state_code', '=', target.memberState)
    .forShare(['v'])
    .forUpdate(['r'])
    .executeTakeFirst();
  return row && { versionStatus: row.version_status, responseId: row.id, status: row.status, revision: row.revision, current: row.data };
}

/** The save revisions after `baseRevision` that changed one of `questions`, read under the response's row lock. */
export async function laterRevisions(trx: Transaction<Database>, responseId: string, baseRevision: number, questions: readonly string[]): Promise<LaterRevision[]> {
  const rows = await trx
    .selectFrom('response_revisions')
    .select(['revision', 'author', 'author_name', 'at', 'changed'])
    .where('response_id', '=', responseId)
    .where('revision', '>', baseRevision)
    .where('kind', '=', 'save')
    // Only a revision that changed one of these questions can overlap; an editor whose base
    // lags far behind would otherwise read (and parse) every revision since, on every save.
    .where('changed', '&&', sql<string[]>`${[...questions]}::text[]`)
    .execute();
  return rows.map((r) => ({ revision: r.revision, author: r.author, authorName: r.author_name, at: r.at, changed: r.changed }));
}

/**
 * A save's write, in one statement: the change applied to the response's data (the same
 * top-level replace as merge.ts applyChange), its new revision, and the revision row with the
 * change — a snapshot revision (see revision-snapshots.ts) copies the data just written. Only if
 * the response is still at `revision` and its version open, read under a share lock so that
 * closing a version waits for the saves already running. False: overtaken, nothing written.
 */
export async function writeSave(
  db: Kysely<Database>,
  save: {
    target: ResponseTarget;
    responseId: string;
    revision: number;
    status: ResponseStatus;
    change: Change;
    changed: readonly string[];
    author: SessionUser;
  },
): Promise<boolean> {
  const { target, change, author } = save;
  const revision = save.revision + 1;
  const result = await db
    .with('saved', (qb) =>
      qb
        .updateTable('responses')
        .set({
          data: sql<string>`(data || ${JSON.stringify(change.set)}::jsonb) - ${[...change.unset]}::text[]`,
          revision,
          updated_at: sql<Date>`now()`,
          updated_by: author.id,
        })
        .where('id', '=', save.responseId)
        .where('revision', '=', save.revision)
        .where(({ exists, selectFrom }) =>
          exists(
            selectFrom('survey_versions')
              .select('status')
              .where('survey_id', '=', target.surveyId)
              .where('version', '=', target.version)
              .where('status', '=', 'open')
              .forShare(),
          ),
        )
        .returning(['id', 'data']),
    )
    .insertInto('response_revisions')
    .columns(['response_id', 'revision', 'status', 'data', 'change', 'changed', 'author', 'author_name', 'kind'])
    .expression((eb) =>
      eb
        .selectFrom('saved')
        .select([
          'saved.id',
          sql<number>`${revision}::integer`.as('revision'),
          sql<ResponseStatus>`${save.status}::text`.as('status'),
          isSnapshotSave(revision) ? 'saved.data' : sql<null>`null::jsonb`.as('data'),
          sql<string>`${JSON.stringify({ set: change.set, unset: change.unset })}::jsonb`.as('change'),
          sql<string[]>`${[...save.changed]}::text[]`.as('changed'),
          sql<string>`${author.id}::uuid`.as('author'),
          sql<string>`${author.name}::text`.as('author_name'),
          sql<'save'>`'save'`.as('kind'),
        ]),
    )
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}
