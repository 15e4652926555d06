/** The audit events of questionnaire versions: one name each, and the target they are filed under. */
export const VERSION_PUBLISHED = 'survey.version_published';
export const VERSION_OPENED = 'survey.version_opened';
export const VERSION_CLOSED = 'survey.version_closed';

export const versionTarget = (surveyId: string, version: number) => `${surveyId}/v${version}`;
