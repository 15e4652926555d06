import type { Survey, SurveyVersionSummary } from '../../../types/api';
import type { BoardEntry, VersionBoard } from '../api/get-review-board';

/** A questionnaire version: one column of the board. */
export interface BoardColumn {
  /** `surveyId/version`, unique across surveys. */
  key: string;
  surveyId: string;
  surveyTitle: string;
  version: SurveyVersionSummary;
  /** "Version 2", or with the questionnaire's title when the board has several questionnaires. */
  versionLabel: string;
}

/** A member state: one row of the board, with its reply to each version it was asked. */
export interface BoardLine {
  memberState: string;
  memberStateName: string;
  /** False when the state is inactive (listed for the replies it has). */
  active: boolean;
  /** By column key; a version has no entry for an inactive state that never replied to it. */
  cells: ReadonlyMap<string, BoardEntry>;
}

export const columnKey = (surveyId: string, version: number) => `${surveyId}/${version}`;

/** Every version of every survey: open rounds first, then the newest, as the delegates' home orders them. */
export function toColumns(surveys: readonly Survey[]): BoardColumn[] {
  const several = surveys.filter((survey) => survey.versions.length > 0).length > 1;
  return surveys
    .flatMap((survey) =>
      survey.versions.map((version) => ({
        key: columnKey(survey.id, version.version),
        surveyId: survey.id,
        surveyTitle: survey.title,
        version,
        versionLabel: several ? `${survey.title}, version ${version.version}` : `Version ${version.version}`,
      })),
    )
    .sort(
      (a, b) =>
        Number(b.version.status === 'open') - Number(a.version.status === 'open') ||
        b.version.publishedAt.localeCompare(a.version.publishedAt) ||
        // Versions imported together at the first start share their moment: the later one first.
        b.version.version - a.version.version,
    );
}

/** One line per member state that any version lists, in the order the boards first name them. */
export function toLines(boards: ReadonlyArray<{ column: BoardColumn; board: VersionBoard }>): BoardLine[] {
  const lines = new Map<string, { memberState: string; memberStateName: string; active: boolean; cells: Map<string, BoardEntry> }>();
  for (const { column, board } of boards) {
    for (const entry of board.rows) {
      let line = lines.get(entry.memberState);
      if (!line) {
        line = { memberState: entry.memberState, memberStateName: entry.memberStateName, active: entry.memberStateActive, cells: new Map() };
        lines.set(entry.memberState, line);
      }
      line.cells.set(column.key, entry);
    }
  }
  return [...lines.values()];
}
