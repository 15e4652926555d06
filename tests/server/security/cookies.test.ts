import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../../helpers/build-test-app.js';
import { createPerson, sessionCookieOf, TEST_PASSWORD } from '../../helpers/people.js';

/** The session cookie as a reviewer checks it: never readable by scripts, never sent cross-site, and only over TLS behind https. */
describe('session cookie attributes', () => {
  let secure: FastifyInstance;
  let plain: FastifyInstance;
  beforeAll(async () => {
    secure = await buildTestApp({ config: { publicUrl: new URL('https://survey.example.org/') } });
    plain = await buildTestApp({ config: { publicUrl: new URL('http://localhost:3000/') } });
  });
  afterAll(async () => {
    await secure.close();
    await plain.close();
  });

  async function signInOn(app: FastifyInstance) {
    const person = await createPerson(app, 'analyst');
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: person.email, password: TEST_PASSWORD } });
    expect(res.statusCode, res.body).toBe(200);
    return res;
  }

  it('behind an https PUBLIC_URL the cookie is HttpOnly, SameSite=Lax and Secure, also when it is cleared at sign-out', async () => {
    const res = await signInOn(secure);
    const set = res.headers['set-cookie'] as string;
    expect(set).toMatch(/^ncs_session=[^;]+;/);
    expect(set).toMatch(/; HttpOnly/);
    expect(set).toMatch(/; SameSite=Lax/);
    expect(set).toMatch(/; Secure/);

    const cookie = sessionCookieOf(res);
    const out = await secure.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie, 'x-csrf-token': res.json().csrfToken } });
    expect(out.statusCode, out.body).toBe(204);
    const cleared = out.cookies.find((c) => c.name === 'ncs_session')!;
    expect(cleared).toMatchObject({ value: '', httpOnly: true, sameSite: 'Lax', secure: true });
  });

  it('behind https the browser is also told to use https only (HSTS)', async () => {
    const res = await secure.inject({ method: 'GET', url: '/api/health' });
    expect(res.headers['strict-transport-security']).toMatch(/max-age=\d+/);
  });

  it('over plain http the cookie is still HttpOnly and SameSite, but not Secure (a browser would never send it back)', async () => {
    const res = await signInOn(plain);
    const cookie = res.cookies.find((c) => c.name === 'ncs_session')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
    expect(cookie.secure).toBeFalsy();
    expect((await plain.inject({ method: 'GET', url: '/api/health' })).headers['strict-transport-security']).toBeUndefined();
  });
});
