import { compileQuestionnaire, type CompiledQuestionnaire } from '../questionnaire/index.js';
import type { SurveysService, SurveyVersionRecord } from './service.js';

export interface LoadedVersion {
  readonly record: SurveyVersionRecord;
  readonly questionnaire: CompiledQuestionnaire;
}

/**
 * Compiling a version (survey-core model, catalogue, Ajv schema) costs tens of milliseconds, so
 * each is compiled once per process. Keyed by content hash: published definitions never change,
 * so a cached entry can never be stale — only the version's status is re-read each time.
 */
export function createCompiledQuestionnaires(surveys: SurveysService) {
  const compiled = new Map<string, CompiledQuestionnaire>();

  async function load(surveyId: string, version: number): Promise<LoadedVersion> {
    const record = await surveys.getVersion(surveyId, version);
    let questionnaire = compiled.get(record.contentHash);
    if (!questionnaire) {
      questionnaire = compileQuestionnaire(record.definition);
      compiled.set(record.contentHash, questionnaire);
    }
    return { record, questionnaire };
  }

  return { load };
}

export type CompiledQuestionnaires = ReturnType<typeof createCompiledQuestionnaires>;
