import { compileQuestionnaire, type CompiledQuestionnaire } from '../questionnaire/index.js';
import type { FastifyBaseLogger } from 'fastify';
import type { SurveysService, SurveyVersionInfo } from './service.js';

export interface LoadedVersion {
  readonly record: SurveyVersionInfo;
  readonly questionnaire: CompiledQuestionnaire;
}

/**
 * Compiling a version (survey-core model, catalogue, Ajv schema) costs tens of milliseconds, so
 * each is compiled once per process. Keyed by content hash: published definitions never change,
 * so a cached entry can never be stale. `load` re-reads the small version row on every call
 * (its status and title may change); the definition itself is read from the database once, on
 * a cache miss.
 */
export function createCompiledQuestionnaires(surveys: SurveysService, log: Pick<FastifyBaseLogger, 'warn'>) {
  const byContent = new Map<string, CompiledQuestionnaire>();
  /** A version number is never reused for other content (the import refuses a changed file). */
  const byVersion = new Map<string, CompiledQuestionnaire>();
  const versionKey = (surveyId: string, version: number) => `${version}/${surveyId}`;

  async function load(surveyId: string, version: number): Promise<LoadedVersion> {
    const record = await surveys.getVersionInfo(surveyId, version);
    let questionnaire = byContent.get(record.contentHash);
    if (!questionnaire) {
      questionnaire = compileQuestionnaire((await surveys.getVersion(surveyId, version)).definition);
      byContent.set(record.contentHash, questionnaire);
      const engine = questionnaire.submitEngine;
      if (engine.kind === 'survey-core') {
        // Correct, but about 25-40 ms of the event loop per submission and per listed reply's progress.
        log.warn(
          { surveyId, version, reasons: engine.reasons },
          'this questionnaire version uses properties the submit rules do not model, so submissions and progress run survey-core on the slow path; see the reasons',
        );
      }
    }
    byVersion.set(versionKey(surveyId, version), questionnaire);
    return { record, questionnaire };
  }

  /**
   * The version's questionnaire without its record, for callers that need neither its status
   * nor its title (a save reads the status under a lock anyway): no database read once the
   * version has been loaded. An unknown version is 404 SURVEY_VERSION_NOT_FOUND, as from `load`.
   */
  async function questionnaire(surveyId: string, version: number): Promise<CompiledQuestionnaire> {
    return byVersion.get(versionKey(surveyId, version)) ?? (await load(surveyId, version)).questionnaire;
  }

  return { load, questionnaire };
}

export type CompiledQuestionnaires = ReturnType<typeof createCompiledQuestionnaires>;
