import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { ResponseStatus } from '../../../types/api';
import { columnParams, withParams, type AnalysisFilter, type ColumnChoice } from './analysis-filter';
import { analysisQueryKey, surveyPath } from './analysis-paths';
import type { CellValue, ChoiceCount } from './get-comparison';

/** `GET /api/surveys/{surveyId}/rounds`: two versions side by side, through the crosswalk (docs/analysis-api.md). */

export interface RoundRef {
  version: number;
  title: string;
}

export interface VariableRef {
  key: string;
  question: string;
}

/** Asked in both rounds (the same name, or mapped by the crosswalk): answers compare. */
export interface PairedVariable {
  kind: 'paired';
  /** The `to` version's key. */
  key: string;
  question: string;
  title: string;
  type: string;
  from: VariableRef;
  to: VariableRef;
  renamed: boolean;
  recoded: boolean;
  /** States whose answer differs between the rounds. */
  changedStates: number;
}

/** Asked in the `from` round only. */
export interface DroppedVariable {
  kind: 'dropped';
  key: string;
  title: string;
  from: VariableRef;
}

/** Asked in the `to` round only. */
export interface AddedVariable {
  kind: 'added';
  key: string;
  title: string;
  to: VariableRef;
}

export type RoundsVariable = PairedVariable | DroppedVariable | AddedVariable;

export interface RoundAnswer {
  value: CellValue | null;
  label: string | null;
}

export interface RoundsCell {
  key: string;
  /** Null where that round does not ask the question, or the state has no counted reply in it. */
  from: RoundAnswer | null;
  to: RoundAnswer | null;
  /** Both rounds answer, and differently. */
  changed: boolean;
}

export interface RoundsRow {
  memberState: string;
  memberStateName: string;
  /** Null in the round the state has no counted reply in. */
  from: { status: ResponseStatus } | null;
  to: { status: ResponseStatus } | null;
  cells: RoundsCell[];
}

export interface RoundSummary {
  answered: number;
  counts: ChoiceCount[];
}

export interface RoundsSummary {
  key: string;
  question: string;
  title: string;
  kind: RoundsVariable['kind'];
  /** Null in the round that does not ask it (a dropped or a new question). */
  from: RoundSummary | null;
  to: RoundSummary | null;
}

export interface Rounds {
  from: RoundRef;
  to: RoundRef;
  variables: RoundsVariable[];
  rows: RoundsRow[];
  summaries: RoundsSummary[];
}

export interface RoundsRef {
  surveyId: string;
  from: number;
  to: number;
}

export function roundsParams({ from, to }: RoundsRef, columns: ColumnChoice, filter: AnalysisFilter): URLSearchParams {
  const params = new URLSearchParams({ from: String(from), to: String(to) });
  for (const [name, value] of columnParams(columns, filter)) params.set(name, value);
  return params;
}

export function getRounds(ref: RoundsRef, columns: ColumnChoice, filter: AnalysisFilter, { signal }: { signal?: AbortSignal } = {}) {
  return api.get<Rounds>(withParams(surveyPath(ref.surveyId, '/rounds'), roundsParams(ref, columns, filter)), { signal });
}

export function getRoundsQueryOptions(ref: RoundsRef, columns: ColumnChoice, filter: AnalysisFilter) {
  return queryOptions({
    queryKey: [...analysisQueryKey(ref.surveyId), 'rounds', ref.from, ref.to, columns, filter] as const,
    queryFn: ({ signal }) => getRounds(ref, columns, filter, { signal }),
  });
}

export function useRounds(ref: RoundsRef, columns: ColumnChoice, filter: AnalysisFilter) {
  return useQuery({ ...getRoundsQueryOptions(ref, columns, filter), placeholderData: keepPreviousData });
}
