import { isAnswered } from '@core/answered';
import type { Answers } from '../api/get-response';

/**
 * Answers changed in the editor that the server has not acknowledged yet, per data key: a value
 * to set, or a key to remove. The latest change of a key replaces earlier ones, so a burst of
 * typing becomes one value. Immutable: every function returns a new object.
 */
export interface PendingChanges {
  readonly set: Readonly<Answers>;
  readonly unset: readonly string[];
}

export const NO_CHANGES: PendingChanges = { set: {}, unset: [] };

/** The changes with `key` now holding `value`; an unanswered value (API.md: an empty string, array or object) is removed. */
export function withAnswer(changes: PendingChanges, key: string, value: unknown): PendingChanges {
  const { set, unset } = withoutKeys(changes, [key]);
  if (!isAnswered(value)) return { set, unset: [...unset, key] };
  return { set: { ...set, [key]: value }, unset };
}

/** Both sets of changes as one; for a key in both, `newer` wins. */
export function mergeChanges(older: PendingChanges, newer: PendingChanges): PendingChanges {
  const newerKeys = new Set(changedKeys(newer));
  const kept = withoutKeys(older, newerKeys);
  return { set: { ...kept.set, ...newer.set }, unset: [...kept.unset, ...newer.unset] };
}

export function withoutKeys(changes: PendingChanges, keys: Iterable<string>): PendingChanges {
  const drop = new Set(keys);
  return {
    set: Object.fromEntries(Object.entries(changes.set).filter(([key]) => !drop.has(key))),
    unset: changes.unset.filter((key) => !drop.has(key)),
  };
}

export function changedKeys(changes: PendingChanges): string[] {
  return [...Object.keys(changes.set), ...changes.unset];
}

export function hasChanges(changes: PendingChanges): boolean {
  return changes.unset.length > 0 || Object.keys(changes.set).length > 0;
}
