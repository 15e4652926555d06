import { sql, type Kysely } from 'kysely';
import type { Database, ResponseStatus } from '../db/schema.js';

/**
 * What a reply's revision settles once and for all: its answers (hence its progress), who made it
 * and when, and whether the reply had been returned before it.
 */
export interface RevisionDetails {
  data: Record<string, unknown>;
  lastActivity: { at: Date; by: string } | null;
  returnedBefore: boolean;
}

export interface BoardReply {
  id: string;
  status: ResponseStatus;
  revision: number;
  submittedAt: Date | null;
  openComments: number;
  daysSinceSubmission: number | null;
  /** Null when the caller said it knows this revision (see readBoard). */
  details: RevisionDetails | null;
}

/** One member state's line of the board as the database has it. */
export interface BoardRecord {
  code: string;
  name: string;
  active: boolean;
  /** Null: no reply yet. */
  reply: BoardReply | null;
}

const SECONDS_PER_DAY = 86_400;

/**
 * Every member state's reply to one version with what the board shows beside it, in one
 * statement however many states there are. Active states without a reply come as rows with
 * nulls; inactive ones only with a reply, as `GET …/responses` lists them, in the member states'
 * order. Open comments are counted by the responses list's rule; days are whole 24-hour periods
 * on the database's clock, the one that stamped `submitted_at`.
 *
 * `knownRevisions` (response id → revision) names the replies whose revision details the caller
 * has already: for those still at that revision the statement reads neither their answers nor
 * their revision rows, so that a board of 1,000 replies does not carry 1,000 documents out of the
 * database to recompute what is known. Measured, that and keeping the answers out of the joins'
 * hash tables (they are read by key, per reply) were most of the statement's time.
 *
 * The order is numbered in SQL (the database's collation, as the responses list sorts) over the
 * narrow member-state rows and applied here, so that no sort handles the answers either.
 */
export async function readBoard(
  db: Kysely<Database>,
  surveyId: string,
  version: number,
  knownRevisions: Readonly<Record<string, number>> = {},
): Promise<BoardRecord[]> {
  // The reply's revision is among those the caller knows. A hashed subplan, built once per run
  // whatever the plan's estimates: planned generically (the statements are prepared), a join
  // with the list was estimated at 10 rows and rescanned it for every reply.
  const known = sql<boolean>`(r.id, r.revision) in (select * from unnest(${Object.keys(knownRevisions)}::uuid[], ${Object.values(knownRevisions)}::integer[]))`;
  const unknown = sql<boolean>`(r.id is not null and not coalesce(${known}, false))`;
  // Per reply by key, and only where needed, so that neither a thousand documents nor a whole
  // history goes through a join's hash table.
  const latestRevision = (column: 'at' | 'author_name') =>
    sql`(select latest.${sql.ref(column)} from response_revisions latest where latest.response_id = r.id and latest.revision = r.revision)`;
  const rows = await db
    .selectFrom((eb) =>
      eb
        .selectFrom('member_states')
        .select(['code', 'name', 'active', sql<string>`row_number() over (order by sort_order, code)`.as('position')])
        .as('ms'),
    )
    .leftJoin('responses as r', (join) =>
      join.onRef('r.member_state_code', '=', 'ms.code').on('r.survey_id', '=', surveyId).on('r.version', '=', version),
    )
    .select([
      'ms.code',
      'ms.name',
      'ms.active',
      'ms.position',
      'r.id',
      'r.status',
      'r.revision',
      'r.submitted_at',
      sql<boolean>`coalesce(${known}, false)`.as('known'),
      sql<Record<string, unknown> | null>`case when ${unknown} then (select answers.data from responses answers where answers.id = r.id) end`.as('data'),
      sql<Date | null>`case when ${unknown} then ${latestRevision('at')} end`.as('last_at'),
      sql<string | null>`case when ${unknown} then ${latestRevision('author_name')} end`.as('last_by'),
      sql<boolean>`${unknown} and exists (
        select 1 from response_revisions earlier where earlier.response_id = r.id and earlier.status = 'returned'
      )`.as('returned_before'),
      // The same rule as the delegate's home (GET …/responses): every unresolved comment, replies included.
      sql<string | null>`(select count(*) from review_comments c where c.response_id = r.id and c.resolved_at is null)`.as('open_comments'),
      sql<number | null>`case when r.status = 'submitted'
        then floor(extract(epoch from (now() - r.submitted_at)) / ${SECONDS_PER_DAY})::integer end`.as('days_since_submission'),
    ])
    .where((eb) => eb.or([eb('ms.active', '=', true), eb('r.id', 'is not', null)]))
    .execute();
  return rows
    .sort((a, b) => Number(a.position) - Number(b.position))
    .map((row) => ({
      code: row.code,
      name: row.name,
      active: row.active,
      reply:
        row.id === null || row.status === null || row.revision === null
          ? null
          : {
              id: row.id,
              status: row.status,
              revision: row.revision,
              submittedAt: row.submitted_at,
              openComments: Number(row.open_comments ?? 0),
              daysSinceSubmission: row.days_since_submission,
              details:
                row.known || row.data === null
                  ? null
                  : {
                      data: row.data,
                      // A reply row is written together with its first revision (one statement or one transaction).
                      lastActivity: row.last_at !== null && row.last_by !== null ? { at: row.last_at, by: row.last_by } : null,
                      returnedBefore: row.returned_before,
                    },
            },
    }));
}
