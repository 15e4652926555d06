import { parseVersionParam } from '../../../config/paths';
import { COUNTABLE_STATUSES, DEFAULT_STATUSES, sameStatuses, type Audience, type ColumnChoice, type CountableStatus } from '../api/analysis-filter';

/**
 * What the workbench shows lives in the page's query string, so that a link shares the very
 * table, a reload keeps it and the back button undoes a change. Values that make no sense are
 * read as "not chosen", never as an error: a mistyped link still opens the workbench.
 */

export type Rounds = { kind: 'one'; version: number | null } | { kind: 'two'; from: number; to: number };

export type Selection = { kind: 'none' } | { kind: 'table'; table: string } | { kind: 'questions'; questions: readonly string[] };

export interface WorkbenchState {
  /** Null: the first questionnaire. */
  surveyId: string | null;
  rounds: Rounds;
  selection: Selection;
  statuses: readonly CountableStatus[];
  locale: string | null;
  audience: Audience;
  /** Questions as rows and member states as columns. */
  transposed: boolean;
  /** The variable the chart and the map show; null: the first that can be shown. */
  focus: string | null;
}

export const INITIAL_STATE: WorkbenchState = {
  surveyId: null,
  rounds: { kind: 'one', version: null },
  selection: { kind: 'none' },
  statuses: DEFAULT_STATUSES,
  locale: null,
  audience: 'analysis',
  transposed: false,
  focus: null,
};

export function readWorkbenchState(search: URLSearchParams): WorkbenchState {
  return {
    surveyId: search.get('survey') || null,
    rounds: readRounds(search),
    selection: readSelection(search),
    statuses: readStatuses(search.get('status')),
    locale: search.get('locale') || null,
    audience: search.get('for') === 'publication' ? 'publication' : 'analysis',
    transposed: search.get('transpose') === '1',
    focus: search.get('show') || null,
  };
}

/** The query string of `state`, with only what differs from the defaults. */
export function workbenchSearch(state: WorkbenchState): URLSearchParams {
  const search = new URLSearchParams();
  if (state.surveyId) search.set('survey', state.surveyId);
  if (state.rounds.kind === 'two') {
    search.set('from', String(state.rounds.from));
    search.set('to', String(state.rounds.to));
  } else if (state.rounds.version !== null) {
    search.set('version', String(state.rounds.version));
  }
  if (state.selection.kind === 'table') search.set('table', state.selection.table);
  if (state.selection.kind === 'questions') search.set('questions', state.selection.questions.join(','));
  if (!sameStatuses(state.statuses, DEFAULT_STATUSES)) search.set('status', state.statuses.join(','));
  if (state.locale) search.set('locale', state.locale);
  if (state.audience === 'publication') search.set('for', 'publication');
  if (state.transposed) search.set('transpose', '1');
  if (state.focus) search.set('show', state.focus);
  return search;
}

/** The columns the API is asked for, or null before any are chosen. */
export function columnChoice(selection: Selection): ColumnChoice | null {
  switch (selection.kind) {
    case 'none':
      return null;
    case 'table':
      return { table: selection.table };
    case 'questions':
      return { questions: selection.questions };
  }
}

function readRounds(search: URLSearchParams): Rounds {
  const from = readVersion(search.get('from'));
  const to = readVersion(search.get('to'));
  if (from !== null && to !== null && from < to) return { kind: 'two', from, to };
  return { kind: 'one', version: readVersion(search.get('version')) };
}

function readSelection(search: URLSearchParams): Selection {
  const table = search.get('table');
  if (table) return { kind: 'table', table };
  const questions = (search.get('questions') ?? '')
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  return questions.length > 0 ? { kind: 'questions', questions: [...new Set(questions)] } : { kind: 'none' };
}

/** Known statuses in their usual order; none known reads as the default. */
function readStatuses(raw: string | null): readonly CountableStatus[] {
  if (raw === null) return DEFAULT_STATUSES;
  const named = new Set(raw.split(','));
  const statuses = COUNTABLE_STATUSES.filter((status) => named.has(status));
  return statuses.length > 0 ? statuses : DEFAULT_STATUSES;
}

function readVersion(raw: string | null): number | null {
  return parseVersionParam(raw ?? undefined);
}
