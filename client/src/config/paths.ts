/**
 * Every URL of the client, in one place: routes use `path`, links use `getHref(...)`. API paths are
 * not here; they live beside the API call that uses them.
 */
export const paths = {
  home: {
    path: '/',
    getHref: () => '/',
  },
  signIn: {
    path: '/sign-in',
    /** `next`: where to go once signed in (a path on this site). */
    getHref: (next?: string) => withNext('/sign-in', next),
  },
  invitation: {
    path: '/invitations/:token',
    getHref: (token: string) => `/invitations/${encodeURIComponent(token)}`,
  },
  changePassword: {
    path: '/account/password',
    /** `next`: where to go once a required change is done. */
    getHref: (next?: string) => withNext('/account/password', next),
  },
  apiTokens: {
    path: '/account/tokens',
    getHref: () => '/account/tokens',
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
  /** A member state's reply to a questionnaire version: filled in by its delegates, read by the others. */
  response: {
    path: '/questionnaires/:surveyId/versions/:version/responses/:state',
    getHref: (surveyId: string, version: number, state: string) =>
      `/questionnaires/${encodeURIComponent(surveyId)}/versions/${version}/responses/${encodeURIComponent(state)}`,
  },
  /** Who changed what and when in a reply, question by question. */
  responseHistory: {
    path: '/questionnaires/:surveyId/versions/:version/responses/:state/history',
    getHref: (surveyId: string, version: number, state: string) =>
      `/questionnaires/${encodeURIComponent(surveyId)}/versions/${version}/responses/${encodeURIComponent(state)}/history`,
  },
  /** Two revisions of a reply side by side; `from`, `to` and `all` (unchanged questions too) in the query. */
  responseCompare: {
    path: '/questionnaires/:surveyId/versions/:version/responses/:state/history/compare',
    getHref: (surveyId: string, version: number, state: string, search?: URLSearchParams) =>
      withSearch(`/questionnaires/${encodeURIComponent(surveyId)}/versions/${version}/responses/${encodeURIComponent(state)}/history/compare`, search),
  },
  /** Every change of a reply: revision, who, when, question, old and new value. */
  responseAudit: {
    path: '/questionnaires/:surveyId/versions/:version/responses/:state/history/audit',
    getHref: (surveyId: string, version: number, state: string) =>
      `/questionnaires/${encodeURIComponent(surveyId)}/versions/${version}/responses/${encodeURIComponent(state)}/history/audit`,
  },
  /** The analyst's workbench; what it shows is its query string (see features/analysis/workbench). */
  analysis: {
    path: '/analysis',
    getHref: (search?: URLSearchParams) => withSearch('/analysis', search),
  },
  /** Every variable of a questionnaire version, with its codes and labels. */
  analysisCodebook: {
    path: '/analysis/codebook',
    getHref: (surveyId: string, version: number, locale: string | null = null) =>
      withSearch('/analysis/codebook', new URLSearchParams({ survey: surveyId, version: String(version), ...(locale ? { locale } : {}) })),
  },
  /** One member state's answers in every round of a questionnaire. */
  countryProfile: {
    path: '/analysis/profiles/:state',
    getHref: (state: string, surveyId: string) =>
      withSearch(`/analysis/profiles/${encodeURIComponent(state)}`, new URLSearchParams({ survey: surveyId })),
  },
  /** Where every member state's reply stands: the consultant's home, and here for administrators. */
  review: {
    path: '/review',
    getHref: () => '/review',
  },
  people: {
    path: '/admin/people',
    getHref: () => '/admin/people',
  },
  memberStates: {
    path: '/admin/member-states',
    getHref: () => '/admin/member-states',
  },
  auditLog: {
    path: '/admin/audit',
    getHref: (action?: string) => (action ? `/admin/audit?${new URLSearchParams({ action }).toString()}` : '/admin/audit'),
  },
} as const;

function withSearch(path: string, search: URLSearchParams | undefined): string {
  const query = search?.toString();
  return query ? `${path}?${query}` : path;
}

function withNext(path: string, next: string | undefined): string {
  return next ? `${path}?${new URLSearchParams({ next }).toString()}` : path;
}

/** A `:version` URL segment as a version number, or null when it is not one (`0`, `2a`, `-1`). */
export function parseVersionParam(segment: string | undefined): number | null {
  if (segment === undefined || !/^[1-9][0-9]{0,8}$/.test(segment)) return null;
  return Number(segment);
}

/**
 * A `next` query value as a path on this site to go to, or null. Only a relative path that stays
 * on this origin is accepted: `https://evil.example`, `//evil.example` and `/\evil.example` would
 * otherwise turn the sign-in page into an open redirect.
 */
export function safeNextPath(raw: string | null | undefined): string | null {
  if (!raw || !raw.startsWith('/') || raw.startsWith('//') || raw.startsWith('/\\')) return null;
  const base = 'https://this-site.invalid';
  let url: URL;
  try {
    url = new URL(raw, base);
  } catch {
    return null;
  }
  if (url.origin !== base) return null;
  const path = `${url.pathname}${url.search}${url.hash}`;
  // Coming back to the sign-in page after signing in would only loop.
  return url.pathname === '/sign-in' ? null : path;
}
