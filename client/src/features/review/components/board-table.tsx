import { cellMatches, FILTERS } from '../board/board-filter';
import type { BoardColumn, BoardLine } from '../board/board-lines';
import { COLUMN_SORT_KEYS, COLUMN_SORT_LABELS, type BoardSort, type SortClick } from '../board/board-sort';
import type { BoardViewState } from '../board/board-view-state';
import { BoardCell } from './board-cell';
import { SortButton } from './sort-button';

interface BoardTableProps {
  columns: readonly BoardColumn[];
  lines: readonly BoardLine[];
  state: BoardViewState;
  onSort: (clicked: SortClick) => void;
}

/** Member states down, questionnaire versions across; a cell per reply, each a way into it. */
export function BoardTable({ columns, lines, state, onSort }: BoardTableProps) {
  const { sort, filter, scope } = state;
  return (
    <div className="table-wrap review-board__wrap">
      <table className="table review-board">
        <caption className="review-board__caption">
          Every member state’s reply to each questionnaire version
          {filter !== 'all' && <>: {FILTERS[filter].label.toLowerCase()}</>}
        </caption>
        <thead>
          <tr>
            <th scope="col" aria-sort={sort.by === 'state' ? sort.direction : undefined}>
              <SortButton label="Member state" active={sort.by === 'state'} direction={sort.direction} onClick={() => onSort({ by: 'state' })} />
            </th>
            {columns.map((column) => (
              <th key={column.key} scope="col" aria-sort={ariaSortOf(sort, column.key)} className="review-board__version">
                <span className="review-board__version-meta">
                  {column.versionLabel} · {column.version.status}
                </span>
                <span className="review-board__version-title">{column.version.title}</span>
                <span className="review-board__sorts">
                  {COLUMN_SORT_KEYS.map((by) => (
                    <SortButton
                      key={by}
                      label={COLUMN_SORT_LABELS[by]}
                      active={sort.by === by && sort.column === column.key}
                      direction={sort.direction}
                      onClick={() => onSort({ by, column: column.key })}
                    />
                  ))}
                </span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {lines.length === 0 ? (
            <tr>
              <td colSpan={columns.length + 1} className="review-board__none">
                No reply matches “{FILTERS[filter].label}”{scope.kind === 'column' ? ' in this version' : ''}. Choose “{FILTERS.all.label}” to see every one.
              </td>
            </tr>
          ) : (
            lines.map((line) => (
              <tr key={line.memberState}>
                <th scope="row" className="review-board__state">
                  {line.memberStateName}
                  {!line.active && <span className="table__note">Inactive</span>}
                </th>
                {columns.map((column) => {
                  const entry = line.cells.get(column.key);
                  const matched = filter !== 'all' && cellMatches(filter, scope, column.key, entry);
                  return (
                    <td key={column.key} className={matched ? 'review-board__cell review-board__cell--match' : 'review-board__cell'}>
                      <BoardCell column={column} memberStateName={line.memberStateName} entry={entry} />
                    </td>
                  );
                })}
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}

/** A header cell says how the rows are sorted when one of its buttons sorts them. */
function ariaSortOf(sort: BoardSort, column: string): BoardSort['direction'] | undefined {
  return sort.by !== 'state' && sort.column === column ? sort.direction : undefined;
}
