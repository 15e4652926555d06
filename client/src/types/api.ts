/** Shapes of the API's answers that more than one feature reads (see docs/API.md). */

export type VersionStatus = 'open' | 'closed';

export type ResponseStatus = 'not_started' | 'draft' | 'submitted' | 'returned' | 'accepted';

export interface SurveyVersionSummary {
  version: number;
  title: string;
  status: VersionStatus;
  /** ISO 8601 timestamp. */
  publishedAt: string;
}

export interface Survey {
  /** A slug, e.g. `national-cooperation`. */
  id: string;
  title: string;
  versions: SurveyVersionSummary[];
}

/** One member state's reply to a questionnaire version, as `GET …/responses` lists it. */
export interface ResponseSummary {
  memberState: string;
  memberStateName: string;
  status: ResponseStatus;
  /** 0 before the first save. */
  revision: number;
  /** Share of the (required) questions answered, 0–1. */
  progress: number;
  /** ISO 8601 timestamps; null before the first save or submission. */
  updatedAt: string | null;
  submittedAt: string | null;
  /** The name of whoever made the latest change. */
  updatedBy: string | null;
  /** Review comments not yet resolved. */
  openComments: number;
}

export interface SurveyVersion {
  surveyId: string;
  version: number;
  title: string;
  status: VersionStatus;
  /** The SurveyJS JSON of this version; never changes once published. */
  definition: Record<string, unknown>;
}

export type Role = 'admin' | 'consultant' | 'analyst' | 'delegate';

/** The signed-in person, as `GET /api/auth/me` and sign-in return them. */
export interface User {
  id: string;
  email: string;
  name: string;
  role: Role;
  /** A member state code such as `EE` for delegates; null for every other role. */
  memberState: string | null;
  /** Set after signing in with a one-time password: nothing else works until it is changed. */
  mustChangePassword: boolean;
}

/** The answer of sign-in, `GET /api/auth/me`, invitation acceptance and password change. */
export interface SignedIn {
  user: User;
  /** Null when the caller used an API token rather than a session cookie. */
  csrfToken: string | null;
}
