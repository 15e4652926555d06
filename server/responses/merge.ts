/**
 * Team editing without lost updates, as pure functions: what a save really changes, whether it
 * overlaps with what other people saved since the editor's base revision, and the data after it.
 * No I/O here. save.ts decides with these from what a save's statement read — on the short way
 * without locks, a write then rechecking the revision read; on the long way under the response's
 * row lock. save-statements.ts makes the same decisions in SQL on its fast paths, held to these
 * by tests/server/responses/save-differential.test.ts.
 */

export type Answers = Readonly<Record<string, unknown>>;

/** A save as the API receives it: answers to set, data keys to remove. */
export interface Change {
  readonly set: Answers;
  readonly unset: readonly string[];
}

/** A revision saved after the editor's base revision. */
export interface LaterRevision {
  readonly revision: number;
  readonly author: string | null;
  readonly authorName: string;
  readonly at: Date;
  /** Question names the revision changed. */
  readonly changed: readonly string[];
}

/** A question the save would overwrite although someone else changed it since the base revision. */
export interface Overlap {
  readonly question: string;
  readonly changedBy: string;
  readonly changedAt: Date;
  readonly revision: number;
}

/**
 * The part of a change that differs from the current answers: values equal to the current ones
 * and removals of keys that are not there are dropped. An empty result means "nothing to save".
 */
export function effectiveChange(current: Answers, change: Change): Change {
  const set: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(change.set)) {
    if (!Object.hasOwn(current, key) || !sameJson(current[key], value)) set[key] = value;
  }
  const unset = [...new Set(change.unset)].filter((key) => Object.hasOwn(current, key));
  return { set, unset };
}

export function isEmptyChange(change: Change): boolean {
  return Object.keys(change.set).length === 0 && change.unset.length === 0;
}

/** Every data key the change touches. */
export function changedKeys(change: Change): string[] {
  return [...Object.keys(change.set), ...change.unset];
}

/** The question names a change touches (a comment key belongs to its question, see questionOf), sorted, once each. */
export function changedQuestions(change: Change, questionOf: (key: string) => string): string[] {
  return [...new Set(changedKeys(change).map(questionOf))].sort();
}

/** The answers after the change; the current answers are not modified. */
export function applyChange(current: Answers, change: Change): Record<string, unknown> {
  const next: Record<string, unknown> = { ...current, ...change.set };
  for (const key of change.unset) delete next[key];
  return next;
}

/**
 * The questions of `questions` whose latest change after the base revision was made by someone
 * other than `author`. A person's own later save of a question is not a conflict, and neither is
 * their save of a question someone else changed earlier if they saved it again afterwards: by
 * then they had seen the other person's answer (else that save would itself have conflicted).
 * `later` must hold only revisions after the base revision, in any order.
 */
export function findOverlaps(questions: readonly string[], later: readonly LaterRevision[], author: string): Overlap[] {
  const lastChange = new Map<string, LaterRevision>();
  for (const revision of [...later].sort((a, b) => a.revision - b.revision)) {
    for (const question of revision.changed) lastChange.set(question, revision);
  }
  const overlaps: Overlap[] = [];
  for (const question of questions) {
    const last = lastChange.get(question);
    if (last && last.author !== author) {
      overlaps.push({ question, changedBy: last.authorName, changedAt: last.at, revision: last.revision });
    }
  }
  return overlaps;
}

/** Equality of JSON values; object key order does not matter (jsonb does not keep it). */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const other = b as unknown[];
    return a.length === other.length && a.every((item, index) => sameJson(item, other[index]));
  }
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = Object.keys(left);
  return keys.length === Object.keys(right).length && keys.every((key) => Object.hasOwn(right, key) && sameJson(left[key], right[key]));
}
