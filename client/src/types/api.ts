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

export interface SurveyVersion {
  surveyId: string;
  version: number;
  title: string;
  status: VersionStatus;
  /** The SurveyJS JSON of this version; never changes once published. */
  definition: Record<string, unknown>;
}
