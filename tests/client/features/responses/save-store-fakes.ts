import { vi } from 'vitest';
import type { Answers } from '../../../../client/src/features/responses/api/get-response';
import type { SaveRequest, SaveResult } from '../../../../client/src/features/responses/api/save-response';
import type { StoredDraft } from '../../../../client/src/features/responses/autosave/draft-storage';
import { draftFrom } from '../../../../client/src/features/responses/autosave/tab-draft-storage';

export interface PendingSave {
  request: SaveRequest;
  resolve: (result: SaveResult) => void;
  reject: (error: unknown) => void;
}

/** A server whose saves answer only when the test says so, and whose reply the test sets. */
export function fakeServer(reply: { revision: number; data: Answers } = { revision: 0, data: {} }) {
  const saves: PendingSave[] = [];
  const state = { reply };
  const load = vi.fn(async () => structuredClone(state.reply));
  return {
    saves,
    state,
    load,
    server: {
      save: (request: SaveRequest) => new Promise<SaveResult>((resolve, reject) => saves.push({ request, resolve, reject })),
      load,
    },
  };
}

/** The answers as the editor shows them. */
export function fakeView(initial: Answers = {}) {
  const data: Answers = { ...initial };
  return {
    data,
    keys: () => Object.keys(data),
    show(values: Answers, cleared: readonly string[]) {
      Object.assign(data, structuredClone(values));
      for (const key of cleared) delete data[key];
    },
  };
}

const DRAFT_PREFIX = 'ncs:response-draft:';

/** Every draft kept in localStorage, whatever its key (tab, or none for the release before), without what marks its tab. */
export function storedDrafts(): StoredDraft[] {
  return Array.from({ length: localStorage.length }, (_, index) => localStorage.key(index) ?? '')
    .filter((key) => key.startsWith(DRAFT_PREFIX))
    .map((key) => draftFrom(JSON.parse(localStorage.getItem(key) ?? 'null')))
    .filter((draft): draft is StoredDraft => draft !== null);
}
