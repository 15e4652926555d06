import { isEmptyAnswer, type PendingChanges } from './pending-changes';

/**
 * Unacknowledged changes kept in the browser, so that neither a lost connection nor a closed tab
 * loses an answer: written on every change, removed once the server has acknowledged them, and
 * sent again when the page next opens (tab-draft-storage.ts keeps them in localStorage).
 */
export interface StoredDraft {
  /** The revision the changes were made on: sent as `baseRevision`, so overlaps are still found. */
  baseRevision: number;
  changes: PendingChanges;
}

export interface DraftStorage {
  /** What earlier visits left to send (this tab's, and closed tabs'); read once, as the page opens. */
  read(): StoredDraft | null;
  /** False when the browser refused to store it (storage full or disabled). */
  write(draft: StoredDraft): boolean;
  remove(): void;
  /** The page is open and sends what it keeps: no other page may take it over … */
  keep(): void;
  /** … until it is left: then a reload, or a page opened later, takes over what is still unsent. */
  release(): void;
}

/** The stored value as a draft, or null when it is not one (written by another release). */
export function draftFrom(parsed: unknown): StoredDraft | null {
  if (typeof parsed !== 'object' || parsed === null) return null;
  const { baseRevision, changes } = parsed as Record<string, unknown>;
  if (typeof baseRevision !== 'number' || !Number.isInteger(baseRevision) || baseRevision < 0) return null;
  if (typeof changes !== 'object' || changes === null) return null;
  const { set, unset } = changes as Record<string, unknown>;
  if (typeof set !== 'object' || set === null || Array.isArray(set)) return null;
  if (!Array.isArray(unset) || !unset.every((key) => typeof key === 'string')) return null;
  const values = Object.entries(set as Record<string, unknown>).filter(([, value]) => !isEmptyAnswer(value));
  return { baseRevision, changes: { set: Object.fromEntries(values), unset } };
}
