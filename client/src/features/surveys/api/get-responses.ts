import { queryOptions, useQuery } from '@tanstack/react-query';
import { versionResponsesPath, versionResponsesQueryKey, type VersionRef } from '../../../api/response-keys';
import { api } from '../../../lib/api-client';
import type { ResponseSummary } from '../../../types/api';

/** Every member state's reply to one version that the caller may read: a delegate gets only their own. */
export function getResponses(ref: VersionRef, { signal }: { signal?: AbortSignal } = {}): Promise<ResponseSummary[]> {
  return api.get<ResponseSummary[]>(versionResponsesPath(ref), { signal });
}

// Under the version's responses key, so that whatever changes a reply of this version (a save,
// a submission, a review step) refreshes this list too.
export function getResponsesQueryOptions(surveyId: string, version: number) {
  return queryOptions({
    queryKey: [...versionResponsesQueryKey({ surveyId, version }), 'list'] as const,
    queryFn: ({ signal }) => getResponses({ surveyId, version }, { signal }),
  });
}

export function useResponses(surveyId: string, version: number) {
  return useQuery(getResponsesQueryOptions(surveyId, version));
}
