import { describe, expect, it } from 'vitest';
import { classifySaveRefusal } from '../../../../client/src/features/responses/autosave/save-refusal';
import { ApiError } from '../../../../client/src/lib/api-client';

const KEYS = ['main_gaps', 'institution_type', 'institution_type-Comment'];
const conflictError = (conflicts: unknown[]) => new ApiError(409, 'EDIT_CONFLICT', 'changed', { currentRevision: 7, conflicts });
const invalid = (details: unknown) => new ApiError(422, 'INVALID_ANSWER', 'invalid', details);

describe('classifySaveRefusal', () => {
  it('treats no answer and a 503 as being offline', () => {
    expect(classifySaveRefusal(new ApiError(0, 'NETWORK_ERROR', 'no answer'), KEYS, false)).toEqual({ kind: 'unreachable' });
    expect(classifySaveRefusal(new ApiError(503, 'OVERLOADED', 'busy'), KEYS, false)).toEqual({ kind: 'unreachable' });
  });

  it('reads a lock with its message', () => {
    expect(classifySaveRefusal(new ApiError(409, 'RESPONSE_LOCKED', 'The response is submitted'), KEYS, false)).toEqual({ kind: 'locked', message: 'The response is submitted' });
  });

  it('tells overlapping edits from a base the server does not know, and rebases only once', () => {
    const overlap = { question: 'main_gaps', currentValue: 'theirs', changedBy: 'Ann', changedAt: '2026-12-01T10:00:00Z' };
    expect(classifySaveRefusal(conflictError([overlap]), KEYS, false)).toMatchObject({ kind: 'conflict', conflict: { currentRevision: 7, conflicts: [{ question: 'main_gaps' }] } });
    expect(classifySaveRefusal(conflictError([]), KEYS, false)).toEqual({ kind: 'rebase', currentRevision: 7 });
    expect(classifySaveRefusal(conflictError([]), KEYS, true)).toMatchObject({ kind: 'failed', message: 'changed', retry: false });
  });

  it('refuses the keys the server named, or every key of the request when it named none of them', () => {
    const named = invalid([{ question: 'main_gaps', message: 'must be text' }, { question: 'elsewhere', message: 'unknown question' }]);
    expect(classifySaveRefusal(named, KEYS, false)).toEqual({ kind: 'invalid', refusedKeys: ['main_gaps'], reported: [{ question: 'main_gaps', message: 'must be text' }] });
    const unnamed = invalid([{ question: 'elsewhere', message: 'unknown question' }]);
    expect(classifySaveRefusal(unnamed, KEYS, false)).toEqual({ kind: 'invalid', refusedKeys: KEYS, reported: [{ question: 'elsewhere', message: 'unknown question' }] });
  });

  it('retries other failures only when waiting may help', () => {
    expect(classifySaveRefusal(new ApiError(429, 'TOO_MANY_REQUESTS', 'slow down'), KEYS, false)).toEqual({ kind: 'failed', message: 'slow down', retry: true });
    expect(classifySaveRefusal(new ApiError(500, 'INTERNAL', 'oops'), KEYS, false)).toEqual({ kind: 'failed', message: 'oops', retry: true });
    expect(classifySaveRefusal(new ApiError(403, 'FORBIDDEN', 'not yours'), KEYS, false)).toEqual({ kind: 'failed', message: 'not yours', retry: false });
    expect(classifySaveRefusal(new TypeError('boom'), KEYS, false)).toEqual({ kind: 'failed', message: 'The answers could not be saved.', retry: true });
  });
});
