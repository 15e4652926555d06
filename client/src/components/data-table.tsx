import type { ReactNode } from 'react';

interface DataTableProps {
  columns: readonly string[];
  children: ReactNode;
  /** Names the table for screen readers, when the heading above does not. */
  caption?: string;
  /** Extra class for the table, e.g. for column widths. */
  className?: string;
  /** Whether the rows end with a cell of buttons (the default); a read-only table has none. */
  actions?: boolean;
}

/**
 * The platform's list tables: a scrolling wrapper, one header cell per column and, last, an
 * actions column whose header only screen readers hear (its cells hold buttons, not data).
 */
export function DataTable({ columns, children, caption, className, actions = true }: DataTableProps) {
  return (
    <div className="table-wrap">
      <table className={className ? `table ${className}` : 'table'}>
        {caption && <caption className="visually-hidden">{caption}</caption>}
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column} scope="col">
                {column}
              </th>
            ))}
            {actions && (
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}

/** How many cells a full-width row of a DataTable spans: the columns plus the actions column. */
export const spanOf = (columns: readonly string[]) => columns.length + 1;
