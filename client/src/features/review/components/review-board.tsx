import { useQueries } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { useSurveys } from '../../../api/get-surveys';
import { EmptyState } from '../../../components/feedback/empty-state';
import { ErrorState } from '../../../components/feedback/error-state';
import { LoadingState } from '../../../components/feedback/loading-state';
import { queryView } from '../../../components/feedback/query-view';
import { getReviewBoardQueryOptions, type VersionBoard } from '../api/get-review-board';
import { filterLines } from '../board/board-filter';
import { toColumns, toLines, type BoardColumn } from '../board/board-lines';
import { nextSort, sortLines } from '../board/board-sort';
import { readViewState, writeViewState, type BoardViewState } from '../board/board-view-state';
import { BoardControls } from './board-controls';
import { BoardTable } from './board-table';
import { VersionSummaries } from './version-summaries';
import './review-board.css';

const LOADING = 'Loading the review board…';

/**
 * Where every member state's reply to every questionnaire version stands, for those who review
 * them: one request per version (`GET …/review-board`), then one table of states × versions.
 */
export function ReviewBoard() {
  const surveys = useSurveys();
  const view = queryView(surveys, { loading: LOADING, errorTitle: 'The questionnaires could not be loaded' });
  if ('element' in view) return view.element;
  const columns = toColumns(view.data);
  if (columns.length === 0) {
    return (
      <EmptyState title="No questionnaires yet">
        The board fills in as soon as an administrator publishes a questionnaire and the member states start their replies.
      </EmptyState>
    );
  }
  return <VersionBoards columns={columns} />;
}

function VersionBoards({ columns }: { columns: BoardColumn[] }) {
  const results = useQueries({
    queries: columns.map((column) => getReviewBoardQueryOptions({ surveyId: column.surveyId, version: column.version.version })),
  });
  if (results.some((result) => result.isPending)) return <LoadingState label={LOADING} />;
  const loaded: Array<{ column: BoardColumn; board: VersionBoard }> = [];
  const failures = columns.flatMap((column, index) => {
    const result = results[index]!;
    if (result.data) loaded.push({ column, board: result.data });
    return result.isError ? [{ column, result }] : [];
  });
  return (
    <>
      {/* One version's failure in its place; the other versions still show. */}
      {failures.map(({ column, result }) => (
        <ErrorState
          key={column.key}
          error={result.error}
          title={`The replies to ${column.surveyTitle}, version ${column.version.version} could not be loaded`}
          onRetry={() => void result.refetch()}
          isRetrying={result.isFetching}
        />
      ))}
      {loaded.length > 0 && <BoardView boards={loaded} />}
    </>
  );
}

function BoardView({ boards }: { boards: Array<{ column: BoardColumn; board: VersionBoard }> }) {
  const [params, setParams] = useSearchParams();
  const columns = boards.map(({ column }) => column);
  const state = readViewState(params, columns.map((column) => column.key));
  // Replacing the entry: sorting and filtering are not places to go back to one by one.
  const update = (change: Partial<BoardViewState>) => setParams(writeViewState({ ...state, ...change }), { replace: true });

  const lines = toLines(boards);
  if (lines.length === 0) {
    return (
      <EmptyState title="No member states yet">
        Each member state appears here with its replies as soon as an administrator adds it.
      </EmptyState>
    );
  }
  const shown = sortLines(filterLines(lines, state.filter, state.scope), state.sort);
  return (
    <>
      <VersionSummaries boards={boards} />
      <BoardControls columns={columns} state={state} shown={shown.length} total={lines.length} onChange={update} />
      <BoardTable columns={columns} lines={shown} state={state} onSort={(clicked) => update({ sort: nextSort(state.sort, clicked) })} />
    </>
  );
}
