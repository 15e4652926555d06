import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Answers } from '../../../../client/src/features/responses/api/get-response';
import { createSaveStore, retryDelay, type SaveStoreOptions } from '../../../../client/src/features/responses/autosave/save-store';
import { browserDraftStorage } from '../../../../client/src/features/responses/autosave/tab-draft-storage';
import { ApiError } from '../../../../client/src/lib/api-client';
import { memoryStorage } from '../../helpers/memory-storage';
import { fakeServer, fakeView, storedDrafts } from './save-store-fakes';

const OWNER = { userId: 'user-1', target: { surveyId: 'national-cooperation', version: 2, state: 'EE' } };
/** Where the release before kept the one draft of a person and reply. */
const OLD_DRAFT_KEY = `ncs:response-draft:${JSON.stringify(['user-1', 'national-cooperation', 2, 'EE'])}`;

function setUp(overrides: Partial<SaveStoreOptions> & { reply?: { revision: number; data: Answers } } = {}) {
  const fake = fakeServer(overrides.reply);
  const view = fakeView(overrides.reply?.data);
  const store = createSaveStore({
    revision: overrides.reply?.revision ?? 0,
    server: fake.server,
    view,
    storage: browserDraftStorage(OWNER, { local: localStorage, session: memoryStorage() }),
    restoreDraft: true,
    isOnline: () => true,
    ...overrides,
  });
  store.resume();
  /** The delegate changes an answer: the editor shows it, and the store records it. */
  const edit = (key: string, value: unknown) => {
    if (value === '') delete view.data[key];
    else view.data[key] = value;
    store.record(key, value);
  };
  return { ...fake, view, store, edit };
}

const storedDraft = () => {
  const [draft, ...others] = storedDrafts();
  expect(others).toEqual([]);
  return draft ?? null;
};
const settle = () => vi.advanceTimersByTimeAsync(0);
const networkError = () => new ApiError(0, 'NETWORK_ERROR', 'The server could not be reached.');

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
  localStorage.clear();
});

describe('the save store', () => {
  it('waits a moment after the last change, then sends the changed keys once, empty ones as removals', async () => {
    const { store, saves } = setUp({ reply: { revision: 3, data: { b: 'old' } } });

    store.record('a', 'fi');
    await vi.advanceTimersByTimeAsync(600);
    store.record('a', 'first');
    store.record('b', '');
    store.record('c', []);
    await vi.advanceTimersByTimeAsync(900);
    expect(saves).toHaveLength(0);
    expect(store.getSnapshot().phase).toBe('pending');

    await vi.advanceTimersByTimeAsync(100);
    expect(saves.map((save) => save.request)).toEqual([{ baseRevision: 3, set: { a: 'first' }, unset: ['b', 'c'] }]);
    expect(store.getSnapshot().phase).toBe('saving');
  });

  it('keeps one request on its way: changes made meanwhile go in the next, over the revision just saved', async () => {
    const { store, saves } = setUp({ reply: { revision: 3, data: {} } });

    store.record('a', 1);
    await vi.advanceTimersByTimeAsync(1000);
    store.record('b', 2);
    await vi.advanceTimersByTimeAsync(5000);
    expect(saves).toHaveLength(1);

    saves[0]!.resolve({ revision: 4, status: 'draft' });
    await settle();
    expect(saves.map((save) => save.request)).toEqual([
      { baseRevision: 3, set: { a: 1 } },
      { baseRevision: 4, set: { b: 2 } },
    ]);

    saves[1]!.resolve({ revision: 5, status: 'draft' });
    await settle();
    store.record('a', 3);
    await vi.advanceTimersByTimeAsync(1000);
    expect(saves[2]!.request).toEqual({ baseRevision: 5, set: { a: 3 } });
    expect(store.getSnapshot().revision).toBe(5);
  });

  it('reports saved with the time, and keeps nothing in the browser once acknowledged', async () => {
    vi.setSystemTime(new Date('2025-03-03T10:00:00Z'));
    const { store, saves } = setUp();

    store.record('a', 'x');
    expect(storedDraft()).toEqual({ baseRevision: 0, changes: { set: { a: 'x' }, unset: [] } });
    await vi.advanceTimersByTimeAsync(1000);
    saves[0]!.resolve({ revision: 1, status: 'draft' });
    await settle();

    expect(store.getSnapshot()).toMatchObject({ phase: 'saved', revision: 1, savedAt: Date.parse('2025-03-03T10:00:01Z'), hasUnsavedChanges: false });
    expect(storedDraft()).toBeNull();
  });

  it('after a merge, shows what others saved where nothing is pending here, and keeps the older base for what is', async () => {
    const { store, saves, state, load, view, edit } = setUp({ reply: { revision: 2, data: { a: 'mine', other: 'old', gone: 'x' } } });

    edit('a', 'mine, edited');
    await vi.advanceTimersByTimeAsync(1000);
    edit('pending', 'typed meanwhile');
    state.reply = { revision: 5, data: { a: 'mine, edited', other: 'theirs', pending: 'theirs too' } };
    saves[0]!.resolve({ revision: 5, status: 'draft', mergedFrom: 4 });
    await settle();

    expect(load).toHaveBeenCalledTimes(1);
    expect(view.data).toEqual({ a: 'mine, edited', other: 'theirs', pending: 'typed meanwhile' });
    await vi.advanceTimersByTimeAsync(1000);
    // Sent over the base it was made on: the server can still tell that someone else changed it.
    expect(saves[1]!.request).toEqual({ baseRevision: 2, set: { pending: 'typed meanwhile' } });

    saves[1]!.resolve({ revision: 6, status: 'draft' });
    await settle();
    store.record('a', 'later');
    await vi.advanceTimersByTimeAsync(1000);
    expect(saves[2]!.request.baseRevision).toBe(6);
  });

  it('keeps changes in the browser while offline and sends them when the connection returns', async () => {
    const { store, saves } = setUp({ reply: { revision: 7, data: {} } });

    store.record('a', 'x');
    await vi.advanceTimersByTimeAsync(1000);
    saves[0]!.reject(networkError());
    await settle();
    expect(store.getSnapshot().phase).toBe('offline');

    store.record('b', 'y');
    await vi.advanceTimersByTimeAsync(1000);
    expect(saves).toHaveLength(1);
    expect(storedDraft()).toEqual({ baseRevision: 7, changes: { set: { a: 'x', b: 'y' }, unset: [] } });

    window.addEventListener('online', store.retry);
    window.dispatchEvent(new Event('online'));
    window.removeEventListener('online', store.retry);
    expect(saves[1]!.request).toEqual({ baseRevision: 7, set: { a: 'x', b: 'y' } });
    saves[1]!.resolve({ revision: 8, status: 'draft' });
    await settle();
    expect(store.getSnapshot().phase).toBe('saved');
    expect(storedDraft()).toBeNull();
  });

  it('treats a busy or database-less server (503) like being offline: keeps the change and tries again, waiting longer each time', async () => {
    const { store, saves } = setUp({ reply: { revision: 7, data: {} } });
    const unavailable = () => new ApiError(503, 'SERVICE_UNAVAILABLE', 'The server is busy; try again shortly.');

    store.record('a', 'x');
    await vi.advanceTimersByTimeAsync(1000);
    saves[0]!.reject(unavailable());
    await settle();
    expect(store.getSnapshot().phase).toBe('offline');
    expect(storedDraft()).toEqual({ baseRevision: 7, changes: { set: { a: 'x' }, unset: [] } });

    await vi.advanceTimersByTimeAsync(retryDelay(1));
    expect(saves).toHaveLength(2);
    saves[1]!.reject(unavailable());
    await settle();
    await vi.advanceTimersByTimeAsync(retryDelay(2) - 1);
    expect(saves).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(saves[2]!.request).toEqual({ baseRevision: 7, set: { a: 'x' } });
    saves[2]!.resolve({ revision: 8, status: 'draft' });
    await settle();
    expect(store.getSnapshot().phase).toBe('saved');
    expect(storedDraft()).toBeNull();
  });

  it('does not try while the browser says it is offline, and tries again later, waiting longer each time', async () => {
    let online = false;
    const { store, saves } = setUp({ isOnline: () => online });

    store.record('a', 'x');
    await vi.advanceTimersByTimeAsync(1000);
    expect(saves).toHaveLength(0);
    expect(store.getSnapshot().phase).toBe('offline');

    online = true;
    await vi.advanceTimersByTimeAsync(retryDelay(0));
    expect(saves).toHaveLength(1);
    saves[0]!.reject(networkError());
    await settle();
    await vi.advanceTimersByTimeAsync(retryDelay(1) - 1);
    expect(saves).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(saves).toHaveLength(2);
    expect([1, 2, 3, 4, 5, 9].map(retryDelay)).toEqual([2000, 4000, 8000, 16000, 30000, 30000]);
  });

  it('shows and sends the changes a previous visit left in the browser, over their own base', async () => {
    localStorage.setItem(OLD_DRAFT_KEY, JSON.stringify({ baseRevision: 4, changes: { set: { a: 'offline answer' }, unset: ['b'] } }));
    const { saves, view, store } = setUp({ reply: { revision: 6, data: { a: 'server', b: 'server', c: 'kept' } } });

    expect(view.data).toEqual({ a: 'offline answer', c: 'kept' });
    expect(store.getSnapshot().hasUnsavedChanges).toBe(true);
    expect(saves.map((save) => save.request)).toEqual([{ baseRevision: 4, set: { a: 'offline answer' }, unset: ['b'] }]);
  });

  it('leaves a stored draft alone when the reply may not be changed', () => {
    localStorage.setItem(OLD_DRAFT_KEY, JSON.stringify({ baseRevision: 4, changes: { set: { a: 'offline answer' }, unset: [] } }));
    const { saves, view } = setUp({ restoreDraft: false, reply: { revision: 6, data: { a: 'server' } } });

    expect(view.data).toEqual({ a: 'server' });
    expect(saves).toHaveLength(0);
    expect(storedDraft()?.changes.set).toEqual({ a: 'offline answer' });
  });

  it('holds changes in a conflict until the delegate chooses, then takes theirs and resends the kept ones over the newer revision', async () => {
    const { store, saves, view, edit, state } = setUp({ reply: { revision: 2, data: {} } });

    edit('q1', 'mine 1');
    edit('q2', 'mine 2');
    edit('q2-Comment', 'my other text');
    edit('free', 'no overlap');
    await vi.advanceTimersByTimeAsync(1000);
    saves[0]!.reject(
      new ApiError(409, 'EDIT_CONFLICT', 'Someone else changed some of these answers.', {
        currentRevision: 9,
        conflicts: [
          { question: 'q1', currentValue: 'theirs 1', changedBy: 'Olga', changedAt: '2025-03-03T10:00:00Z' },
          { question: 'q2', currentValue: 'other', currentComment: 'their other text', changedBy: 'Olga', changedAt: '2025-03-03T10:00:00Z' },
        ],
      }),
    );
    await settle();
    expect(store.getSnapshot().phase).toBe('conflict');
    expect(store.getSnapshot().conflict?.conflicts.map((c) => c.question)).toEqual(['q1', 'q2']);

    edit('free', 'still no overlap');
    await vi.advanceTimersByTimeAsync(10_000);
    expect(saves).toHaveLength(1);

    state.reply = { revision: 9, data: { q1: 'theirs 1', q2: 'other', 'q2-Comment': 'their other text', elsewhere: 'merged before' } };
    store.resolveConflict({ q1: 'mine', q2: 'theirs' });
    expect(view.data).toMatchObject({ q1: 'mine 1', q2: 'other', 'q2-Comment': 'their other text' });
    expect(saves[1]!.request).toEqual({ baseRevision: 9, set: { q1: 'mine 1', free: 'still no overlap' } });
    expect(store.getSnapshot()).toMatchObject({ phase: 'saving', conflict: null });
    // What others saved before the conflict shows too, so the next save does not undo it unseen.
    await settle();
    expect(view.data).toEqual({ q1: 'mine 1', q2: 'other', 'q2-Comment': 'their other text', free: 'still no overlap', elsewhere: 'merged before' });
  });

  it('sets aside answers the server refuses as invalid, saves the rest, and sends them again once changed', async () => {
    const { store, saves } = setUp();

    store.record('year', 'soon');
    store.record('name', 'Ada');
    await vi.advanceTimersByTimeAsync(1000);
    saves[0]!.reject(new ApiError(422, 'INVALID_ANSWER', 'Some answers are not valid.', [{ question: 'year', message: 'must be a number' }]));
    await settle();

    expect(saves[1]!.request).toEqual({ baseRevision: 0, set: { name: 'Ada' } });
    expect(store.getSnapshot().rejected).toEqual([{ question: 'year', message: 'must be a number' }]);
    saves[1]!.resolve({ revision: 1, status: 'draft' });
    await settle();
    expect(store.getSnapshot().rejected).toHaveLength(1);
    expect(storedDraft()).toBeNull();

    store.record('year', 2010);
    expect(store.getSnapshot().rejected).toEqual([]);
    await vi.advanceTimersByTimeAsync(1000);
    expect(saves[2]!.request).toEqual({ baseRevision: 1, set: { year: 2010 } });
  });

  it('stops saving once the reply is locked, and says why', async () => {
    const onLocked = vi.fn();
    const { store, saves } = setUp({ onLocked });

    store.record('a', 'x');
    await vi.advanceTimersByTimeAsync(1000);
    saves[0]!.reject(new ApiError(409, 'RESPONSE_LOCKED', 'The response is submitted.', { reason: 'submitted' }));
    await settle();

    expect(store.getSnapshot()).toMatchObject({ phase: 'locked', message: 'The response is submitted.' });
    expect(onLocked).toHaveBeenCalledTimes(1);
    store.record('a', 'y');
    await vi.advanceTimersByTimeAsync(60_000);
    expect(saves).toHaveLength(1);
  });

  it('retries after a server failure, and reports it meanwhile', async () => {
    const onFailed = vi.fn();
    const { store, saves } = setUp({ onFailed });

    store.record('a', 'x');
    await vi.advanceTimersByTimeAsync(1000);
    saves[0]!.reject(new ApiError(500, 'INTERNAL_ERROR', 'The server could not answer just now.'));
    await settle();
    expect(store.getSnapshot()).toMatchObject({ phase: 'failed', message: 'The server could not answer just now.' });
    expect(onFailed).toHaveBeenCalledTimes(1);

    await vi.advanceTimersByTimeAsync(retryDelay(1));
    expect(saves[1]!.request).toEqual({ baseRevision: 0, set: { a: 'x' } });
  });

  it('flushes at once and tells whether everything is saved', async () => {
    const { store, saves } = setUp();

    store.record('a', 'x');
    const flushed = store.flush();
    expect(saves).toHaveLength(1);
    saves[0]!.resolve({ revision: 1, status: 'draft' });
    await expect(flushed).resolves.toBe(true);

    store.record('b', 'y');
    const failed = store.flush();
    saves[1]!.reject(networkError());
    await expect(failed).resolves.toBe(false);
  });

  it('sends prefilled answers as one save over revision 0', async () => {
    const { store, saves } = setUp();

    const saved = store.recordAll({ a: 'from v1', b: ['x'], empty: '' });
    expect(saves.map((save) => save.request)).toEqual([{ baseRevision: 0, set: { a: 'from v1', b: ['x'] }, unset: ['empty'] }]);
    saves[0]!.resolve({ revision: 1, status: 'draft' });
    await expect(saved).resolves.toBe(true);
  });
});
