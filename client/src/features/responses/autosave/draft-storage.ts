import type { ResponseTarget } from '../api/response-target';
import { isEmptyAnswer, type PendingChanges } from './pending-changes';

/**
 * Unacknowledged changes kept in the browser, so that neither a lost connection nor a closed tab
 * loses an answer: written on every change, removed once the server has acknowledged them, and
 * sent again when the page next opens. One entry per person and reply, so that two people
 * sharing a browser never send each other's answers.
 */
export interface StoredDraft {
  /** The revision the changes were made on: sent as `baseRevision`, so overlaps are still found. */
  baseRevision: number;
  changes: PendingChanges;
}

export interface DraftStorage {
  read(): StoredDraft | null;
  /** False when the browser refused to store it (storage full or disabled). */
  write(draft: StoredDraft): boolean;
  remove(): void;
}

export function draftStorageKey(userId: string, { surveyId, version, state }: ResponseTarget): string {
  return `ncs:response-draft:${JSON.stringify([userId, surveyId, version, state])}`;
}

/** A draft store on `localStorage`; without it (disabled, or a private window that refuses) nothing is kept. */
export function browserDraftStorage(key: string): DraftStorage {
  const storage = localStorageOrNull();
  return {
    read() {
      try {
        return parseDraft(storage?.getItem(key) ?? null);
      } catch {
        return null;
      }
    },
    write(draft) {
      try {
        if (!storage) return false;
        storage.setItem(key, JSON.stringify(draft));
        return true;
      } catch {
        return false;
      }
    },
    remove() {
      try {
        storage?.removeItem(key);
      } catch {
        // Nothing to do: the entry is only sent again, and the server ignores what it already has.
      }
    },
  };
}

function localStorageOrNull(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

/** The stored text as a draft, or null when it is missing or not one (written by another release). */
export function parseDraft(text: string | null): StoredDraft | null {
  if (text === null) return null;
  const parsed: unknown = JSON.parse(text);
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
