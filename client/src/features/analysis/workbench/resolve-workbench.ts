import type { Survey, SurveyVersionSummary } from '../../../types/api';
import type { WorkbenchState } from './workbench-state';

/**
 * The workbench's state against what is published: the questionnaire and versions it names,
 * or the first questionnaire and its latest version (the latest two for two rounds) when it
 * names none or one that does not exist.
 */

export type ResolvedRounds =
  | { kind: 'one'; version: SurveyVersionSummary }
  | { kind: 'two'; from: SurveyVersionSummary; to: SurveyVersionSummary };

export interface ResolvedWorkbench {
  survey: Survey;
  /** Oldest first. */
  versions: SurveyVersionSummary[];
  latest: SurveyVersionSummary;
  rounds: ResolvedRounds;
  /** The state named a version that does not exist, and another is shown. */
  adjusted: boolean;
}

export function resolveWorkbench(state: WorkbenchState, surveys: Survey[]): ResolvedWorkbench | null {
  const withVersions = surveys.filter((survey) => survey.versions.length > 0);
  const survey = withVersions.find((candidate) => candidate.id === state.surveyId) ?? withVersions[0];
  if (!survey) return null;
  const versions = [...survey.versions].sort((a, b) => a.version - b.version);
  const latest = versions[versions.length - 1]!;
  const find = (version: number) => versions.find((candidate) => candidate.version === version);
  const sameSurvey = survey.id === state.surveyId || state.surveyId === null;

  if (state.rounds.kind === 'two' && versions.length >= 2) {
    const from = sameSurvey ? find(state.rounds.from) : undefined;
    const to = sameSurvey ? find(state.rounds.to) : undefined;
    if (from && to) return { survey, versions, latest, rounds: { kind: 'two', from, to }, adjusted: false };
    return { survey, versions, latest, rounds: { kind: 'two', from: versions[versions.length - 2]!, to: latest }, adjusted: sameSurvey };
  }
  const asked = state.rounds.kind === 'one' ? state.rounds.version : state.rounds.to;
  const version = asked !== null && sameSurvey ? find(asked) : undefined;
  return { survey, versions, latest, rounds: { kind: 'one', version: version ?? latest }, adjusted: asked !== null && sameSurvey && !version };
}

/** The version whose questions, codebook and languages the page offers: the one shown, or the later of two rounds. */
export function shownVersion({ rounds }: ResolvedWorkbench): SurveyVersionSummary {
  return rounds.kind === 'one' ? rounds.version : rounds.to;
}

/** "2009" from a version titled "… (2009)", else "Version 1": how a round is named in headings. */
export function roundName(version: Pick<SurveyVersionSummary, 'version' | 'title'>): string {
  const years = version.title.match(/\b(?:19|20)\d\d\b/g);
  return years ? years[years.length - 1]! : `Version ${version.version}`;
}

/** "2009 (version 1)", or "Version 3: its title" when the title names no year. */
export function versionLabel(version: Pick<SurveyVersionSummary, 'version' | 'title'>): string {
  const name = roundName(version);
  return name.startsWith('Version') ? `Version ${version.version}: ${version.title}` : `${name} (version ${version.version})`;
}
