import type { SortDirection } from '../board/board-sort';

interface SortButtonProps {
  label: string;
  active: boolean;
  direction: SortDirection;
  onClick: () => void;
}

/**
 * A column header's sort button. The header cell carries aria-sort; a version's header has several
 * buttons, so the active one also says so in its name.
 */
export function SortButton({ label, active, direction, onClick }: SortButtonProps) {
  return (
    <button type="button" className={active ? 'sort-button sort-button--active' : 'sort-button'} onClick={onClick}>
      {label}
      {active && <span className="visually-hidden"> (sorted {direction})</span>}
      <span className="sort-button__arrow" aria-hidden="true">
        {active ? (direction === 'ascending' ? '▲' : '▼') : '↕'}
      </span>
    </button>
  );
}
