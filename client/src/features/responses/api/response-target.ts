/** Which member state's reply to which questionnaire version. */
export interface ResponseTarget {
  surveyId: string;
  version: number;
  /** Member state code, e.g. `EE`. */
  state: string;
}

/** `R/{state}` of API.md, the API path of one member state's reply, with an optional sub-path. */
export function responsePath({ surveyId, version, state }: ResponseTarget, suffix = ''): string {
  return `/api/surveys/${encodeURIComponent(surveyId)}/versions/${version}/responses/${encodeURIComponent(state)}${suffix}`;
}

/**
 * Every query about the replies to one version starts with this key (the home list, a reply, its
 * history), so that a save or a submission can mark them all out of date at once.
 */
export function versionResponsesQueryKey({ surveyId, version }: Pick<ResponseTarget, 'surveyId' | 'version'>) {
  return ['responses', surveyId, version] as const;
}

export function responseQueryKey(target: ResponseTarget) {
  return [...versionResponsesQueryKey(target), target.state] as const;
}
