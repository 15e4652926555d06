import { afterEach, describe, expect, it } from 'vitest';
import { api, ApiError, apiRequest, setCsrfToken, type HttpMethod } from '../../../client/src/lib/api-client';
import { errorResponse, jsonResponse, stubFetch } from '../helpers/fake-fetch';

afterEach(() => setCsrfToken(null));

async function caught(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the request to fail');
}

describe('apiRequest', () => {
  it('resolves to the JSON body and sends the session cookie along', async () => {
    const requests = stubFetch(() => jsonResponse(200, [{ id: 'ncs', title: 'Survey', versions: [] }]));

    const body = await api.get('/api/surveys');

    expect(body).toEqual([{ id: 'ncs', title: 'Survey', versions: [] }]);
    expect(requests).toHaveLength(1);
    expect(requests[0]?.url).toBe('/api/surveys');
    expect(requests[0]?.method).toBe('GET');
    expect(requests[0]?.headers.get('accept')).toBe('application/json');
    const init = (globalThis.fetch as unknown as { mock: { calls: [string, RequestInit][] } }).mock.calls[0]?.[1];
    expect(init?.credentials).toBe('same-origin');
  });

  it('sends a body as JSON with its content type', async () => {
    const requests = stubFetch(() => jsonResponse(201, { id: 'x' }));

    await api.post('/api/surveys', { id: 'x', title: 'X' });

    expect(requests[0]?.headers.get('content-type')).toBe('application/json');
    expect(JSON.parse(requests[0]?.body ?? '')).toEqual({ id: 'x', title: 'X' });
  });

  it('resolves to undefined for an empty answer (204)', async () => {
    stubFetch(() => new Response(null, { status: 204 }));

    await expect(api.post('/api/auth/logout')).resolves.toBeUndefined();
  });

  describe('CSRF header', () => {
    it.each<HttpMethod>(['POST', 'PUT', 'PATCH', 'DELETE'])('is sent on %s once a token is known', async (method) => {
      setCsrfToken('token-123');
      const requests = stubFetch(() => jsonResponse(200, {}));

      await apiRequest('/api/things', { method, body: {} });

      expect(requests[0]?.headers.get('x-csrf-token')).toBe('token-123');
    });

    it('is not sent on GET', async () => {
      setCsrfToken('token-123');
      const requests = stubFetch(() => jsonResponse(200, {}));

      await api.get('/api/surveys');

      expect(requests[0]?.headers.has('x-csrf-token')).toBe(false);
    });

    it('is not sent while no token is known, nor after it is cleared', async () => {
      const requests = stubFetch(() => jsonResponse(200, {}));

      await api.post('/api/things', {});
      setCsrfToken('token-123');
      setCsrfToken(null);
      await api.post('/api/things', {});

      expect(requests.map((r) => r.headers.has('x-csrf-token'))).toEqual([false, false]);
    });
  });

  describe('errors', () => {
    it("become an ApiError with the contract's status, code, message and details", async () => {
      const details = { currentRevision: 7, conflicts: [{ question: 'q1' }] };
      stubFetch(() => errorResponse(409, 'EDIT_CONFLICT', 'Someone else changed these answers.', details));

      const error = await caught(api.patch('/api/surveys/s/versions/1/responses/EE', { baseRevision: 3 }));

      expect(error).toBeInstanceOf(ApiError);
      expect(error).toMatchObject({
        status: 409,
        code: 'EDIT_CONFLICT',
        message: 'Someone else changed these answers.',
        details,
      });
    });

    it('keep details undefined when the server sent none', async () => {
      stubFetch(() => errorResponse(401, 'UNAUTHENTICATED', 'Sign in to continue.'));

      const error = await caught(api.get('/api/surveys'));

      expect(error).toMatchObject({ status: 401, code: 'UNAUTHENTICATED', message: 'Sign in to continue.' });
      expect((error as ApiError).details).toBeUndefined();
    });

    it('that are not in the contract\'s shape (a proxy\'s HTML page) still become an ApiError', async () => {
      stubFetch(() => new Response('<html>Bad gateway</html>', { status: 502, headers: { 'content-type': 'text/html' } }));

      const error = await caught(api.get('/api/surveys'));

      expect(error).toBeInstanceOf(ApiError);
      expect(error).toMatchObject({ status: 502, code: 'HTTP_502' });
      expect((error as ApiError).message).toMatch(/try again/i);
    });

    it('of the network become an ApiError with status 0', async () => {
      stubFetch(() => Promise.reject(new TypeError('Failed to fetch')));

      const error = await caught(api.get('/api/surveys'));

      expect(error).toBeInstanceOf(ApiError);
      expect(error).toMatchObject({ status: 0, code: 'NETWORK_ERROR' });
    });

    it('do not hide a cancelled request', async () => {
      stubFetch(() => jsonResponse(200, {}));
      const controller = new AbortController();
      controller.abort();

      const error = await caught(api.get('/api/surveys', { signal: controller.signal }));

      expect(error).not.toBeInstanceOf(ApiError);
      expect((error as Error).name).toBe('AbortError');
    });

    it('include a success answer that is not JSON', async () => {
      stubFetch(() => new Response('not json', { status: 200 }));

      const error = await caught(api.get('/api/surveys'));

      expect(error).toMatchObject({ status: 200, code: 'INVALID_RESPONSE' });
    });
  });
});
