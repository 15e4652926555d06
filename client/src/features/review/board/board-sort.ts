import type { ResponseStatus } from '../../../types/api';
import type { BoardEntry } from '../api/get-review-board';
import type { BoardLine } from './board-lines';

export type SortDirection = 'ascending' | 'descending';

/** What a version's column can be sorted by. */
export type ColumnSortKey = 'status' | 'activity' | 'waiting';

export type BoardSort =
  | { readonly by: 'state'; readonly direction: SortDirection }
  | { readonly by: ColumnSortKey; readonly column: string; readonly direction: SortDirection };

/** What a click on a sort button asks for: the member states' order, or one version's column by a key. */
export type SortClick = { readonly by: 'state' } | { readonly by: ColumnSortKey; readonly column: string };

export const DEFAULT_SORT: BoardSort = { by: 'state', direction: 'ascending' };

export const COLUMN_SORT_LABELS: Record<ColumnSortKey, string> = {
  status: 'Status',
  activity: 'Last activity',
  waiting: 'Days waiting',
};

/** The column sorts in the order a version's header offers them. */
export const COLUMN_SORT_KEYS = Object.keys(COLUMN_SORT_LABELS) as ColumnSortKey[];

export const isColumnSortKey = (value: string): value is ColumnSortKey => Object.hasOwn(COLUMN_SORT_LABELS, value);

/** The direction a first click sorts in: the latest activity and the longest wait come first. */
export const FIRST_DIRECTION: Record<BoardSort['by'], SortDirection> = {
  state: 'ascending',
  status: 'ascending',
  activity: 'descending',
  waiting: 'descending',
};

/** The lifecycle's order, from nothing yet to done. */
const STATUS_ORDER: Record<ResponseStatus, number> = { not_started: 0, draft: 1, returned: 2, submitted: 3, accepted: 4 };

/** A number to sort by, larger meaning "more"; null when the cell has nothing to sort by. */
const KEYS: Record<ColumnSortKey, (entry: BoardEntry) => number | null> = {
  status: (entry) => STATUS_ORDER[entry.status],
  activity: (entry) => (entry.lastActivity ? Date.parse(entry.lastActivity.at) : null),
  // By the moment of submission rather than whole days, so that two replies of the same day still rank.
  waiting: (entry) => (entry.daysSinceSubmission !== null && entry.submittedAt ? -Date.parse(entry.submittedAt) : null),
};

const byName = (a: BoardLine, b: BoardLine) => a.memberStateName.localeCompare(b.memberStateName, 'en') || a.memberState.localeCompare(b.memberState);

/**
 * The lines in the sort's order. Cells with nothing to sort by (no reply, not waiting) come last
 * in either direction; ties keep the member states' alphabetical order.
 */
export function sortLines(lines: readonly BoardLine[], sort: BoardSort): BoardLine[] {
  const sign = sort.direction === 'ascending' ? 1 : -1;
  if (sort.by === 'state') return [...lines].sort((a, b) => sign * byName(a, b));
  const keyOf = KEYS[sort.by];
  const valueOf = (line: BoardLine) => {
    const entry = line.cells.get(sort.column);
    return entry ? keyOf(entry) : null;
  };
  return [...lines].sort((a, b) => {
    const [x, y] = [valueOf(a), valueOf(b)];
    if (x === null || y === null) return x === y ? byName(a, b) : x === null ? 1 : -1;
    return sign * (x - y) || byName(a, b);
  });
}

/** The sort after a click on a sort button: the other direction when it was already active. */
export function nextSort(current: BoardSort, clicked: SortClick): BoardSort {
  const same = current.by === clicked.by && (clicked.by === 'state' || (current.by !== 'state' && current.column === clicked.column));
  if (same) return { ...current, direction: current.direction === 'ascending' ? 'descending' : 'ascending' };
  return { ...clicked, direction: FIRST_DIRECTION[clicked.by] };
}
