import { Link } from 'react-router';
import { StatusBadge } from '../../../components/status-badge';
import { paths } from '../../../config/paths';
import type { ComparisonCell } from '../api/get-comparison';
import { answerText } from '../workbench/answer-text';
import { consentLabel, type ComparisonGrid, type GridColumn, type GridState } from '../workbench/comparison-grid';

interface ComparisonTableProps {
  grid: ComparisonGrid;
  caption: string;
  surveyId: string;
  /** Questions as rows and member states as columns. */
  transposed: boolean;
}

/**
 * The comparison: a member state per row (or column), a variable per column (or row), answers in
 * the questionnaire's words, each reply's status and publication consent, and how many counted
 * replies answer each variable ("7 of 11"). States without a counted reply close the list, marked.
 */
export function ComparisonTable(props: ComparisonTableProps) {
  return (
    <div className="table-wrap comparison-table">
      <table className="table">
        <caption className="comparison-table__caption">{props.caption}</caption>
        {props.transposed ? <VariablesAsRows {...props} /> : <StatesAsRows {...props} />}
      </table>
    </div>
  );
}

function StatesAsRows({ grid, surveyId }: ComparisonTableProps) {
  return (
    <>
      <thead>
        <tr>
          <th scope="col">Member state</th>
          <th scope="col">Status</th>
          <th scope="col">Publication</th>
          {grid.columns.map((column) => (
            <th key={column.key} scope="col" className="comparison-table__variable">
              {column.title}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {grid.states.map((state) => (
          <tr key={state.memberState} className={state.counted ? undefined : 'comparison-table__not-counted'}>
            <th scope="row">
              <StateName state={state} surveyId={surveyId} />
            </th>
            <td>
              <StatusBadge status={state.status} />
            </td>
            <td>{consentLabel(state.publication)}</td>
            {state.counted ? (
              grid.columns.map((column) => (
                <td key={column.key}>
                  <Answer cell={state.cells.get(column.key)} />
                </td>
              ))
            ) : (
              <td colSpan={grid.columns.length} className="muted">
                No counted reply
              </td>
            )}
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row" colSpan={3}>
            Answered
          </th>
          {grid.columns.map((column) => (
            <td key={column.key}>
              <AnsweredOf column={column} total={grid.total} />
            </td>
          ))}
        </tr>
      </tfoot>
    </>
  );
}

function VariablesAsRows({ grid, surveyId }: ComparisonTableProps) {
  return (
    <>
      <thead>
        <tr>
          <th scope="col">Question</th>
          {grid.states.map((state) => (
            <th key={state.memberState} scope="col">
              <StateName state={state} surveyId={surveyId} />
            </th>
          ))}
          <th scope="col">Answered</th>
        </tr>
      </thead>
      <tbody>
        <tr>
          <th scope="row">Status</th>
          {grid.states.map((state) => (
            <td key={state.memberState}>
              <StatusBadge status={state.status} />
              {!state.counted && <span className="table__note">No counted reply</span>}
            </td>
          ))}
          <td />
        </tr>
        <tr>
          <th scope="row">Publication</th>
          {grid.states.map((state) => (
            <td key={state.memberState}>{consentLabel(state.publication)}</td>
          ))}
          <td />
        </tr>
        {grid.columns.map((column) => (
          <tr key={column.key}>
            <th scope="row" className="comparison-table__variable">
              {column.title}
            </th>
            {grid.states.map((state) => (
              <td key={state.memberState} className={state.counted ? undefined : 'comparison-table__not-counted'}>
                {state.counted ? <Answer cell={state.cells.get(column.key)} /> : <NoReply />}
              </td>
            ))}
            <td>
              <AnsweredOf column={column} total={grid.total} />
            </td>
          </tr>
        ))}
      </tbody>
    </>
  );
}

function StateName({ state, surveyId }: { state: GridState; surveyId: string }) {
  if (!state.named) return <>{state.name}</>;
  return (
    <Link to={paths.countryProfile.getHref(state.memberState, surveyId)}>
      {state.name}
      <span className="visually-hidden">: country profile</span>
    </Link>
  );
}

function Answer({ cell }: { cell: ComparisonCell | undefined }) {
  const label = answerText(cell);
  if (label === null) {
    return (
      <>
        <span aria-hidden="true" className="muted">
          —
        </span>
        <span className="visually-hidden">Not answered</span>
      </>
    );
  }
  return <>{label}</>;
}

function NoReply() {
  return (
    <>
      <span aria-hidden="true" className="muted">
        —
      </span>
      <span className="visually-hidden">No counted reply</span>
    </>
  );
}

function AnsweredOf({ column, total }: { column: GridColumn; total: number }) {
  return (
    <span className="comparison-table__answered">
      {column.answered} of {total}
    </span>
  );
}
