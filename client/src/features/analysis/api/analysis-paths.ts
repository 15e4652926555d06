/**
 * The analysis API's paths and the root of its query keys, in one place. Every analysis query
 * key starts with `analysisQueryKey(surveyId)`, so that everything read about a survey's
 * replies can be marked out of date at once.
 */

export interface VersionRef {
  surveyId: string;
  version: number;
}

/** `A` of API.md, `/api/surveys/{surveyId}/versions/{version}`, with a sub-path. */
export function versionPath({ surveyId, version }: VersionRef, suffix: string): string {
  return `/api/surveys/${encodeURIComponent(surveyId)}/versions/${version}${suffix}`;
}

/** `/api/surveys/{surveyId}` with a sub-path: the routes that span versions (rounds, profiles). */
export function surveyPath(surveyId: string, suffix: string): string {
  return `/api/surveys/${encodeURIComponent(surveyId)}${suffix}`;
}

export function analysisQueryKey(surveyId: string) {
  return ['analysis', surveyId] as const;
}
