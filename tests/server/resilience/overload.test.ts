import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../../helpers/build-test-app.js';

// Beyond capacity the server turns requests away at once with 503 and Retry-After, instead of
// answering them late, and serves again as soon as it is back under its limits.
describe('load shedding', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    // Samples of 100 ms: under-pressure counts a sample in which its 10 ms histogram saw no tick
    // as an infinite delay, which shorter samples on a busy machine would hit by chance.
    app = await buildTestApp({ config: { overload: { maxEventLoopDelayMs: 50, sampleIntervalMs: 100 } } });
  });
  afterAll(() => app.close());

  const healthUntil = async (status: 200) => {
    for (let attempt = 0; attempt < 100; attempt += 1) {
      const res = await app.inject({ method: 'GET', url: '/api/health' });
      if (res.statusCode === status) return res;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    throw new Error(`the health route never answered ${status}`);
  };

  it('answers 503 SERVER_BUSY with Retry-After while the event loop lags, and recovers by itself', async () => {
    await healthUntil(200);
    // Block the event loop well past the limit, as a burst of CPU-bound work would.
    const until = Date.now() + 400;
    while (Date.now() < until);
    await new Promise((resolve) => setTimeout(resolve, 30));

    const busy = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'someone@example.org', password: 'whatever it is' } });
    expect(busy.statusCode).toBe(503);
    expect(busy.headers['retry-after']).toBe('10');
    expect(busy.json()).toEqual({ error: { code: 'SERVER_BUSY', message: expect.stringContaining('try again') } });
    // The client's files are not shed (a 503 for a script is a blank page): this app has no built
    // client, so the asset path gets the ordinary 404 rather than 503; the API is still shed.
    const asset = await app.inject({ method: 'GET', url: '/assets/index-0a1b2c3d.js' });
    expect(asset.statusCode).toBe(404);
    // The health route says so too (it once answered 500: the busy body failed its 503 schema).
    const health = await app.inject({ method: 'GET', url: '/api/health' });
    expect(health.statusCode).toBe(503);
    expect(health.json()).toMatchObject({ error: { code: 'SERVER_BUSY' } });

    // Served again once the loop is back under the limit (on a busy machine, a sample or two later).
    let served = 503;
    let lastBody = '';
    for (let attempt = 0; attempt < 100 && served === 503; attempt += 1) {
      const attempt = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'someone@example.org', password: 'whatever it is' } });
      served = attempt.statusCode;
      lastBody = attempt.body;
      if (served === 503) await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(served, lastBody).toBe(401);
  });
});
