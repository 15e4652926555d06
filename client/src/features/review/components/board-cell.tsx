import { Link } from 'react-router';
import { ResponseProgress } from '../../../components/response-progress';
import { StatusBadge } from '../../../components/status-badge';
import { paths } from '../../../config/paths';
import { formatDate, formatDateTime } from '../../../lib/format-date';
import type { BoardEntry } from '../api/get-review-board';
import type { BoardColumn } from '../board/board-lines';

interface BoardCellProps {
  column: BoardColumn;
  memberStateName: string;
  /** Absent when the version does not list the state: inactive, and it never replied. */
  entry: BoardEntry | undefined;
}

/** One reply on the board: its status, how far it is, what is open, who acted last, how long it has waited. */
export function BoardCell({ column, memberStateName, entry }: BoardCellProps) {
  if (!entry) {
    return (
      <span className="muted">
        <span aria-hidden="true">—</span>
        <span className="visually-hidden">Not asked: the member state is inactive</span>
      </span>
    );
  }
  const { status, progress, openComments, lastActivity, daysSinceSubmission, resubmitted } = entry;
  return (
    <div className="board-cell">
      <div className="board-cell__status">
        <StatusBadge status={status} />
        {resubmitted && <span className="board-cell__flag">Resubmitted</span>}
      </div>
      {status !== 'not_started' && <ResponseProgress share={progress} />}
      {openComments > 0 && (
        <span className="board-cell__comments">
          {openComments} open {openComments === 1 ? 'comment' : 'comments'}
        </span>
      )}
      {daysSinceSubmission !== null && <span className="board-cell__waiting">{waitingText(daysSinceSubmission)}</span>}
      {/* Absent only before the first save: "Not started" says it. */}
      {lastActivity && (
        <span className="board-cell__activity">
          <time dateTime={lastActivity.at} title={formatDateTime(lastActivity.at)}>
            {formatDate(lastActivity.at)}
          </time>{' '}
          by {lastActivity.by}
        </span>
      )}
      <Link className="board-cell__open" to={paths.response.getHref(column.surveyId, column.version.version, entry.memberState)}>
        Open
        <span className="visually-hidden">
          {' '}
          {memberStateName}’s reply to {column.surveyTitle}, version {column.version.version}
        </span>
      </Link>
    </div>
  );
}

/** How long a submitted reply has waited for review, in whole days. */
function waitingText(days: number): string {
  if (days === 0) return 'Submitted today';
  return `Waiting ${days} ${days === 1 ? 'day' : 'days'}`;
}
