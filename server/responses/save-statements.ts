import { sql, type Kysely, type Transaction } from 'kysely';
import type { SessionUser } from '../auth/principal.js';
import type { Database, ResponseStatus, SurveyVersionStatus } from '../db/schema.js';
import type { Answers, Change, LaterRevision } from './merge.js';
import type { ResponseTarget } from './records.js';
import { isSnapshotSave } from './revision-snapshots.js';

/**
 * The statements of a save (save.ts). A round trip costs more than the work in any of them, so
 * a save that finds its response at its base revision makes one (saveAtBase reads and writes),
 * and one behind it two (saveAtBase reads, writeSave writes). None moves the whole document
 * through Node: the read takes the current values of the keys the save touches, and the write
 * sends the change for PostgreSQL to apply.
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

/** A save of an existing response as save.ts asks for it: the change requested, and what it touches. */
export interface SaveAtBase {
  readonly baseRevision: number;
  readonly requested: Change;
  /** Every key the request sets or unsets, and the question each belongs to, pairwise. */
  readonly keys: readonly string[];
  readonly keyQuestions: readonly string[];
  /** The questions the request touches, sorted, once each (merge.ts changedQuestions). */
  readonly questions: readonly string[];
  /** The keys whose current values the decision needs (save.ts keysToRead). */
  readonly readKeys: readonly string[];
  readonly author: SessionUser;
}

/**
 * Autosave's common case in one statement: an editor saving on the revision the response is at.
 * It reads, from one snapshot and without locks, the version status, the response, the current
 * values of `readKeys` and the save revisions after the base that changed one of `questions`;
 * and when the response is at `baseRevision`, open for changes and the change differs from the
 * current answers, it also writes the change — exactly what decideSave and writeSave would do
 * then — and answers `written`. Otherwise it writes nothing and save.ts decides from what was
 * read, as before (a merge, a conflict, a lock, nothing to change). Undefined: no response row.
 *
 * Why one statement: on this path a round trip costs Node and PostgreSQL more than the work in
 * it (bench/BENCHMARKS.md), and an editor at the current revision needs no decision that the
 * database cannot make. The write rechecks the revision on the row it updates, so a save that
 * lands in between makes this one write nothing, never a second revision with the same number.
 */
export async function saveAtBase(db: Kysely<Database>, target: ResponseTarget, save: SaveAtBase): Promise<(SaveView & { later: LaterRevision[]; written: boolean }) | undefined> {
  const { baseRevision, requested, author } = save;
  const revision = baseRevision + 1;
  const { rows } = await sql<{
    version_status: SurveyVersionStatus;
    id: string;
    status: ResponseStatus;
    revision: number;
    current: Answers;
    later: { revision: number; author: string | null; author_name: string; at: string; changed: string[] }[];
    written: boolean;
  }>`
    with target as materialized (
      select v.status as version_status, r.id, r.status, r.revision, r.data
      from survey_versions as v
      join responses as r on r.survey_id = v.survey_id and r.version = v.version
      where v.survey_id = ${target.surveyId} and v.version = ${target.version} and r.member_state_code = ${target.memberState}
    ),
    -- merge.ts effectiveChange: set what differs (jsonb equality, as sameJson), unset what is there.
    effective as (
      select
        (select coalesce(jsonb_object_agg(s.key, s.value), '{}'::jsonb)
           from jsonb_each(${JSON.stringify(requested.set)}::jsonb) as s
           where t.data -> s.key is distinct from s.value) as set,
        array(select u.key from unnest(${[...new Set(requested.unset)]}::text[]) with ordinality as u(key, n)
           where t.data ? u.key order by u.n) as unset
      from target as t
      where t.revision = ${baseRevision} and t.version_status = 'open' and t.status in ('draft', 'returned')
    ),
    saved as (
      update responses as r
      set data = (r.data || e.set) - e.unset, revision = ${revision}, updated_at = now(), updated_by = ${author.id}
      from target as t, effective as e
      where r.id = t.id and r.revision = ${baseRevision} and r.status in ('draft', 'returned')
        and (e.set <> '{}'::jsonb or cardinality(e.unset) > 0)
        -- Under a share lock, as in writeSave: closing a version waits for the saves running.
        and exists (select from survey_versions as v
                    where v.survey_id = ${target.surveyId} and v.version = ${target.version} and v.status = 'open' for share)
      returning r.id, r.status, r.data
    ),
    written as (
      insert into response_revisions (response_id, revision, status, data, change, changed, author, author_name, kind)
      select s.id, ${revision}, s.status, ${isSnapshotSave(revision) ? sql`s.data` : sql`null::jsonb`},
        jsonb_build_object('set', e.set, 'unset', to_jsonb(e.unset)),
        -- merge.ts changedQuestions of the effective change: the questions (given sorted) of its keys.
        array(select q.name from unnest(${[...save.questions]}::text[]) with ordinality as q(name, n)
              where exists (select from unnest(${[...save.keys]}::text[], ${[...save.keyQuestions]}::text[]) as k(key, question)
                            where k.question = q.name and (e.set ? k.key or k.key = any(e.unset)))
              order by q.n),
        ${author.id}::uuid, ${author.name}::text, 'save'
      from saved as s, effective as e
      returning revision
    )
    select t.version_status, t.id, t.status, t.revision,
      (select coalesce(jsonb_object_agg(k.key, t.data -> k.key), '{}'::jsonb)
         from unnest(${[...save.readKeys]}::text[]) as k(key) where t.data ? k.key) as current,
      (select coalesce(json_agg(json_build_object('revision', rv.revision, 'author', rv.author, 'author_name', rv.author_name, 'at', rv.at, 'changed', rv.changed)), '[]'::json)
         from response_revisions as rv
         where rv.response_id = t.id and rv.revision > ${baseRevision} and rv.kind = 'save' and rv.changed && ${[...save.questions]}::text[]) as later,
      exists (select from written) as written
    from target as t
  `.execute(db);
  const row = rows[0];
  if (!row) return undefined;
  return {
    versionStatus: row.version_status,
    responseId: row.id,
    status: row.status,
    revision: row.revision,
    current: row.current,
    // Inside JSON the time is text.
    later: row.later.map((r) => ({ revision: r.revision, author: r.author, authorName: r.author_name, at: new Date(r.at), changed: r.changed })),
    written: row.written,
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
