import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Answers } from '../../../../client/src/features/responses/api/get-response';
import { createSaveStore } from '../../../../client/src/features/responses/autosave/save-store';
import { ABANDONED_AFTER_MS, browserDraftStorage } from '../../../../client/src/features/responses/autosave/tab-draft-storage';
import { memoryStorage } from '../../helpers/memory-storage';
import { fakeServer, fakeView, storedDrafts } from './save-store-fakes';

const DORA = 'user-dora';
const TARGET = { surveyId: 'national-cooperation', version: 2, state: 'EE' };
/** Where the release before kept the one draft of a person and reply, whatever the tab. */
const OLD_DRAFT_KEY = `ncs:response-draft:${JSON.stringify([DORA, 'national-cooperation', 2, 'EE'])}`;

interface OpenOptions {
  online?: boolean;
  userId?: string;
  reply?: { revision: number; data: Answers };
}

/**
 * The reply page opened in the browser tab whose sessionStorage is `tab` (localStorage is the
 * browser's, shared by all tabs): a save store as the page makes it, running, offline unless said.
 */
function openReply(tab: Storage, { online = false, userId = DORA, reply = { revision: 3, data: {} } }: OpenOptions = {}) {
  const fake = fakeServer(reply);
  const view = fakeView(reply.data);
  const store = createSaveStore({
    revision: reply.revision,
    server: fake.server,
    view,
    storage: browserDraftStorage({ userId, target: TARGET }, { local: localStorage, session: tab }),
    restoreDraft: true,
    isOnline: () => online,
  });
  store.resume();
  return { ...fake, view, store };
}

const newTab = () => memoryStorage();
const requests = (page: ReturnType<typeof openReply>) => page.saves.map((save) => save.request);
const settle = () => vi.advanceTimersByTimeAsync(0);

/** The pages open so far stop running (their timers end) without a word of leaving. */
function pagesStop() {
  const now = Date.now();
  vi.clearAllTimers();
  // Clearing the timers also turns the fake clock back to where it started.
  vi.setSystemTime(now);
}

/** Every open tab stops without a word (the computer sleeps, the browser crashes), and `ms` pass. */
function tabsVanish(ms = ABANDONED_AFTER_MS + 1000) {
  pagesStop();
  vi.advanceTimersByTime(ms);
}

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
  localStorage.clear();
});

describe('Unsent changes of several tabs', () => {
  it('two tabs of the same person on one reply keep both their changes, and both are sent later', async () => {
    const first = openReply(newTab());
    const second = openReply(newTab());

    first.store.record('q1', 'from the first tab');
    second.store.record('q2', 'from the second tab');
    await vi.advanceTimersByTimeAsync(1000);
    expect(storedDrafts().map((draft) => draft.changes.set)).toEqual(
      expect.arrayContaining([{ q1: 'from the first tab' }, { q2: 'from the second tab' }]),
    );
    expect(storedDrafts()).toHaveLength(2);

    tabsVanish();
    const later = openReply(newTab(), { online: true });
    expect(requests(later)).toEqual([{ baseRevision: 3, set: { q1: 'from the first tab', q2: 'from the second tab' } }]);
  });

  it("sends the changes of a tab closed offline when the reply is next opened, shows them, and then removes the tab's entry", async () => {
    const closed = openReply(newTab());
    closed.store.record('q1', 'typed offline');
    closed.store.stop();

    const next = openReply(newTab(), { online: true, reply: { revision: 3, data: { q1: 'saved before', q2: 'kept' } } });
    expect(next.view.data).toEqual({ q1: 'typed offline', q2: 'kept' });
    expect(requests(next)).toEqual([{ baseRevision: 3, set: { q1: 'typed offline' } }]);
    next.saves[0]!.resolve({ revision: 4, status: 'draft' });
    await settle();
    expect(storedDrafts()).toEqual([]);
  });

  it('takes over the changes of a tab that went without a word once nothing has been heard of it for two minutes', async () => {
    const gone = openReply(newTab());
    gone.store.record('q1', 'typed offline');

    tabsVanish(ABANDONED_AFTER_MS - 1000);
    const tooSoon = openReply(newTab(), { online: true });
    expect(requests(tooSoon)).toEqual([]);
    tooSoon.store.stop();

    tabsVanish(2000);
    const later = openReply(newTab(), { online: true });
    expect(requests(later)).toEqual([{ baseRevision: 3, set: { q1: 'typed offline' } }]);
  });

  it('leaves the changes of a tab still open to that tab, however long it has been open', async () => {
    const open = openReply(newTab());
    open.store.record('q1', 'typed offline');
    await vi.advanceTimersByTimeAsync(30 * 60_000);

    const other = openReply(newTab(), { online: true });
    expect(requests(other)).toEqual([]);
    expect(other.view.data).toEqual({});
    expect(storedDrafts()).toEqual([{ baseRevision: 3, changes: { set: { q1: 'typed offline' }, unset: [] } }]);

    open.store.record('q2', 'still offline');
    expect(storedDrafts()).toEqual([{ baseRevision: 3, changes: { set: { q1: 'typed offline', q2: 'still offline' }, unset: [] } }]);
  });

  it('finds its own changes on a reload of the tab, even one too quick for the page to say it was leaving', async () => {
    const tab = newTab();
    const before = openReply(tab);
    before.store.record('q1', 'typed offline');
    // The reload: the page's timers stop, its mark of being open is a moment old.
    pagesStop();

    const elsewhere = openReply(newTab());
    expect(elsewhere.view.data).toEqual({});
    const after = openReply(tab, { online: true });
    expect(after.view.data).toEqual({ q1: 'typed offline' });
    expect(requests(after)).toEqual([{ baseRevision: 3, set: { q1: 'typed offline' } }]);
  });

  it('reads a draft the release before kept once: sends it, then removes it', async () => {
    localStorage.setItem(OLD_DRAFT_KEY, JSON.stringify({ baseRevision: 2, changes: { set: { q1: 'old release' }, unset: ['q2'] } }));

    const first = openReply(newTab(), { online: true });
    expect(requests(first)).toEqual([{ baseRevision: 2, set: { q1: 'old release' }, unset: ['q2'] }]);
    expect(localStorage.getItem(OLD_DRAFT_KEY)).toBeNull();
    first.saves[0]!.resolve({ revision: 4, status: 'draft' });
    await settle();
    expect(storedDrafts()).toEqual([]);
    first.store.stop();

    const again = openReply(newTab(), { online: true });
    expect(requests(again)).toEqual([]);
  });

  it("keeps a draft of the release before until it is safe in the tab's own entry", () => {
    localStorage.setItem(OLD_DRAFT_KEY, JSON.stringify({ baseRevision: 2, changes: { set: { q1: 'old release' }, unset: [] } }));
    const setItem = vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });

    const page = openReply(newTab());
    expect(page.view.data).toEqual({ q1: 'old release' });
    setItem.mockRestore();
    expect(localStorage.getItem(OLD_DRAFT_KEY)).not.toBeNull();
  });

  it('for a question changed in two closed tabs, sends the later answer, over the older base', async () => {
    const earlier = openReply(newTab(), { reply: { revision: 3, data: {} } });
    earlier.store.record('q1', 'first thought');
    await vi.advanceTimersByTimeAsync(5000);
    const later = openReply(newTab(), { reply: { revision: 5, data: {} } });
    later.store.record('q1', 'second thought');
    later.store.record('q2', 'only here');

    tabsVanish();
    const next = openReply(newTab(), { online: true });
    expect(requests(next)).toEqual([{ baseRevision: 3, set: { q1: 'second thought', q2: 'only here' } }]);
  });

  it("never takes over another person's changes in a shared browser", () => {
    const dora = openReply(newTab());
    dora.store.record('q1', "Dora's answer");
    dora.store.stop();

    const erik = openReply(newTab(), { online: true, userId: 'user-erik' });
    expect(requests(erik)).toEqual([]);
    expect(erik.view.data).toEqual({});
    expect(storedDrafts()).toHaveLength(1);
  });

  it('keeps a duplicated tab (its sessionStorage copied) apart from the tab it was copied from', async () => {
    const original = newTab();
    const first = openReply(original);
    first.store.record('q1', 'before duplicating');

    const copy = newTab();
    for (let index = 0; index < original.length; index += 1) copy.setItem(original.key(index)!, original.getItem(original.key(index)!)!);
    const duplicate = openReply(copy);
    // The copy shows what the tab it was copied from showed.
    expect(duplicate.view.data).toEqual({ q1: 'before duplicating' });
    duplicate.store.record('q2', 'in the copy');
    first.store.record('q3', 'in the original');
    expect(storedDrafts()).toHaveLength(2);

    tabsVanish();
    const next = openReply(newTab(), { online: true });
    expect(requests(next)).toEqual([{ baseRevision: 3, set: { q1: 'before duplicating', q2: 'in the copy', q3: 'in the original' } }]);
  });
});
