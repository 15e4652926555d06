import type { PendingChanges } from './pending-changes';

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
