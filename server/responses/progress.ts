import type { CompiledQuestionnaire } from '../questionnaire/index.js';

/** The share of answered questions, 0–1 with 3 decimals, as lists and boards show it. */
export function progressShare(questionnaire: CompiledQuestionnaire, data: unknown): number {
  return Math.round(questionnaire.progress(data).share * 1000) / 1000;
}
