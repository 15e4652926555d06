import type { BoardEntry, VersionBoard } from '../../../../client/src/features/review/api/get-review-board';
import type { Survey } from '../../../../client/src/types/api';
import { json, type ApiHandler } from '../../helpers/fake-api';

/** Estonia's line of a version's board: not started unless `overrides` say otherwise. */
export function boardEntry(overrides: Partial<BoardEntry> = {}): BoardEntry {
  return {
    memberState: 'EE',
    memberStateName: 'Estonia',
    memberStateActive: true,
    status: 'not_started',
    revision: 0,
    progress: 0,
    openComments: 0,
    lastActivity: null,
    submittedAt: null,
    daysSinceSubmission: null,
    resubmitted: false,
    ...overrides,
  };
}

/** A version's board with its summary counted from the rows, as the server counts it. */
export function boardOf(surveyId: string, version: number, rows: BoardEntry[]): VersionBoard {
  const count = (status: BoardEntry['status']) => rows.filter((row) => row.status === status).length;
  return {
    surveyId,
    version,
    rows,
    summary: { accepted: count('accepted'), submitted: count('submitted'), returned: count('returned'), draft: count('draft'), notStarted: count('not_started') },
  };
}

export const boardPath = (surveyId: string, version: number) => `GET /api/surveys/${surveyId}/versions/${version}/review-board`;

/** Every version of `surveys` answering an empty board unless `boards` names it (`surveyId/version`). */
export function boardRoutes(surveys: Survey[], boards: Record<string, BoardEntry[]>): Record<string, ApiHandler> {
  return Object.fromEntries(
    surveys.flatMap((survey) =>
      survey.versions.map((version) => [boardPath(survey.id, version.version), json(200, boardOf(survey.id, version.version, boards[`${survey.id}/${version.version}`] ?? []))]),
    ),
  );
}
