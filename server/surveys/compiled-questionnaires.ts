import { compileQuestionnaire, type CompiledQuestionnaire } from '../questionnaire/index.js';
import type { SurveysService, SurveyVersionInfo } from './service.js';

export interface LoadedVersion {
  readonly record: SurveyVersionInfo;
  readonly questionnaire: CompiledQuestionnaire;
}

/**
 * Compiling a version (survey-core model, catalogue, Ajv schema) costs tens of milliseconds, so
 * each is compiled once per process. Keyed by content hash: published definitions never change,
 * so a cached entry can never be stale. Each request re-reads only the small version row (its
 * status may change); the definition itself is read from the database once, on a cache miss.
 */
export function createCompiledQuestionnaires(surveys: SurveysService) {
  const compiled = new Map<string, CompiledQuestionnaire>();

  async function load(surveyId: string, version: number): Promise<LoadedVersion> {
    const record = await surveys.getVersionInfo(surveyId, version);
    let questionnaire = compiled.get(record.contentHash);
    if (!questionnaire) {
      questionnaire = compileQuestionnaire((await surveys.getVersion(surveyId, version)).definition);
      compiled.set(record.contentHash, questionnaire);
    }
    return { record, questionnaire };
  }

  return { load };
}

export type CompiledQuestionnaires = ReturnType<typeof createCompiledQuestionnaires>;
