import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { ResponseStatus } from '../../../types/api';
import { columnParams, withParams, type AnalysisFilter, type Audience, type ColumnChoice } from './analysis-filter';
import { analysisQueryKey, versionPath, type VersionRef } from './analysis-paths';

/** `GET A/comparison` (API.md, with the extensions of docs/analysis-api.md). */

/** A cell's code: a number for number, count and rank variables, a string otherwise. */
export type CellValue = string | number;

export interface ComparisonColumn {
  key: string;
  question: string;
  title: string;
  section: string;
  /** The catalogue type: `choice`, `boolean`, `checkbox-choice`, `number`, `count`, `text`… */
  type: string;
  questionType: string;
}

export interface ComparisonCell {
  key: string;
  /** Null when the reply leaves it unanswered. */
  value: CellValue | null;
  /** What the wide CSV with labels shows: the choice's words, the text, the number. */
  label: string | null;
}

/** What a reply said about publishing it; null when the consent question is unanswered. */
export type PublicationConsent = 'as_received' | 'anonymised' | 'not_for_publication' | null;

export interface ComparisonRow {
  /** The state's code; in the publication variant an anonymised state's alias (`State A`). */
  memberState: string;
  memberStateName: string;
  status: ResponseStatus;
  publication: PublicationConsent;
  cells: ComparisonCell[];
}

export interface ChoiceCount {
  value: CellValue;
  label: string;
  count: number;
}

/** Per-choice counts of one coded variable (or of one checkbox question's choices together). */
export interface ChoiceSummary {
  question: string;
  variable: string;
  title: string;
  /** Counted replies that answer it. */
  answered: number;
  /** One per choice, in choice order, zero counts included. */
  counts: ChoiceCount[];
}

export interface NamedTableInfo {
  id: string;
  title: string;
  description?: string;
  /** Questions of the table that this version does not ask. */
  missingQuestions: string[];
}

export interface NotCountedState {
  memberState: string;
  memberStateName: string;
  /** `not_started` when the state has no reply at all. */
  status: ResponseStatus;
}

export interface Comparison {
  columns: ComparisonColumn[];
  rows: ComparisonRow[];
  summaries: ChoiceSummary[];
  table?: NamedTableInfo | null;
  /** Replies that count (the rows, before the publication variant leaves any out). */
  counted: number;
  activeStates: number;
  /** Active states without a counted reply (in the publication variant only those it may name). */
  notCounted: NotCountedState[];
  for: Audience;
}

export function getComparison(ref: VersionRef, columns: ColumnChoice, filter: AnalysisFilter, { signal }: { signal?: AbortSignal } = {}) {
  return api.get<Comparison>(withParams(versionPath(ref, '/comparison'), columnParams(columns, filter)), { signal });
}

export function getComparisonQueryOptions(ref: VersionRef, columns: ColumnChoice, filter: AnalysisFilter) {
  return queryOptions({
    queryKey: [...analysisQueryKey(ref.surveyId), 'comparison', ref.version, columns, filter] as const,
    queryFn: ({ signal }) => getComparison(ref, columns, filter, { signal }),
  });
}

/** The table stays on screen while a changed filter's table loads (the page says it is updating). */
export function useComparison(ref: VersionRef, columns: ColumnChoice, filter: AnalysisFilter) {
  return useQuery({ ...getComparisonQueryOptions(ref, columns, filter), placeholderData: keepPreviousData });
}
