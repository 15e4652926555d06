/** Which member state's reply to which questionnaire version. */
export interface ResponseRef {
  surveyId: string;
  version: number;
  state: string;
}

/** `R/{state}` of API.md: the API path of one member state's reply. */
export function responsePath({ surveyId, version, state }: ResponseRef): string {
  return `/api/surveys/${encodeURIComponent(surveyId)}/versions/${version}/responses/${encodeURIComponent(state)}`;
}

/** Under the version's responses key, so that a change to the reply can refresh its history too. */
export function responseQueryKey({ surveyId, version, state }: ResponseRef) {
  return ['responses', surveyId, version, state] as const;
}
