import { isAnswered } from '@core/answered';
import type { ResponseTarget } from '../../../api/response-keys';
import type { DraftStorage, StoredDraft } from './draft-storage';
import { mergeChanges, NO_CHANGES } from './pending-changes';
import { randomId, sessionTabIdentity } from './tab-identity';

/**
 * Unsent changes in localStorage, one entry per person, reply and browser tab: two tabs of the
 * same person on the same reply never overwrite each other's. The person is part of the key, so
 * that two people sharing a browser never send each other's answers.
 *
 * The page that keeps an entry marks it every HEARTBEAT_MS while it is open, and releases it when
 * it is left. When a reply page opens it takes its own tab's entry (a reload), and adopts the
 * entries of tabs that are gone (released, or not marked for ABANDONED_AFTER_MS): their changes
 * join its own and are sent, and their entries are removed. Entries of open tabs are left alone.
 */

const HEARTBEAT_MS = 30_000;
/** Generous: browsers run a background tab's timers as rarely as once a minute. */
export const ABANDONED_AFTER_MS = 120_000;

const KEY_PREFIX = 'ncs:response-draft:';

interface DraftEntry extends StoredDraft {
  /** When the changes were last written: for a question in two entries, the later one counts. */
  writtenAt: number;
  /** When the page keeping it last said it is open; null once it is left (or not yet kept). */
  heartbeatAt: number | null;
  /** The page visit that wrote it. */
  writer: string;
}

export interface DraftOwner {
  userId: string;
  target: ResponseTarget;
}

export interface BrowserStorages {
  local: Storage | null;
  session: Storage | null;
}

/** A draft store on `localStorage`; without it (disabled, or a private window that refuses) nothing is kept. */
export function browserDraftStorage(owner: DraftOwner, { local, session }: BrowserStorages = browserStorages()): DraftStorage {
  const tab = sessionTabIdentity(session);
  const visit = randomId();
  let tabId: string | null = null;
  let kept = false;
  let heartbeat: ReturnType<typeof setInterval> | undefined;

  const ownKey = () => entryKey(owner, (tabId ??= tab.current()));
  const readEntry = (key: string) => entryFrom(local?.getItem(key) ?? null);

  /** Marks this visit's entry as kept (now) or released (null); another visit's is not touched. */
  function stamp(heartbeatAt: number | null) {
    try {
      const entry = readEntry(ownKey());
      if (entry?.writer === visit) local?.setItem(ownKey(), JSON.stringify({ ...entry, heartbeatAt }));
    } catch {
      // Unmarked, the entry is taken over sooner: its changes are then sent twice, which is harmless.
    }
  }

  function write(draft: StoredDraft): boolean {
    if (!local) return false;
    try {
      const now = Date.now();
      const current = readEntry(ownKey());
      // Another page keeps this tab's entry (a duplicated tab copies the id): it stays, this page takes a new id.
      if (current && current.writer !== visit && isOpen(current, now)) tabId = tab.replace();
      const entry: DraftEntry = { ...draft, writtenAt: now, heartbeatAt: kept ? now : null, writer: visit };
      local.setItem(ownKey(), JSON.stringify(entry));
      return true;
    } catch {
      return false;
    }
  }

  return {
    read() {
      if (!local) return null;
      let found: { key: string; entry: DraftEntry }[];
      try {
        const now = Date.now();
        const own = ownKey();
        // This tab's entry whoever kept it (after a reload, the page before), and those of tabs that are gone.
        found = replyKeys(local, owner)
          .flatMap((key) => {
            const entry = readEntry(key);
            return entry ? [{ key, entry }] : [];
          })
          .filter(({ key, entry }) => key === own || !isOpen(entry, now));
      } catch {
        return null;
      }
      if (found.length === 0) return null;
      const combined = combine(found.map(({ entry }) => entry));
      // The others are removed only once their changes are safe in this page's entry.
      if (write(combined)) {
        for (const { key } of found) if (key !== ownKey()) removeQuietly(local, key);
      }
      return combined;
    },

    write,

    remove() {
      if (!local) return;
      try {
        const current = readEntry(ownKey());
        if (current === null || current.writer === visit) local.removeItem(ownKey());
      } catch {
        // Nothing to do: the entry is only sent again, and the server ignores what it already has.
      }
    },

    keep() {
      kept = true;
      stamp(Date.now());
      clearInterval(heartbeat);
      heartbeat = setInterval(() => stamp(Date.now()), HEARTBEAT_MS);
    },

    release() {
      kept = false;
      clearInterval(heartbeat);
      heartbeat = undefined;
      stamp(null);
    },
  };
}

function browserStorages(): BrowserStorages {
  return { local: storageOrNull(() => localStorage), session: storageOrNull(() => sessionStorage) };
}

function storageOrNull(get: () => Storage): Storage | null {
  try {
    return get();
  } catch {
    return null;
  }
}

function replyOf({ userId, target }: DraftOwner): unknown[] {
  return [userId, target.surveyId, target.version, target.state];
}

function entryKey(owner: DraftOwner, tabId: string): string {
  return KEY_PREFIX + JSON.stringify([...replyOf(owner), tabId]);
}

/**
 * The keys of the reply's entries: one per tab, and the single entry per person and reply of the
 * release before (its key has no tab), read the same way and taken over once.
 */
function replyKeys(local: Storage, owner: DraftOwner): string[] {
  const reply = JSON.stringify(replyOf(owner));
  const keys: string[] = [];
  for (let index = 0; index < local.length; index += 1) {
    const key = local.key(index);
    if (!key?.startsWith(KEY_PREFIX)) continue;
    const parts = parseJson(key.slice(KEY_PREFIX.length));
    if (!Array.isArray(parts) || parts.length < 4 || parts.length > 5) continue;
    if (JSON.stringify(parts.slice(0, 4)) === reply) keys.push(key);
  }
  return keys;
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
  const values = Object.entries(set as Record<string, unknown>).filter(([, value]) => isAnswered(value));
  return { baseRevision, changes: { set: Object.fromEntries(values), unset } };
}

/** An entry of this release, or a draft of the one before (never kept, written before any entry of a tab). */
function entryFrom(text: string | null): DraftEntry | null {
  if (text === null) return null;
  const parsed = parseJson(text);
  const draft = draftFrom(parsed);
  if (!draft) return null;
  const { writtenAt, heartbeatAt, writer } = parsed as Record<string, unknown>;
  return {
    ...draft,
    writtenAt: typeof writtenAt === 'number' ? writtenAt : 0,
    heartbeatAt: typeof heartbeatAt === 'number' ? heartbeatAt : null,
    writer: typeof writer === 'string' ? writer : '',
  };
}

/** Kept by a page that was open a moment ago (either way: a clock set back does not keep an entry forever). */
function isOpen(entry: DraftEntry, now: number): boolean {
  return entry.heartbeatAt !== null && Math.abs(now - entry.heartbeatAt) <= ABANDONED_AFTER_MS;
}

/**
 * The changes of several entries as one draft: for a question in more than one, the latest
 * written; over the oldest base, so that the server still finds what others saved since any of them.
 */
function combine(entries: DraftEntry[]): StoredDraft {
  const oldestFirst = [...entries].sort((a, b) => a.writtenAt - b.writtenAt);
  return {
    baseRevision: Math.min(...entries.map((entry) => entry.baseRevision)),
    changes: oldestFirst.reduce((changes, entry) => mergeChanges(changes, entry.changes), NO_CHANGES),
  };
}

function removeQuietly(local: Storage, key: string) {
  try {
    local.removeItem(key);
  } catch {
    // Left for a later visit: sent again, which is harmless.
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
