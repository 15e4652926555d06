import type { ResponseStatus } from '../../../types/api';

/**
 * The query every analysis route shares (docs/analysis-api.md): which replies count, in which
 * language, for whom. One function turns it into query parameters, so that what is on screen and
 * what a download fetches can never ask for different things.
 */

/** The statuses a reply can have once it exists: the ones the status filter chooses from. */
export const COUNTABLE_STATUSES = ['draft', 'submitted', 'returned', 'accepted'] as const satisfies readonly ResponseStatus[];
export type CountableStatus = (typeof COUNTABLE_STATUSES)[number];

/** What counts when nobody says otherwise (API.md): replies sent in, reviewed or not. */
export const DEFAULT_STATUSES: readonly CountableStatus[] = ['submitted', 'accepted'];

/** `analysis`: every state by name. `publication`: anonymised states renamed, refusing states left out, no personal data. */
export type Audience = 'analysis' | 'publication';

export interface AnalysisFilter {
  /** Never empty; in COUNTABLE_STATUSES order. */
  statuses: readonly CountableStatus[];
  /** A locale the definition translates into, or null for its default texts. */
  locale: string | null;
  audience: Audience;
}

export const DEFAULT_FILTER: AnalysisFilter = { statuses: DEFAULT_STATUSES, locale: null, audience: 'analysis' };

/** The columns of a table: a named table of `tables.json`, or questions by name. */
export type ColumnChoice = { table: string } | { questions: readonly string[] };

/** `status`, `locale` and `for`, each only when it differs from the server's default. */
export function filterParams(filter: AnalysisFilter): URLSearchParams {
  const params = new URLSearchParams();
  if (!sameStatuses(filter.statuses, DEFAULT_STATUSES)) params.set('status', filter.statuses.join(','));
  if (filter.locale) params.set('locale', filter.locale);
  if (filter.audience === 'publication') params.set('for', 'publication');
  return params;
}

/** `table` or `questions`, then the filter's parameters. */
export function columnParams(columns: ColumnChoice, filter: AnalysisFilter): URLSearchParams {
  const params = new URLSearchParams();
  if ('table' in columns) params.set('table', columns.table);
  else params.set('questions', columns.questions.join(','));
  for (const [name, value] of filterParams(filter)) params.set(name, value);
  return params;
}

export function sameStatuses(a: readonly CountableStatus[], b: readonly CountableStatus[]): boolean {
  return a.length === b.length && a.every((status) => b.includes(status));
}

/** `?a=1&b=2`, or nothing when there are no parameters. */
export function withParams(path: string, params: URLSearchParams): string {
  const query = params.toString();
  return query ? `${path}?${query}` : path;
}
