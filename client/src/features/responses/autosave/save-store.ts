import { isAnswered } from '@core/answered';
import { commentKey } from '@core/data-keys';
import type { Answers } from '../api/get-response';
import type { AnswerProblem, EditConflictDetails } from '../api/response-errors';
import type { SaveRequest, SaveResult } from '../api/save-response';
import type { DraftStorage } from './draft-storage';
import { classifySaveRefusal } from './save-refusal';
import { changedKeys, hasChanges, mergeChanges, NO_CHANGES, withAnswer, withoutKeys, type PendingChanges } from './pending-changes';

/**
 * Autosave as a small state machine, without React or SurveyJS, so that every rule can be tested
 * with fake timers:
 * - a change waits a moment (debounce) for the next one, then the changed keys go out as one
 *   PATCH with the base revision; one request at a time, later changes wait for the next;
 * - what the server has not acknowledged is kept in the browser (draft storage) until it has;
 * - no connection: wait for it (the `online` event, or retries spaced further and further apart);
 * - others' changes merged on the server are fetched and shown where the delegate has none pending;
 * - overlapping changes wait for the delegate's choice, answer by answer.
 */

export type SavePhase =
  /** Nothing changed since the page opened. */
  | 'idle'
  /** Changes waiting for the debounce (or for the request before them). */
  | 'pending'
  | 'saving'
  | 'saved'
  /** No connection: the changes are kept on this device and sent when it returns. */
  | 'offline'
  /** The server refused for another reason (`message`); a change or a retry sends again. */
  | 'failed'
  /** Someone else changed the same answers: nothing is sent until the delegate has chosen. */
  | 'conflict'
  /** The reply was submitted or the version closed meanwhile: nothing can be saved. */
  | 'locked';

export interface SaveSnapshot {
  readonly phase: SavePhase;
  /** The latest revision the server has confirmed (what a submission refers to). */
  readonly revision: number;
  /** When the server last acknowledged a save (ms since the epoch). */
  readonly savedAt: number | null;
  /** Changes the server has not acknowledged (waiting or on their way). */
  readonly hasUnsavedChanges: boolean;
  /** False when the browser refused to keep the unacknowledged changes. */
  readonly storedLocally: boolean;
  /** Answers the server refused as invalid (422): not sent again until they change. */
  readonly rejected: readonly AnswerProblem[];
  readonly conflict: EditConflictDetails | null;
  /** Why the latest save failed, in the server's words (`failed`, `locked`). */
  readonly message: string | null;
}

/** Where the answers are shown (the SurveyJS model, through survey/model-answers.ts). */
export interface AnswerView {
  /** The data keys that hold an answer now. */
  keys(): string[];
  /** Shows answers the delegate did not type (the server's, the other person's, a stored draft) without recording them as changes; `cleared` keys lose theirs. */
  show(values: Answers, cleared: readonly string[]): void;
}

export interface SaveServer {
  save(request: SaveRequest): Promise<SaveResult>;
  load(): Promise<{ revision: number; data: Answers }>;
}

export interface SaveStoreOptions {
  /** The revision of the answers the editor shows. */
  revision: number;
  server: SaveServer;
  view: AnswerView;
  storage: DraftStorage;
  /** Apply and send changes a previous visit left in the browser (only where the reply is editable). */
  restoreDraft: boolean;
  isOnline?: () => boolean;
  debounceMs?: number;
  onSaved?: (result: SaveResult) => void;
  onLocked?: () => void;
  /** Any other refusal, e.g. so that a 401 can send the person to sign in. */
  onFailed?: (error: unknown) => void;
}

export type ConflictChoice = 'mine' | 'theirs';

export interface SaveStore {
  getSnapshot(): SaveSnapshot;
  subscribe(listener: () => void): () => void;
  /** The delegate changed `key` (a question name or `name-Comment`); empty values remove it. */
  record(key: string, value: unknown): void;
  /** Many changes sent at once, without waiting (prefilled answers). */
  recordAll(values: Answers): Promise<boolean>;
  /** Sends what waits now; true once everything is acknowledged, false when it cannot be (offline, conflict…). */
  flush(): Promise<boolean>;
  /** The connection is back (or the delegate asks): send now instead of at the next retry. */
  retry(): void;
  /** The delegate's choice for each conflicting question; a question left out keeps the delegate's answer. */
  resolveConflict(choices: Readonly<Record<string, ConflictChoice>>): void;
  /** Fetches the reply and shows the answers others saved where nothing is pending here; resolves to its revision. */
  refresh(): Promise<number>;
  /** Starts (again) after `stop`: sends what waits, and keeps it in the browser as this page's. */
  resume(): void;
  /**
   * Stops timers (the page is closing); answers on their way are still acknowledged. What is kept
   * in the browser is for the next page that opens the reply to send.
   */
  stop(): void;
}

export const DEBOUNCE_MS = 1000;
const FIRST_RETRY_MS = 2000;
const LAST_RETRY_MS = 30_000;

/** Retries wait 2 s, 4 s, 8 s… up to 30 s, so a server that is down is not hammered. */
export function retryDelay(failures: number): number {
  return Math.min(FIRST_RETRY_MS * 2 ** Math.max(0, failures - 1), LAST_RETRY_MS);
}

export function createSaveStore(options: SaveStoreOptions): SaveStore {
  const { server, view, storage } = options;
  const debounceMs = options.debounceMs ?? DEBOUNCE_MS;
  const isOnline = options.isOnline ?? (() => navigator.onLine);

  const draft = options.restoreDraft ? storage.read() : null;
  /** The revision sent as `baseRevision`: every answer of it is known to the delegate. */
  let base = draft?.baseRevision ?? options.revision;
  let unsent: PendingChanges = draft?.changes ?? NO_CHANGES;
  let inFlight: PendingChanges | null = null;
  if (draft) view.show(draft.changes.set, draft.changes.unset);

  let debounceTimer: ReturnType<typeof setTimeout> | undefined;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let failures = 0;
  let rebased = false;
  let stopped = true;
  let waiters: ((saved: boolean) => void)[] = [];
  const listeners = new Set<() => void>();
  let snapshot: SaveSnapshot = {
    phase: hasChanges(unsent) ? 'pending' : 'idle',
    revision: options.revision,
    savedAt: null,
    hasUnsavedChanges: hasChanges(unsent),
    storedLocally: true,
    rejected: [],
    conflict: null,
    message: null,
  };

  function update(patch: Partial<SaveSnapshot>) {
    snapshot = { ...snapshot, ...patch, hasUnsavedChanges: inFlight !== null || hasChanges(unsent) };
    for (const listener of listeners) listener();
  }

  function restingPhase(): SavePhase {
    return snapshot.savedAt === null ? 'idle' : 'saved';
  }

  /** Keeps every unacknowledged change in the browser, with the base it was made on. */
  function persist() {
    const all = inFlight ? mergeChanges(inFlight, unsent) : unsent;
    if (!hasChanges(all)) {
      storage.remove();
      snapshot = { ...snapshot, storedLocally: true };
    } else {
      snapshot = { ...snapshot, storedLocally: storage.write({ baseRevision: base, changes: all }) };
    }
  }

  function clearTimers() {
    clearTimeout(debounceTimer);
    clearTimeout(retryTimer);
    debounceTimer = undefined;
    retryTimer = undefined;
  }

  function scheduleRetry() {
    clearTimeout(retryTimer);
    retryTimer = setTimeout(() => {
      retryTimer = undefined;
      send();
    }, retryDelay(failures));
  }

  function goOffline() {
    update({ phase: 'offline' });
    scheduleRetry();
  }

  /** Resolves `flush` callers once everything is acknowledged, or once it cannot be for now. */
  function settle() {
    if (waiters.length === 0) return;
    const done = inFlight === null && !hasChanges(unsent);
    const blocked = ['offline', 'failed', 'conflict', 'locked'].includes(snapshot.phase);
    if (!done && !blocked) return;
    const saved = done && snapshot.phase !== 'locked' && snapshot.rejected.length === 0;
    const resolved = waiters;
    waiters = [];
    for (const resolve of resolved) resolve(saved);
  }

  function send() {
    clearTimeout(debounceTimer);
    debounceTimer = undefined;
    if (stopped || inFlight !== null || snapshot.phase === 'conflict' || snapshot.phase === 'locked') return;
    if (!hasChanges(unsent)) return;
    if (!isOnline()) {
      goOffline();
      return;
    }
    clearTimeout(retryTimer);
    retryTimer = undefined;
    const request = unsent;
    const requestBase = base;
    inFlight = request;
    unsent = NO_CHANGES;
    update({ phase: 'saving' });
    server.save(saveRequest(requestBase, request)).then(
      (result) => acknowledged(result),
      (error: unknown) => refused(request, error),
    );
  }

  function acknowledged(result: SaveResult) {
    inFlight = null;
    failures = 0;
    rebased = false;
    const merged = result.mergedFrom !== undefined;
    // After a merge, changes made meanwhile keep the older base: the server then still tells
    // whether the others changed those very questions (the delegate has not seen their answers).
    if (!merged || !hasChanges(unsent)) base = result.revision;
    persist();
    update({
      phase: hasChanges(unsent) ? 'pending' : 'saved',
      revision: Math.max(snapshot.revision, result.revision),
      savedAt: Date.now(),
      message: null,
    });
    options.onSaved?.(result);
    if (merged) void refresh().catch(ignoreRefreshFailure);
    if (hasChanges(unsent) && debounceTimer === undefined) send();
    settle();
  }

  function refused(request: PendingChanges, error: unknown) {
    const newer = unsent;
    inFlight = null;
    unsent = mergeChanges(request, newer);
    const refusal = classifySaveRefusal(error, changedKeys(request), rebased);
    switch (refusal.kind) {
      case 'unreachable':
        // The change stays in the browser and goes again after a growing wait.
        failures += 1;
        persist();
        goOffline();
        break;
      case 'locked':
        // The changes stay in the browser: should the reply be returned, they are offered again.
        clearTimers();
        persist();
        update({ phase: 'locked', message: refusal.message });
        options.onLocked?.();
        break;
      case 'conflict':
        persist();
        update({ phase: 'conflict', conflict: refusal.conflict });
        break;
      case 'rebase':
        rebased = true;
        base = refusal.currentRevision;
        persist();
        update({ phase: 'pending' });
        void refresh().catch(ignoreRefreshFailure);
        send();
        break;
      case 'invalid': {
        const { refusedKeys, reported } = refusal;
        // A refused answer changed again meanwhile is sent again: the new value may be valid.
        const changedSince = new Set(changedKeys(newer));
        unsent = withoutKeys(unsent, refusedKeys.filter((key) => !changedSince.has(key)));
        persist();
        update({
          phase: hasChanges(unsent) ? 'pending' : restingPhase(),
          rejected: [...snapshot.rejected.filter((problem) => !refusedKeys.includes(problem.question)), ...reported],
        });
        send();
        break;
      }
      case 'failed':
        failures += 1;
        persist();
        update({ phase: 'failed', message: refusal.message });
        options.onFailed?.(error);
        if (refusal.retry) scheduleRetry();
        break;
    }
    settle();
  }

  async function refresh(): Promise<number> {
    let loaded = await server.load();
    // A save acknowledged while this was on its way is newer than what it brought: ask again.
    if (loaded.revision < snapshot.revision) loaded = await server.load();
    const pending = new Set([...changedKeys(unsent), ...(inFlight ? changedKeys(inFlight) : [])]);
    const values = Object.fromEntries(Object.entries(loaded.data).filter(([key]) => !pending.has(key)));
    const cleared = view.keys().filter((key) => !pending.has(key) && !Object.hasOwn(loaded.data, key));
    view.show(values, cleared);
    update({ revision: Math.max(snapshot.revision, loaded.revision) });
    return loaded.revision;
  }

  /** Records the delegate's changes, sent after the debounce (or by a flush); a refused answer that changes is no longer refused. */
  function changed(values: Answers) {
    if (snapshot.phase === 'locked') return;
    for (const [key, value] of Object.entries(values)) unsent = withAnswer(unsent, key, value);
    const rejected = snapshot.rejected.filter((problem) => !Object.hasOwn(values, problem.question));
    persist();
    clearTimeout(debounceTimer);
    debounceTimer = undefined;
    // Offline, the retries send them; in a conflict, the delegate's choice does.
    if (snapshot.phase === 'offline' || snapshot.phase === 'conflict') {
      update({ rejected });
      return;
    }
    debounceTimer = setTimeout(() => {
      debounceTimer = undefined;
      send();
    }, debounceMs);
    update({ phase: inFlight ? 'saving' : 'pending', rejected, message: null });
  }

  function flush() {
    const saved = new Promise<boolean>((resolve) => waiters.push(resolve));
    send();
    settle();
    return saved;
  }

  return {
    getSnapshot: () => snapshot,

    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },

    record(key, value) {
      changed({ [key]: value });
    },

    recordAll(values) {
      changed(values);
      return flush();
    },

    flush,

    retry() {
      if (snapshot.phase === 'offline' || snapshot.phase === 'failed') send();
    },

    resolveConflict(choices) {
      const conflict = snapshot.conflict;
      if (!conflict) return;
      const theirs: Answers = {};
      const cleared: string[] = [];
      const taken: string[] = [];
      for (const { question, currentValue, currentComment } of conflict.conflicts) {
        if (choices[question] !== 'theirs') continue;
        const comment = commentKey(question);
        taken.push(question, comment);
        if (!isAnswered(currentValue)) cleared.push(question);
        else theirs[question] = currentValue;
        if (!isAnswered(currentComment)) cleared.push(comment);
        else theirs[comment] = currentComment;
      }
      view.show(theirs, cleared);
      unsent = withoutKeys(unsent, taken);
      // Kept answers go again over the revision the conflict named: the delegate has now seen
      // the other person's answers, so saving over them is no longer a conflict.
      base = conflict.currentRevision;
      persist();
      update({ phase: hasChanges(unsent) ? 'pending' : restingPhase(), conflict: null });
      void refresh().catch(ignoreRefreshFailure);
      send();
      settle();
    },

    refresh,

    resume() {
      stopped = false;
      storage.keep();
      if (snapshot.phase === 'offline' || snapshot.phase === 'failed') scheduleRetry();
      else send();
    },

    stop() {
      stopped = true;
      clearTimers();
      storage.release();
    },
  };
}

function saveRequest(baseRevision: number, changes: PendingChanges): SaveRequest {
  const request: SaveRequest = { baseRevision };
  if (Object.keys(changes.set).length > 0) request.set = { ...changes.set };
  if (changes.unset.length > 0) request.unset = [...changes.unset];
  return request;
}

/** Others' answers then show when the page is next opened; the delegate's own are safe either way. */
function ignoreRefreshFailure() {}
