import type { ReactNode } from 'react';

/**
 * The platform's list tables: a scrolling wrapper, one header cell per column and, last, an
 * actions column whose header only screen readers hear (its cells hold buttons, not data).
 */
export function DataTable({ columns, children }: { columns: readonly string[]; children: ReactNode }) {
  return (
    <div className="table-wrap">
      <table className="table">
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column} scope="col">
                {column}
              </th>
            ))}
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}

/** How many cells a full-width row of a DataTable spans: the columns plus the actions column. */
export const spanOf = (columns: readonly string[]) => columns.length + 1;
