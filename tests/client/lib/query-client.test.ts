import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../client/src/lib/api-client';
import { shouldRetry } from '../../../client/src/lib/query-client';

const apiError = (status: number) => new ApiError(status, 'CODE', 'message');

describe('shouldRetry', () => {
  it.each([401, 403, 404, 409, 422])('gives up at once on %i: the answer will not change', (status) => {
    expect(shouldRetry(0, apiError(status))).toBe(false);
  });

  it.each([0, 429, 500, 503])('tries again after %i', (status) => {
    expect(shouldRetry(0, apiError(status))).toBe(true);
  });

  it('stops after two retries', () => {
    expect(shouldRetry(1, apiError(503))).toBe(true);
    expect(shouldRetry(2, apiError(503))).toBe(false);
  });

  it('retries an unexpected error', () => {
    expect(shouldRetry(0, new Error('boom'))).toBe(true);
  });
});
