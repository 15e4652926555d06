import { Link } from 'react-router';
import { StatusBadge } from '../../../components/status-badge';
import { paths } from '../../../config/paths';
import { answerText } from '../workbench/answer-text';
import type { RoundAnswer, Rounds, RoundsCell, RoundsRow, RoundsVariable } from '../api/get-rounds';

export interface RoundYears {
  from: string;
  to: string;
}

interface RoundsTableProps {
  rounds: Rounds;
  years: RoundYears;
  surveyId: string;
  /** Whether a row's code is a member state's (and not a publication alias): its profile is linked. */
  isMemberState: (code: string) => boolean;
}

/**
 * A row per member state, two columns per question — the earlier round's answer and the later
 * one's. A changed answer says so in words (and a mark), not by colour alone; a question asked
 * in one round only has "Not asked" in the other.
 */
export function RoundsTable({ rounds, years, surveyId, isMemberState }: RoundsTableProps) {
  return (
    <div className="table-wrap comparison-table">
      <table className="table rounds-table">
        <caption className="comparison-table__caption">
          Each member state’s answers in {years.from} and {years.to}
        </caption>
        <thead>
          <tr>
            <th scope="col" rowSpan={2}>
              Member state
            </th>
            <th scope="colgroup" colSpan={2}>
              Status
            </th>
            <th scope="col" rowSpan={2}>
              Changes
            </th>
            {rounds.variables.map((variable) => (
              <th key={variable.key} scope="colgroup" colSpan={2} className="comparison-table__variable rounds-table__variable">
                {variable.title}
                <VariableNote variable={variable} years={years} />
              </th>
            ))}
          </tr>
          <tr>
            <th scope="col">{years.from}</th>
            <th scope="col">{years.to}</th>
            {rounds.variables.map((variable) => (
              <YearHeads key={variable.key} years={years} />
            ))}
          </tr>
        </thead>
        <tbody>
          {rounds.rows.map((row) => (
            <StateRow key={row.memberState} row={row} variables={rounds.variables} years={years} surveyId={isMemberState(row.memberState) ? surveyId : null} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function YearHeads({ years }: { years: RoundYears }) {
  return (
    <>
      <th scope="col">{years.from}</th>
      <th scope="col">{years.to}</th>
    </>
  );
}

function VariableNote({ variable, years }: { variable: RoundsVariable; years: RoundYears }) {
  switch (variable.kind) {
    case 'dropped':
      return <span className="table__note rounds-table__kind">Dropped in {years.to}</span>;
    case 'added':
      return <span className="table__note rounds-table__kind">New in {years.to}</span>;
    case 'paired': {
      const notes = [
        variable.renamed ? `renamed (${variable.from.key} in ${years.from})` : null,
        variable.recoded ? `${years.from} codes recoded` : null,
        `${variable.changedStates} ${variable.changedStates === 1 ? 'state' : 'states'} changed`,
      ].filter(Boolean);
      return <span className="table__note">{notes.join(' · ')}</span>;
    }
  }
}

/** `surveyId` null: the row is an alias, without a profile. */
function StateRow({ row, variables, years, surveyId }: { row: RoundsRow; variables: RoundsVariable[]; years: RoundYears; surveyId: string | null }) {
  const cells = new Map(row.cells.map((cell) => [cell.key, cell]));
  const changes = row.cells.filter((cell) => cell.changed).length;
  return (
    <tr>
      <th scope="row">
        {surveyId === null ? (
          row.memberStateName
        ) : (
          <Link to={paths.countryProfile.getHref(row.memberState, surveyId)}>
            {row.memberStateName}
            <span className="visually-hidden">: country profile</span>
          </Link>
        )}
      </th>
      <td>{row.from ? <StatusBadge status={row.from.status} /> : <span className="muted">No counted reply</span>}</td>
      <td>{row.to ? <StatusBadge status={row.to.status} /> : <span className="muted">No counted reply</span>}</td>
      <td>{changes === 0 ? <span className="muted">None</span> : `${changes} ${changes === 1 ? 'answer' : 'answers'}`}</td>
      {variables.map((variable) => (
        <AnswerPair key={variable.key} variable={variable} cell={cells.get(variable.key)} row={row} years={years} />
      ))}
    </tr>
  );
}

function AnswerPair({ variable, cell, row, years }: { variable: RoundsVariable; cell: RoundsCell | undefined; row: RoundsRow; years: RoundYears }) {
  return (
    <>
      <td className="rounds-table__from">
        {variable.kind === 'added' ? <NotAsked year={years.from} /> : <RoundAnswerText answer={cell?.from ?? null} counted={row.from !== null} />}
      </td>
      <td className={cell?.changed ? 'rounds-table__to rounds-table__to--changed' : 'rounds-table__to'}>
        {variable.kind === 'dropped' ? <NotAsked year={years.to} /> : <RoundAnswerText answer={cell?.to ?? null} counted={row.to !== null} />}
        {cell?.changed && <span className="change-mark">changed</span>}
      </td>
    </>
  );
}

function RoundAnswerText({ answer, counted }: { answer: RoundAnswer | null; counted: boolean }) {
  const text = answerText(answer);
  if (text) return <>{text}</>;
  return (
    <>
      <span aria-hidden="true" className="muted">
        —
      </span>
      <span className="visually-hidden">{counted ? 'Not answered' : 'No counted reply'}</span>
    </>
  );
}

function NotAsked({ year }: { year: string }) {
  return <span className="muted">Not asked in {year}</span>;
}
