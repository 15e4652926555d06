import type { CompiledQuestionnaire, Problem } from '../questionnaire/index.js';
import { isStorableText } from '../http/storable-text.js';

/**
 * What the responses capability needs to know about a version's questions, derived once per
 * compiled questionnaire: which data keys exist, which question a key belongs to (the core's
 * dataKeys), and which top-level questions a comment may be attached to.
 */
export interface AnswerKeys {
  /** Every key a response's data may hold: question names and their comment keys. */
  readonly dataKeys: ReadonlySet<string>;
  /** Top-level question names (what a comment may be attached to). */
  readonly questions: ReadonlySet<string>;
  /** The question a data key belongs to: `q-Comment` → `q`. */
  questionOf(key: string): string;
}

const derived = new WeakMap<CompiledQuestionnaire, AnswerKeys>();

export function answerKeysOf(questionnaire: CompiledQuestionnaire): AnswerKeys {
  let keys = derived.get(questionnaire);
  if (!keys) {
    keys = {
      dataKeys: questionnaire.dataKeys.all,
      questions: new Set(questionnaire.catalogue.variables.map((variable) => variable.question)),
      questionOf: questionnaire.dataKeys.questionOf,
    };
    derived.set(questionnaire, keys);
  }
  return keys;
}

/**
 * Everything wrong with a save's values, before anything is read or written: the values set
 * (types, allowed choices, known questions — the answer schema's check, which judges each key on
 * its own, so checking `set` alone equals checking the merged data restricted to those keys),
 * unknown names in `unset`, a key both set and unset, and values PostgreSQL cannot store.
 */
export function saveProblems(questionnaire: CompiledQuestionnaire, set: Readonly<Record<string, unknown>>, unset: readonly string[]): Problem[] {
  const { dataKeys } = answerKeysOf(questionnaire);
  const problems = [...questionnaire.checkDraft(set)];
  for (const [key, value] of Object.entries(set)) {
    const why = unstorable(value);
    if (why && !problems.some((problem) => problem.question === key)) problems.push({ question: key, message: why });
  }
  const reported = new Set<string>();
  for (const key of unset) {
    if (reported.has(key)) continue;
    reported.add(key);
    if (!dataKeys.has(key)) problems.push({ question: key, message: 'unknown question' });
    else if (Object.hasOwn(set, key)) problems.push({ question: key, message: 'is both set and unset; send it in one of them' });
  }
  return problems;
}


/**
 * Why a JSON value cannot be stored as sent, or null: text PostgreSQL refuses, or a number JSON
 * cannot hold (1e400 parses as Infinity, which would be written as null).
 */
function unstorable(value: unknown): string | null {
  if (typeof value === 'string') return isStorableText(value) ? null : 'contains a character that cannot be stored (NUL or an unpaired surrogate)';
  if (typeof value === 'number') return Number.isFinite(value) ? null : 'is not a number that can be stored';
  if (Array.isArray(value)) {
    for (const item of value) {
      const why = unstorable(item);
      if (why) return why;
    }
    return null;
  }
  if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      const why = isStorableText(key) ? unstorable(item) : 'contains a key that cannot be stored';
      if (why) return why;
    }
  }
  return null;
}
