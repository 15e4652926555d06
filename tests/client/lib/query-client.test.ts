import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../../client/src/lib/api-client';
import { createQueryClient, isSessionOutdated, shouldRetry } from '../../../client/src/lib/query-client';

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

describe('isSessionOutdated', () => {
  it('is true when the session has ended or a new password is due', () => {
    expect(isSessionOutdated(new ApiError(401, 'UNAUTHENTICATED', 'Sign in to continue.'))).toBe(true);
    expect(isSessionOutdated(new ApiError(403, 'PASSWORD_CHANGE_REQUIRED', 'Choose a new password.'))).toBe(true);
  });

  it('is false for a wrong password at sign-in and for other refusals', () => {
    expect(isSessionOutdated(new ApiError(401, 'INVALID_CREDENTIALS', 'Wrong.'))).toBe(false);
    expect(isSessionOutdated(new ApiError(403, 'FORBIDDEN', 'Not for your role.'))).toBe(false);
    expect(isSessionOutdated(new Error('boom'))).toBe(false);
  });
});

describe('createQueryClient', () => {
  it('reports a query or mutation that finds the session ended', async () => {
    const onSessionOutdated = vi.fn();
    const client = createQueryClient({ onSessionOutdated });
    const ended = new ApiError(401, 'UNAUTHENTICATED', 'Sign in to continue.');

    await client
      .fetchQuery({ queryKey: ['x'], queryFn: () => Promise.reject(ended), retry: false })
      .catch(() => undefined);
    expect(onSessionOutdated).toHaveBeenCalledTimes(1);
    expect(onSessionOutdated).toHaveBeenCalledWith(client);

    await client
      .getMutationCache()
      .build(client, { mutationFn: () => Promise.reject(ended) })
      .execute(undefined)
      .catch(() => undefined);
    expect(onSessionOutdated).toHaveBeenCalledTimes(2);
  });

  it('does not report other failures', async () => {
    const onSessionOutdated = vi.fn();
    const client = createQueryClient({ onSessionOutdated });

    await client
      .fetchQuery({ queryKey: ['x'], queryFn: () => Promise.reject(apiError(404)), retry: false })
      .catch(() => undefined);

    expect(onSessionOutdated).not.toHaveBeenCalled();
  });
});
