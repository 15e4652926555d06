import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { ResponseStatus } from '../../../types/api';
import { filterParams, withParams, type AnalysisFilter } from './analysis-filter';
import { analysisQueryKey, surveyPath } from './analysis-paths';

/** `GET /api/surveys/{surveyId}/member-states/{state}/profile`: one state's answers in every round. */

export interface ProfileRound {
  version: number;
  title: string;
  /** Null when the state has no counted reply in this round. */
  status: ResponseStatus | null;
  submittedAt: string | null;
}

export interface ProfileAnswer {
  version: number;
  /** The answer in the questionnaire's words; null when not answered (or not asked) in that round. */
  label: string | null;
  /** False when that round's version does not ask the question at all. */
  asked?: boolean;
}

export interface ProfileQuestion {
  key: string;
  title: string;
  /** One per round, in the order of `rounds`. */
  answers: ProfileAnswer[];
}

export interface ProfileSection {
  section: string;
  title: string;
  questions: ProfileQuestion[];
}

export interface CountryProfile {
  memberState: string;
  memberStateName: string;
  rounds: ProfileRound[];
  sections: ProfileSection[];
}

/** The profile reads in one language and counts some statuses; it is never a publication variant. */
export type ProfileFilter = Omit<AnalysisFilter, 'audience'>;

export function getProfile(surveyId: string, state: string, filter: ProfileFilter, { signal }: { signal?: AbortSignal } = {}) {
  const params = filterParams({ ...filter, audience: 'analysis' });
  return api.get<CountryProfile>(withParams(surveyPath(surveyId, `/member-states/${encodeURIComponent(state)}/profile`), params), { signal });
}

export function getProfileQueryOptions(surveyId: string, state: string, filter: ProfileFilter) {
  return queryOptions({
    queryKey: [...analysisQueryKey(surveyId), 'profile', state, filter] as const,
    queryFn: ({ signal }) => getProfile(surveyId, state, filter, { signal }),
  });
}

export function useProfile(surveyId: string, state: string, filter: ProfileFilter) {
  return useQuery(getProfileQueryOptions(surveyId, state, filter));
}
