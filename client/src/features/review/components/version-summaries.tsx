import { useId } from 'react';
import type { VersionBoard } from '../api/get-review-board';
import type { BoardColumn } from '../board/board-lines';
import { summaryText } from '../board/board-summary';

/** One line per version: how many replies are in each status ("4 accepted · 3 submitted · …"). */
export function VersionSummaries({ boards }: { boards: ReadonlyArray<{ column: BoardColumn; board: VersionBoard }> }) {
  const headingId = useId();
  return (
    <section className="board-summaries" aria-labelledby={headingId}>
      <h2 id={headingId} className="board-summaries__title">
        Where the replies stand
      </h2>
      <ul className="board-summaries__list">
        {boards.map(({ column, board }) => (
          <li key={column.key} className="board-summaries__item">
            <span className="board-summaries__version">
              {column.version.title}
              <span className="board-summaries__survey"> ({column.versionLabel})</span>
            </span>
            <span className="board-summaries__counts">{summaryText(board.summary)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
