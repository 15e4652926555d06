import { isFilterId, type FilterId, type FilterScope } from './board-filter';
import { DEFAULT_SORT, isColumnSortKey, type BoardSort, type SortDirection } from './board-sort';

/** What the consultant chose to see: kept in the address, so that coming back from a reply restores it. */
export interface BoardViewState {
  filter: FilterId;
  scope: FilterScope;
  sort: BoardSort;
}

const DIRECTIONS: Record<string, SortDirection> = { asc: 'ascending', desc: 'descending' };

/**
 * The view state in `params` (`show`, `in`, `sort`, `column`, `order`). Anything unknown — a
 * filter that does not exist, a version no longer on the board — falls back to the default
 * rather than showing an empty board for a stale link.
 */
export function readViewState(params: URLSearchParams, columns: readonly string[]): BoardViewState {
  const show = params.get('show') ?? '';
  const scopeColumn = params.get('in');
  const sortBy = params.get('sort') ?? '';
  const sortColumn = params.get('column');
  const direction = DIRECTIONS[params.get('order') ?? ''];
  const known = (column: string | null): column is string => column !== null && columns.includes(column);

  let sort: BoardSort = DEFAULT_SORT;
  if (sortBy === 'state') sort = { by: 'state', direction: direction ?? 'ascending' };
  else if (isColumnSortKey(sortBy) && known(sortColumn) && direction) sort = { by: sortBy, column: sortColumn, direction };

  return {
    filter: isFilterId(show) ? show : 'all',
    scope: known(scopeColumn) ? { kind: 'column', column: scopeColumn } : { kind: 'any' },
    sort,
  };
}

/** `state` as search parameters, leaving out what is the default. */
export function writeViewState(state: BoardViewState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.filter !== 'all') params.set('show', state.filter);
  if (state.scope.kind === 'column') params.set('in', state.scope.column);
  const { sort } = state;
  if (sort.by !== DEFAULT_SORT.by || sort.direction !== DEFAULT_SORT.direction) {
    params.set('sort', sort.by);
    if (sort.by !== 'state') params.set('column', sort.column);
    params.set('order', sort.direction === 'ascending' ? 'asc' : 'desc');
  }
  return params;
}
