import { sql } from 'kysely';
import type { ResponseStatus } from '../../db/schema.js';
import { compareAliases, consentOf, consentQuestion, publicationView } from '../../questionnaire/index.js';
import type { Audience, Catalogue, RepeatCounts, Shown } from '../../questionnaire/index.js';
import { dataSelection } from '../replies.js';
import { cursorPages, FETCH_SIZE, type CursorOptions, type Snapshot } from './snapshot-cursor.js';

/**
 * The replies a download counts, read inside its snapshot: the dynamic-panel entry counts for
 * its header, who each reply is shown as (the publication view), and the replies themselves
 * through a cursor, in the order the comparison shows them — member-state order, then for
 * publication the anonymised replies in the order of their aliases (analysis/service.ts).
 */

export type ReplyScope = {
  readonly surveyId: string;
  readonly version: number;
  readonly statuses: readonly ResponseStatus[];
  /** Top-level data keys to read; null for the whole data. */
  readonly keys: readonly string[] | null;
  /** Every top-level key the version's data may hold, so that the others are cut out at once (replies.ts, dataSelection). */
  readonly known: readonly string[];
};

/**
 * A counted reply as a download shows it: for publication an anonymised state is its alias. Its
 * data parsed, or as JSON text for a worker thread to parse (csv-lines.ts).
 */
export type ShownReply<Data = Record<string, unknown>> = {
  readonly id: string;
  readonly memberState: string;
  readonly memberStateName: string;
  readonly status: ResponseStatus;
  readonly revision: number;
  readonly submittedAt: Date | null;
  readonly data: Data;
};

/** How a reply's data is read: parsed by the driver, or left as JSON text. */
export type DataAs = 'parsed' | 'text';
type DataOf<As extends DataAs> = As extends 'text' ? string : Record<string, unknown>;

/** Who each counted reply appears as; for analysis every one by name. */
export type Presentation =
  | { readonly audience: 'analysis' }
  | {
      readonly audience: 'publication';
      /** By reply id. */
      readonly view: ReadonlyMap<string, Shown>;
      /** The anonymised replies in alias order. */
      readonly aliased: readonly { id: string; alias: string }[];
      /** Member states whose counted reply is not shown by name (aliased or left out). */
      readonly unnamedStates: ReadonlySet<string>;
    };

type ReplyRow<Data = Record<string, unknown>> = {
  id: string;
  code: string;
  name: string;
  status: ResponseStatus;
  revision: number;
  submitted_at: Date | null;
  data: Data;
};

/** The counted replies of the scope, as a query to select from. */
const countedReplies = (snapshot: Snapshot, scope: ReplyScope) =>
  snapshot
    .selectFrom('responses as r')
    .where('r.survey_id', '=', scope.surveyId)
    .where('r.version', '=', scope.version)
    .where(sql<boolean>`r.status = any(${sql.val([...scope.statuses])}::text[])`);

function replies(snapshot: Snapshot, scope: ReplyScope, as: DataAs = 'parsed') {
  const data = dataSelection(scope.keys, scope.known);
  return countedReplies(snapshot, scope)
    .innerJoin('member_states as m', 'm.code', 'r.member_state_code')
    .select([
      'r.id',
      'm.code',
      'm.name',
      'r.status',
      'r.revision',
      'r.submitted_at',
      (as === 'text' ? sql<unknown>`(${data})::text` : sql<unknown>`${data}`).as('data'),
    ]);
}

/**
 * The largest number of entries of each repeated question among the counted replies, computed
 * by PostgreSQL (the core's repeatCounts() over every reply's data, without reading the data).
 */
export async function repeatCountsOf(snapshot: Snapshot, scope: ReplyScope, catalogue: Catalogue): Promise<RepeatCounts> {
  const repeated = [...new Set(catalogue.variables.flatMap((variable) => (variable.repeat ? [variable.repeat.question] : [])))];
  if (repeated.length === 0) return new Map();
  const row = await countedReplies(snapshot, scope)
    .select(
      repeated.map((question, index) =>
        sql<number | null>`max(case when jsonb_typeof(r.data -> ${question}::text) = 'array' then jsonb_array_length(r.data -> ${question}::text) end)`.as(`c${index}`),
      ),
    )
    .executeTakeFirstOrThrow();
  const found = row as Record<string, number | null>;
  return new Map(repeated.map((question, index) => [question, Number(found[`c${index}`] ?? 0)]));
}

/**
 * Who the replies appear as. For publication this reads every counted reply's id and consent
 * answer (a few bytes each) first, since an alias depends on all the anonymised replies.
 */
export async function presentationOf(snapshot: Snapshot, scope: ReplyScope, catalogue: Catalogue, audience: Audience): Promise<Presentation> {
  if (audience === 'analysis') return { audience };
  const consentKey = consentQuestion(catalogue);
  const rows = await countedReplies(snapshot, scope)
    .select(['r.id', 'r.member_state_code', sql<Record<string, unknown>>`${dataSelection(consentKey === undefined ? [] : [consentKey])}`.as('data')])
    .execute();
  const view = publicationView(
    rows.map((row) => ({ id: row.id, consent: consentOf(catalogue, row.data) })),
    'publication',
  );
  const aliased = [...view].flatMap(([id, shown]) => (shown.kind === 'alias' ? [{ id, alias: shown.alias }] : []));
  aliased.sort((a, b) => compareAliases(a.alias, b.alias));
  const unnamedStates = new Set(rows.filter((row) => view.get(row.id)?.kind !== 'named').map((row) => row.member_state_code));
  return { audience, view, aliased, unnamedStates };
}

/** The counted replies as shown, a page at a time: named ones in member-state order, then the aliased. */
export async function* shownReplyPages<As extends DataAs = 'parsed'>(
  snapshot: Snapshot,
  scope: ReplyScope,
  presentation: Presentation,
  options: CursorOptions = {},
  as?: As,
): AsyncGenerator<readonly ShownReply<DataOf<As>>[]> {
  type Row = ReplyRow<DataOf<As>>;
  const ordered = replies(snapshot, scope, as).orderBy('m.sort_order').orderBy('m.code');
  for await (const rows of cursorPages<Row>(snapshot, 'export_rows', ordered, options)) {
    const named = presentation.audience === 'analysis' ? rows : rows.filter((row) => presentation.view.get(row.id)?.kind === 'named');
    if (named.length > 0) yield named.map((row) => shown(row, row.code, row.name));
  }
  if (presentation.audience === 'analysis') return;
  // Few (the anonymised ones), read a page of ids at a time in alias order.
  const pageSize = options.fetchSize ?? FETCH_SIZE;
  for (let start = 0; start < presentation.aliased.length; start += pageSize) {
    const page = presentation.aliased.slice(start, start + pageSize);
    const rows = await replies(snapshot, scope, as)
      .where(sql<boolean>`r.id = any(${sql.val(page.map((entry) => entry.id))}::uuid[])`)
      .execute();
    const byId = new Map(rows.map((row) => [row.id, row as Row]));
    const aliased = page.flatMap(({ id, alias }) => {
      const row = byId.get(id);
      return row ? [shown(row, alias, alias)] : [];
    });
    if (aliased.length > 0) yield aliased;
  }
}

/** The counted replies as shown, one at a time (shownReplyPages, for consumers that go row by row). */
export async function* shownReplies(snapshot: Snapshot, scope: ReplyScope, presentation: Presentation, options: CursorOptions = {}): AsyncGenerator<ShownReply> {
  for await (const page of shownReplyPages(snapshot, scope, presentation, options)) yield* page;
}

function shown<Data>(row: ReplyRow<Data>, memberState: string, memberStateName: string): ShownReply<Data> {
  return { id: row.id, memberState, memberStateName, status: row.status, revision: row.revision, submittedAt: row.submitted_at, data: row.data };
}

/** Every counted reply, shown or not (a count names no state), in member-state order. */
export async function* everyCountedReply(snapshot: Snapshot, scope: ReplyScope, options: CursorOptions = {}): AsyncGenerator<ShownReply> {
  const ordered = replies(snapshot, scope).orderBy('m.sort_order').orderBy('m.code');
  for await (const rows of cursorPages<ReplyRow>(snapshot, 'export_rows', ordered, options)) {
    for (const row of rows) yield shown(row, row.code, row.name);
  }
}

/** The member states, active or not, in the usual order. */
export async function memberStatesOf(snapshot: Snapshot): Promise<{ code: string; name: string; active: boolean }[]> {
  return snapshot.selectFrom('member_states').select(['code', 'name', 'active']).orderBy('sort_order').orderBy('code').execute();
}
