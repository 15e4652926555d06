import type { ResponseStatus } from '../../../types/api';
import type { ChoiceSummary, Comparison, ComparisonCell, ComparisonColumn, PublicationConsent } from '../api/get-comparison';

/**
 * A comparison as the table shows it, whichever way round: every active state — those with a
 * counted reply first, then those without — and every column with its "n of N".
 */

export interface GridState {
  /** Unique among the states: the code, or in the publication variant an alias. */
  memberState: string;
  name: string;
  status: ResponseStatus;
  /** Undefined for a state without a counted reply (it has said nothing). */
  publication: PublicationConsent | undefined;
  counted: boolean;
  /** Its code is a real one (not an alias), so its country profile can be linked. */
  named: boolean;
  cells: ReadonlyMap<string, ComparisonCell>;
}

export interface GridColumn extends ComparisonColumn {
  /** Counted replies that answer it: the "n" of "n of N". */
  answered: number;
}

export interface ComparisonGrid {
  states: GridState[];
  columns: GridColumn[];
  /** The "N": the active member states. */
  total: number;
}

export function comparisonGrid(comparison: Comparison): ComparisonGrid {
  const counted: GridState[] = comparison.rows.map((row) => ({
    memberState: row.memberState,
    name: row.memberStateName,
    status: row.status,
    publication: row.publication,
    counted: true,
    named: comparison.for === 'analysis' || row.publication === 'as_received',
    cells: new Map(row.cells.map((cell) => [cell.key, cell])),
  }));
  const notCounted: GridState[] = comparison.notCounted.map((state) => ({
    memberState: state.memberState,
    name: state.memberStateName,
    status: state.status,
    publication: undefined,
    counted: false,
    named: true,
    cells: new Map(),
  }));
  const summaries = new Map(comparison.summaries.map((summary) => [summary.variable, summary]));
  const columns = comparison.columns.map((column) => ({ ...column, answered: answeredCount(column, summaries.get(column.key), counted) }));
  return { states: [...counted, ...notCounted], columns, total: comparison.activeStates };
}

/**
 * A summary's count where there is one: in the publication variant it still counts the states
 * left out of the rows (a count names no state). Other columns count their answered cells.
 */
function answeredCount(column: ComparisonColumn, summary: ChoiceSummary | undefined, rows: GridState[]): number {
  if (summary) return summary.answered;
  return rows.filter((row) => (row.cells.get(column.key)?.value ?? null) !== null).length;
}

const CONSENT_LABELS: Record<NonNullable<PublicationConsent>, string> = {
  as_received: 'As received',
  anonymised: 'Only anonymised',
  not_for_publication: 'Not for publication',
};

/** What a reply said about publishing it, in a few words. */
export function consentLabel(consent: PublicationConsent | undefined): string {
  if (consent === undefined) return '—';
  return consent === null ? 'Not answered' : CONSENT_LABELS[consent];
}
