import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../../helpers/build-test-app.js';
import { createPerson, sessionCookieOf, TEST_PASSWORD } from '../../helpers/people.js';

/**
 * Session fixation: whoever plants a session id in a victim's browser before they sign in must
 * not share the session that sign-in creates. The server never adopts an id the client chose,
 * and every sign-in issues a new one and ends the one presented.
 */
describe('session fixation', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await buildTestApp();
  });
  afterAll(() => app.close());

  const login = (email: string, cookie?: string) =>
    app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password: TEST_PASSWORD }, ...(cookie ? { headers: { cookie } } : {}) });
  const me = (cookie: string) => app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });

  it('a session id chosen by the client before sign-in is replaced, and never becomes valid', async () => {
    const person = await createPerson(app, 'delegate', 'EE');
    const planted = 'ncs_session=attacker-chosen-session-id-0123456789abcdef';
    const res = await login(person.email, planted);
    expect(res.statusCode, res.body).toBe(200);
    const issued = sessionCookieOf(res);
    expect(issued).not.toBe(planted);
    expect((await me(issued)).statusCode).toBe(200);
    expect((await me(planted)).statusCode).toBe(401);
  });

  it('signing in again with a live session issues a new id and ends the one presented', async () => {
    const person = await createPerson(app, 'consultant');
    const first = sessionCookieOf(await login(person.email));
    const second = sessionCookieOf(await login(person.email, first));
    expect(second).not.toBe(first);
    expect((await me(second)).statusCode).toBe(200);
    expect((await me(first)).statusCode).toBe(401);
  });

  it('a session of someone else presented at sign-in is ended, not carried over', async () => {
    const victim = await createPerson(app, 'analyst');
    const attacker = await createPerson(app, 'analyst');
    const attackersSession = sessionCookieOf(await login(attacker.email));
    const victimsSession = sessionCookieOf(await login(victim.email, attackersSession));
    expect((await me(victimsSession)).json().user.email).toBe(victim.email);
    expect((await me(attackersSession)).statusCode).toBe(401);
  });
});
