/**
 * Every URL of the client, in one place: routes use `path`, links use `getHref(...)`. API paths are
 * not here; they live beside the API call that uses them.
 */
export const paths = {
  home: {
    path: '/',
    getHref: () => '/',
  },
  questionnaires: {
    path: '/questionnaires',
    getHref: () => '/questionnaires',
  },
  questionnaire: {
    path: '/questionnaires/:surveyId/versions/:version',
    getHref: (surveyId: string, version: number) =>
      `/questionnaires/${encodeURIComponent(surveyId)}/versions/${version}`,
  },
} as const;

/** A `:version` URL segment as a version number, or null when it is not one (`0`, `2a`, `-1`). */
export function parseVersionParam(segment: string | undefined): number | null {
  if (segment === undefined || !/^[1-9][0-9]{0,8}$/.test(segment)) return null;
  return Number(segment);
}
