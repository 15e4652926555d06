import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database, ResponseStatus } from '../db/schema.js';
import type { Catalogue } from '../questionnaire/index.js';

/**
 * Reading the replies an analysis counts, in one statement: every member state (in the usual
 * order) with its reply to the version, and for the replies whose status counts only the data
 * keys the chosen columns read — a named table's handful of keys, not ~9 KB documents.
 */

export type MemberStateRow = {
  readonly code: string;
  readonly name: string;
  readonly active: boolean;
};

export type ReplyRow = {
  /** The response's random id (aliases for publication follow it). */
  readonly id: string;
  readonly status: ResponseStatus;
  readonly revision: number;
  readonly submittedAt: Date | null;
  /** The selected data keys (absent keys as null); null when the status does not count. */
  readonly data: Record<string, unknown> | null;
};

/** A member state and its reply to the version, if it has one. */
export type StateReply = MemberStateRow & { readonly reply: ReplyRow | null };

/** A state with a reply whose status counts. */
export type CountedReply = MemberStateRow & { readonly reply: ReplyRow & { readonly data: Record<string, unknown> } };

export type RepliesRead = {
  /** Every active state, and inactive states with a reply, in member-state order. */
  readonly states: readonly StateReply[];
  readonly counted: readonly CountedReply[];
};

export type ReplyQuery = {
  readonly surveyId: string;
  readonly version: number;
  readonly statuses: readonly ResponseStatus[];
  /** Top-level data keys to read; null for the whole data. */
  readonly keys: readonly string[] | null;
  /** Every top-level key the version's data may hold (dataKeys of its whole catalogue): see dataSelection. */
  readonly known?: readonly string[];
};

/** jsonb_build_object takes at most 100 arguments: 50 key/value pairs a call, joined with ||. */
const PAIRS_PER_CALL = 50;

export async function readReplies(db: Kysely<Database>, query: ReplyQuery): Promise<RepliesRead> {
  const counts = sql`r.status = any(${sql.val([...query.statuses])}::text[])`;
  const rows = await sql<{
    code: string;
    name: string;
    active: boolean;
    sort_order: number;
    id: string | null;
    status: ResponseStatus | null;
    revision: number | null;
    submitted_at: Date | null;
    data: Record<string, unknown> | null;
  }>`
    select m.code, m.name, m.active, m.sort_order, r.id, r.status, r.revision, r.submitted_at,
           case when ${counts} then ${dataSelection(query.keys, query.known)} end as data
    from member_states m
    left join responses r on r.member_state_code = m.code and r.survey_id = ${query.surveyId} and r.version = ${query.version}
    where m.active or r.id is not null`.execute(db);

  // Sorted here: in SQL the sort would carry every row's data (and spill to disk past work_mem).
  const ordered = rows.rows.sort((a, b) => a.sort_order - b.sort_order || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const states: StateReply[] = ordered.map((row) => ({
    code: row.code,
    name: row.name,
    active: row.active,
    reply:
      row.id === null || row.status === null
        ? null
        : { id: row.id, status: row.status, revision: row.revision ?? 0, submittedAt: row.submitted_at, data: row.data },
  }));
  const counted = states.filter((state): state is CountedReply => state.reply !== null && state.reply.data !== null);
  return { states, counted };
}

/**
 * The reply's data cut down to `keys` (null: all of it), as a jsonb column of a statement over
 * `responses r`. With the version's `known` keys, the others are cut out
 * with one `data - text[]`: PostgreSQL decompresses a stored document once for that, but once
 * per `data -> key` (ten keys of 10,000 replies: 0.5 s instead of 0.1 s), and the statement's
 * text stays the same whatever the keys, so it is prepared once.
 */
export function dataSelection(keys: readonly string[] | null, known?: readonly string[]): RawBuilder<unknown> {
  if (keys === null) return sql`r.data`;
  if (known !== undefined) {
    const keep = new Set(keys);
    return sql`r.data - ${sql.val(known.filter((key) => !keep.has(key)))}::text[]`;
  }
  if (keys.length === 0) return sql`'{}'::jsonb`;
  const calls: RawBuilder<unknown>[] = [];
  for (let start = 0; start < keys.length; start += PAIRS_PER_CALL) {
    const pairs = keys.slice(start, start + PAIRS_PER_CALL).map((key) => sql`${key}::text, r.data -> ${key}::text`);
    calls.push(sql`jsonb_build_object(${sql.join(pairs)})`);
  }
  return sql.join(calls, sql` || `);
}

/**
 * The top-level data keys a catalogue's variables read: each question's own key, its
 * `-Comment` key where it has one, a repeat's array.
 */
export function dataKeys(catalogue: Catalogue, extra: readonly (string | undefined)[] = []): string[] {
  const keys = new Set<string>();
  for (const variable of catalogue.variables) {
    const key = variable.repeat?.question ?? variable.path[0];
    if (key !== undefined) keys.add(key);
  }
  for (const key of extra) if (key !== undefined) keys.add(key);
  return [...keys];
}
