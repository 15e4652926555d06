import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { box, startBanner } from '../../server/start-banner.js';
import { buildTestApp } from '../helpers/build-test-app.js';

/** What a person at the terminal reads: one line per request, and credentials that stand out. */
describe('server log and start banner', () => {
  let app: FastifyInstance;
  const lines: Array<Record<string, unknown>> = [];

  beforeAll(async () => {
    app = await buildTestApp({ config: { logLevel: 'info' }, build: { logger: true, logStream: { write: (line: string) => void lines.push(JSON.parse(line)) } } });
  });
  afterAll(() => app.close());

  it('logs each request once, when it is answered, with its method, address, status (and a refusal’s code) and time', async () => {
    lines.length = 0;
    await app.inject({ method: 'GET', url: '/api/surveys', headers: { 'x-request-id': 'one-line-test' } });
    await app.inject({ method: 'GET', url: '/api/no-such-thing', headers: { 'x-request-id': 'one-line-404' } });
    const ofRequest = (id: string) => lines.filter((line) => line.reqId === id);
    expect(ofRequest('one-line-test')).toHaveLength(1);
    expect(ofRequest('one-line-test')[0]).toMatchObject({ msg: expect.stringMatching(/^GET \/api\/surveys 401 UNAUTHENTICATED \d+ ms$/), res: { statusCode: 401 }, code: 'UNAUTHENTICATED' });
    expect(ofRequest('one-line-404').map((line) => line.msg)).toEqual([expect.stringMatching(/^GET \/api\/no-such-thing 404 \d+ ms$/)]);
    expect(lines.some((line) => line.msg === 'incoming request' || line.msg === 'request completed')).toBe(false);
  });

  it('frames the first administrator’s one-time password in a box with the address', () => {
    const banner = startBanner('http://localhost:3000/', { firstAdmin: { created: true, email: 'admin@survey.local', oneTimePassword: 'Xy7-one-time' } });
    const rows = banner.trim().split('\n');
    expect(rows[0]).toMatch(/^╔═+╗$/);
    expect(rows.at(-1)).toMatch(/^╚═+╝$/);
    expect(new Set(rows.map((row) => row.length)).size).toBe(1);
    expect(banner).toContain('running at http://localhost:3000/');
    expect(banner).toMatch(/One-time password: +Xy7-one-time/);
  });

  it('shows just the address when there is nothing new to sign in with', () => {
    expect(startBanner('http://localhost:3000/', { firstAdmin: { created: false } })).toBe(`\n${box(['National cooperation survey is running at http://localhost:3000/'])}\n`);
  });
});
