import { applyChange, type Change } from './merge.js';

/**
 * A revision row holds the change its save made, not the whole document (about 9 KB for a
 * complete response, which every autosave would otherwise write again). The full data is kept
 * as a snapshot at the first revision, at every status change and at every SNAPSHOT_EVERY-th
 * revision, so the data at any revision is the latest snapshot up to it plus fewer than
 * SNAPSHOT_EVERY changes.
 */
export const SNAPSHOT_EVERY = 50;

/** Whether a save writing this revision stores the full data. Status changes always do. */
export function isSnapshotSave(revision: number): boolean {
  return revision === 1 || revision % SNAPSHOT_EVERY === 0;
}

export interface StoredRevision {
  readonly revision: number;
  /** The full data after the revision, or null where only the change is stored. */
  readonly data: Readonly<Record<string, unknown>> | null;
  readonly change: Change | null;
}

/** The data after the last of `revisions`: consecutive revisions, oldest first, the first a snapshot. */
export function dataAfter(revisions: readonly StoredRevision[]): Record<string, unknown> {
  let data: Record<string, unknown> | undefined;
  for (const stored of revisions) {
    if (stored.data !== null) data = { ...stored.data };
    else if (data !== undefined && stored.change !== null) data = applyChange(data, stored.change);
    else throw new Error(`revision ${stored.revision} can be rebuilt neither from a snapshot nor from a change`);
  }
  if (data === undefined) throw new Error('no revision to rebuild the data from');
  return data;
}
