import { queryOptions, useQuery } from '@tanstack/react-query';
import { responsePath, responseQueryKey, type ResponseTarget } from '../../../api/response-keys';
import { api } from '../../../lib/api-client';
import type { RevisionSummary } from './get-revisions';

export type RevisionInfo = Pick<RevisionSummary, 'revision' | 'kind' | 'status' | 'author' | 'at'>;

/** One part of a question's answer before and after, in words; null is unanswered. */
export interface AnswerPartDiff {
  /** "Police", "Shelter — Provider", "Entry 2: Name"; null for the answer itself. */
  label: string | null;
  old: string | null;
  new: string | null;
  changed: boolean;
  /** A dynamic-panel entry only one side has. */
  entry?: 'added' | 'removed';
}

export interface QuestionDiff {
  question: string;
  title: string;
  section: string;
  sectionTitle: string;
  changed: boolean;
  old: { text: string | null };
  new: { text: string | null };
  parts: AnswerPartDiff[];
}

export interface Comparison {
  /** null for revision 0, before the first. */
  from: RevisionInfo | null;
  to: RevisionInfo;
  changedCount: number;
  questions: QuestionDiff[];
}

export interface CompareRequest {
  from: number;
  to: number;
  /** Every question, not only the changed ones. */
  all: boolean;
}

/** `GET R/{state}/compare`: what changed from one revision to another, in the questionnaire's words. */
export function getComparison(ref: ResponseTarget, { from, to, all }: CompareRequest, { signal }: { signal?: AbortSignal } = {}): Promise<Comparison> {
  const query = new URLSearchParams({ from: String(from), to: String(to), all: String(all) });
  return api.get<Comparison>(responsePath(ref, `/compare?${query.toString()}`), { signal });
}

export function getComparisonQueryOptions(ref: ResponseTarget, request: CompareRequest) {
  return queryOptions({
    queryKey: [...responseQueryKey(ref), 'compare', request.from, request.to, request.all] as const,
    queryFn: ({ signal }) => getComparison(ref, request, { signal }),
    // Two revisions, once made, never change.
    staleTime: Infinity,
  });
}

export function useComparison(ref: ResponseTarget, request: CompareRequest | null) {
  return useQuery({ ...getComparisonQueryOptions(ref, request ?? { from: 0, to: 0, all: false }), enabled: request !== null });
}
