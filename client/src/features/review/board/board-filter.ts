import type { BoardEntry } from '../api/get-review-board';
import type { BoardLine } from './board-lines';

interface Filter {
  /** What the choice says in the "Show" list. */
  readonly label: string;
  readonly matches: (entry: BoardEntry) => boolean;
}

/** The board's filters, in the order the "Show" list offers them: what needs the consultant first. */
export const FILTERS = {
  all: { label: 'All member states', matches: () => true },
  waiting: { label: 'Submitted — waiting for me', matches: (entry) => entry.status === 'submitted' },
  resubmitted: { label: 'Resubmitted after a return', matches: (entry) => entry.status === 'submitted' && entry.resubmitted },
  comments: { label: 'With open comments', matches: (entry) => entry.openComments > 0 },
  returned: { label: 'Returned — with the delegates', matches: (entry) => entry.status === 'returned' },
  draft: { label: 'Draft', matches: (entry) => entry.status === 'draft' },
  not_started: { label: 'Not started', matches: (entry) => entry.status === 'not_started' },
  accepted: { label: 'Accepted', matches: (entry) => entry.status === 'accepted' },
} as const satisfies Record<string, Filter>;

export type FilterId = keyof typeof FILTERS;

export const FILTER_IDS = Object.keys(FILTERS) as FilterId[];

export const isFilterId = (value: string): value is FilterId => Object.hasOwn(FILTERS, value);

/** Which versions a filter looks at: any of them, or one column. */
export type FilterScope = { readonly kind: 'any' } | { readonly kind: 'column'; readonly column: string };

/** Does this cell answer the filter? Used to mark the cells that made their line pass. */
export function cellMatches(filter: FilterId, scope: FilterScope, column: string, entry: BoardEntry | undefined): boolean {
  if (!entry || (scope.kind === 'column' && scope.column !== column)) return false;
  return FILTERS[filter].matches(entry);
}

/** The member states with a reply (in the scope's versions) that answers the filter. */
export function filterLines(lines: readonly BoardLine[], filter: FilterId, scope: FilterScope): BoardLine[] {
  if (filter === 'all') return [...lines];
  return lines.filter((line) => [...line.cells].some(([column, entry]) => cellMatches(filter, scope, column, entry)));
}
