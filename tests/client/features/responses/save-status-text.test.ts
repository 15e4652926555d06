import { describe, expect, it } from 'vitest';
import { saveStatusText, timeAgo } from '../../../../client/src/features/responses/autosave/save-status-text';
import type { SaveSnapshot } from '../../../../client/src/features/responses/autosave/save-store';

const NOW = Date.parse('2025-03-03T10:00:00Z');
const base: SaveSnapshot = {
  phase: 'idle',
  revision: 3,
  savedAt: null,
  hasUnsavedChanges: false,
  storedLocally: true,
  rejected: [],
  conflict: null,
  message: null,
};
const titleOf = (key: string) => (key === 'year' ? 'Year the plan was adopted' : key);
const textOf = (snapshot: Partial<SaveSnapshot>) => saveStatusText({ ...base, ...snapshot }, NOW, titleOf);

describe('the save indicator', () => {
  it('names each state in words', () => {
    expect(textOf({ phase: 'idle', revision: 0 }).text).toBe('No answers saved yet');
    expect(textOf({ phase: 'idle' }).text).toBe('All changes saved');
    expect(textOf({ phase: 'pending' }).text).toBe('Unsaved changes');
    expect(textOf({ phase: 'saving' }).text).toBe('Saving…');
    expect(textOf({ phase: 'saved', savedAt: NOW - 2000 })).toEqual({ text: 'Saved', age: '2 s ago', problem: false });
    expect(textOf({ phase: 'offline' })).toEqual({ text: 'Offline — changes kept on this device', age: null, problem: true });
    expect(textOf({ phase: 'offline', storedLocally: false }).text).toBe('Offline — changes not saved: keep this page open');
    expect(textOf({ phase: 'locked', message: 'The response is submitted.' }).text).toBe('Locked');
    expect(textOf({ phase: 'failed', message: 'The server could not answer just now.' }).text).toBe(
      'Not saved: The server could not answer just now.',
    );
    expect(textOf({ phase: 'conflict' }).text).toBe('Not saved: someone else changed the same answers');
  });

  it('names a refused answer by its question title until it is changed', () => {
    const rejected = [
      { question: 'year', message: 'must be a number' },
      { question: 'name', message: 'is too long' },
    ];
    expect(textOf({ phase: 'saved', savedAt: NOW, rejected }).text).toBe('Not saved: Year the plan was adopted — must be a number (and 1 more)');
    expect(textOf({ phase: 'saving', rejected }).text).toBe('Saving…');
  });

  it('says how long ago, then at what time', () => {
    expect(timeAgo(NOW, NOW)).toBe('just now');
    expect(timeAgo(NOW - 59_000, NOW)).toBe('59 s ago');
    expect(timeAgo(NOW - 5 * 60_000, NOW)).toBe('5 min ago');
    expect(timeAgo(NOW - 2 * 3600_000, NOW)).toMatch(/^at \d\d:\d\d$/);
  });
});
