/**
 * The replies are read by several features (a reply, its history, the questionnaire lists), so
 * their API paths and query keys live here, once: a save or a submission marks the others out of
 * date only because every one of them builds its key the same way.
 */

/** Which member state's reply to which questionnaire version. */
export interface ResponseTarget {
  surveyId: string;
  version: number;
  /** Member state code, e.g. `EE`. */
  state: string;
}

export type VersionRef = Pick<ResponseTarget, 'surveyId' | 'version'>;

/** `/api/surveys/{id}/versions/{v}/responses`: the replies to one version. */
export function versionResponsesPath({ surveyId, version }: VersionRef): string {
  return `/api/surveys/${encodeURIComponent(surveyId)}/versions/${version}/responses`;
}

/** `R/{state}` of API.md, the API path of one member state's reply, with an optional sub-path. */
export function responsePath(target: ResponseTarget, suffix = ''): string {
  return `${versionResponsesPath(target)}/${encodeURIComponent(target.state)}${suffix}`;
}

/**
 * Every query about the replies to one version starts with this key (the list, a reply, its
 * history), so that a save or a submission can mark them all out of date at once.
 */
export function versionResponsesQueryKey({ surveyId, version }: VersionRef) {
  return ['responses', surveyId, version] as const;
}

export function responseQueryKey(target: ResponseTarget) {
  return [...versionResponsesQueryKey(target), target.state] as const;
}
