import type { CompiledQuestionnaire } from '../questionnaire/index.js';

/** The share of answered questions, 0–1 with 3 decimals, as lists and boards show it. */
export function progressShare(questionnaire: CompiledQuestionnaire, data: unknown): number {
  return Math.round(questionnaire.progress(data).share * 1000) / 1000;
}

/**
 * survey-core takes milliseconds per response to work out progress, and a board lists every
 * member state: the share is remembered per response revision (a revision's data never
 * changes), so a list only loads and measures the data of responses changed since.
 */
export function createProgressCache(limit = 20_000) {
  const shares = new Map<string, number>();
  const key = (responseId: string, revision: number) => `${responseId}@${revision}`;

  function cached(responseId: string, revision: number): number | undefined {
    return shares.get(key(responseId, revision));
  }

  function measure(questionnaire: CompiledQuestionnaire, responseId: string, revision: number, data: unknown): number {
    const id = key(responseId, revision);
    const known = shares.get(id);
    if (known !== undefined) return known;
    const share = progressShare(questionnaire, data);
    shares.set(id, share);
    // Oldest first out: Map keeps insertion order.
    if (shares.size > limit) shares.delete(shares.keys().next().value!);
    return share;
  }

  return { cached, measure };
}

export type ProgressCache = ReturnType<typeof createProgressCache>;
