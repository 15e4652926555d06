import { sql, type Kysely, type Transaction } from 'kysely';
import type { SessionUser } from '../auth/principal.js';
import type { Database, ResponseStatus, SurveyVersionStatus } from '../db/schema.js';
import type { DataKeys } from '../questionnaire/index.js';
import { changedKeys, changedQuestions, effectiveChange, isEmptyChange, type Answers, type Change, type LaterRevision } from './merge.js';
import { isSnapshotSave } from './revision-snapshots.js';
import { isEditableStatus, isOpenVersion, takesNewResponses, versionOpenForShare } from './save-conditions.js';
import { isTargetResponse, type ResponseTarget } from './target.js';

/**
 * The statements of a save (save.ts). A round trip costs more than the work in any of them, so
 * a first save makes one (startWithSave), a save that finds its response at its base revision
 * one (saveAtBase reads and writes), and one behind it two (saveAtBase reads, writeSave writes).
 * The conditions under which each writes are those of save-conditions.ts. None moves the whole document
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
  /** The keys whose current values the decision needs. */
  readonly readKeys: readonly string[];
  readonly author: SessionUser;
}

/** A first save as save.ts asks for it: every answer it sets, and the questions of their keys. */
export interface FirstSave {
  readonly set: Answers;
  /** The questions of the keys of `set`, sorted, once each (merge.ts changedQuestions). */
  readonly changed: readonly string[];
  readonly author: SessionUser;
}

/** The first save of `requested` from revision 0, or undefined when it sets nothing (and so creates no response). */
export function firstSaveOf(requested: Change, questionOf: DataKeys['questionOf'], author: SessionUser): FirstSave | undefined {
  // From revision 0 the effective change is the whole of `set`: there is nothing to unset.
  const change = effectiveChange({}, requested);
  return isEmptyChange(change) ? undefined : { set: change.set, changed: changedQuestions(change, questionOf), author };
}

/**
 * A whole response's first save in one statement: the response row inserted with the answers at
 * revision 1, and its revision (a snapshot, see revision-snapshots.ts) — exactly what the long
 * way (lockOrStart, then writeSave) would write for a save from revision 0 that sets something,
 * and only when that way would write it: the member state takes new responses, the version is
 * open (under a share lock, as every save reads it) and there is no response row yet. True when
 * written; false leaves the database as it was, for the other paths to decide (a 404, a lock, a
 * row a colleague's first save created). The caller has checked the values (saveProblems).
 *
 * Why: ingest tools send a complete response in one PATCH from revision 0, and on the long way
 * its ten round trips cost more than the write.
 */
export async function startWithSave(db: Kysely<Database>, target: ResponseTarget, save: FirstSave): Promise<boolean> {
  const { rows } = await sql<{ written: boolean }>`
    with started as (
      insert into responses (survey_id, version, member_state_code, data, revision, updated_at, updated_by)
      select ${target.surveyId}, ${target.version}, m.code, ${JSON.stringify(save.set)}::jsonb, 1, now(), ${save.author.id}::uuid
      from member_states as m
      where m.code = ${target.memberState} and ${takesNewResponses('m.active')} and ${versionOpenForShare(target)}
      on conflict (survey_id, version, member_state_code) do nothing
      returning id, status, data
    ),
    written as (
      insert into response_revisions (response_id, revision, status, data, change, changed, author, author_name, kind)
      select s.id, 1, s.status, ${isSnapshotSave(1) ? sql`s.data` : sql`null::jsonb`}, jsonb_build_object('set', s.data, 'unset', '[]'::jsonb),
        ${[...save.changed]}::text[], ${save.author.id}::uuid, ${save.author.name}::text, 'save'
      from started as s
      returning revision
    )
    select exists (select from written) as written
  `.execute(db);
  return rows[0]?.written === true;
}

/** The SaveAtBase of a requested change. */
export function saveAtBaseOf(baseRevision: number, requested: Change, dataKeys: Pick<DataKeys, 'questionOf' | 'commentKeyOf'>, author: SessionUser): SaveAtBase {
  const questions = changedQuestions(requested, dataKeys.questionOf);
  const keys = changedKeys(requested);
  return {
    baseRevision,
    requested,
    keys,
    keyQuestions: keys.map(dataKeys.questionOf),
    questions,
    // Each question touched with its "other" text: an edit conflict shows both.
    readKeys: [...new Set([...keys, ...questions, ...questions.map(dataKeys.commentKeyOf)])],
    author,
  };
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
      where ${isTargetResponse(target, 'r')}
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
      where t.revision = ${baseRevision} and ${isOpenVersion('t.version_status')} and ${isEditableStatus('t.status')}
    ),
    saved as (
      update responses as r
      set data = (r.data || e.set) - e.unset, revision = ${revision}, updated_at = now(), updated_by = ${author.id}
      from target as t, effective as e
      where r.id = t.id and r.revision = ${baseRevision} and ${isEditableStatus('r.status')}
        and (e.set <> '{}'::jsonb or cardinality(e.unset) > 0)
        and ${versionOpenForShare(target)}
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
    .where(isTargetResponse(target, 'r'))
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
        .where(versionOpenForShare(target))
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
