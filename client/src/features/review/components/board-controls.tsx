import { SelectField } from '../../../components/form/field';
import { FILTER_IDS, FILTERS, isFilterId } from '../board/board-filter';
import type { BoardColumn } from '../board/board-lines';
import type { BoardViewState } from '../board/board-view-state';

interface BoardControlsProps {
  columns: readonly BoardColumn[];
  state: BoardViewState;
  /** How many member states the filter leaves, of how many. */
  shown: number;
  total: number;
  onChange: (change: Partial<BoardViewState>) => void;
}

const ANY_VERSION = '';

/** Which replies the board shows: by status (or open comments), in any version or one. Applies as it is chosen. */
export function BoardControls({ columns, state, shown, total, onChange }: BoardControlsProps) {
  return (
    <div className="board-controls">
      <form className="board-controls__form" role="search" aria-label="Filter the review board" onSubmit={(event) => event.preventDefault()}>
        <SelectField
          label="Show"
          value={state.filter}
          onChange={(event) => {
            const value = event.target.value;
            if (isFilterId(value)) onChange({ filter: value });
          }}
        >
          {FILTER_IDS.map((id) => (
            <option key={id} value={id}>
              {FILTERS[id].label}
            </option>
          ))}
        </SelectField>
        <SelectField
          label="In"
          value={state.scope.kind === 'column' ? state.scope.column : ANY_VERSION}
          onChange={(event) => {
            const value = event.target.value;
            onChange({ scope: value === ANY_VERSION ? { kind: 'any' } : { kind: 'column', column: value } });
          }}
        >
          <option value={ANY_VERSION}>Any version</option>
          {columns.map((column) => (
            <option key={column.key} value={column.key}>
              {column.version.title} ({column.versionLabel})
            </option>
          ))}
        </SelectField>
      </form>
      <p className="board-controls__count" role="status">
        {shown === total ? `${total === 1 ? 'The' : 'All'} ${memberStates(total)}` : `${shown} of ${memberStates(total)}`}
      </p>
    </div>
  );
}

const memberStates = (count: number) => `${count} member ${count === 1 ? 'state' : 'states'}`;
