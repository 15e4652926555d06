import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { buildApp } from '../../../server/app.js';
import { ensureFirstAdmin } from '../../../server/people/first-admin.js';
import { buildTestApp, configOf, testDatabaseInfo } from '../../helpers/build-test-app.js';
import { createPerson, sessionCookieOf, signIn, signInAs, TEST_PASSWORD } from '../../helpers/people.js';

const login = (app: FastifyInstance, email: string, password: string, remoteAddress = '198.51.100.1') =>
  app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password }, remoteAddress });

describe('signing in and sessions', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await buildTestApp();
  });
  afterAll(() => app.close());

  it('signs in with e-mail in any case, sets an HttpOnly SameSite=Lax cookie and returns the user and CSRF token', async () => {
    const person = await createPerson(app, 'delegate', 'EE');
    const res = await login(app, person.email.toUpperCase(), TEST_PASSWORD);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.user).toEqual({ id: person.id, email: person.email, name: 'Test delegate', role: 'delegate', memberState: 'EE', mustChangePassword: false });
    expect(body.csrfToken).toMatch(/^[\w-]{40,}$/);
    const cookie = res.cookies.find((c) => c.name === 'ncs_session')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(cookie.secure).toBeFalsy();

    const me = await app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: sessionCookieOf(res) } });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toEqual(body);
  });

  it('answers an unknown e-mail and a wrong password identically', async () => {
    const person = await createPerson(app, 'analyst');
    const wrong = await login(app, person.email, 'not the password at all', '198.51.100.2');
    const unknown = await login(app, 'nobody-here@example.org', 'not the password at all', '198.51.100.2');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.body).toBe(unknown.body);
    expect(wrong.json().error.code).toBe('INVALID_CREDENTIALS');
  });

  it('refuses oversized, malformed and odd credentials with a clear 4xx and no session', async () => {
    const cases = [
      { payload: { email: 'x'.repeat(400) + '@example.org', password: 'whatever' }, status: 400 },
      { payload: { email: 'a@example.org', password: 'p'.repeat(2000) }, status: 400 },
      { payload: { email: "' OR 1=1 --", password: "' OR '1'='1" }, status: 401 },
      { payload: { email: 'ａｄｍｉｎ@example.org', password: 'whatever whatever' }, status: 401 },
      { payload: { email: 'a@example.org' }, status: 400 },
      { payload: { email: 42, password: [] }, status: 400 },
    ];
    for (const { payload, status } of cases) {
      const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload, remoteAddress: '198.51.100.3' });
      expect(res.statusCode, JSON.stringify(payload)).toBe(status);
      expect(res.cookies.find((c) => c.name === 'ncs_session')).toBeUndefined();
    }
    const notJson = await app.inject({ method: 'POST', url: '/api/auth/login', payload: '{"email":', headers: { 'content-type': 'application/json' } });
    expect(notJson.statusCode).toBe(400);
    expect(notJson.json().error.code).toBe('INVALID_JSON');
    const form = await app.inject({ method: 'POST', url: '/api/auth/login', payload: 'email=a', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(form.statusCode).toBe(415);
  });

  it('needs a session or token: 401 without one, and a bad cookie is cleared', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
    const res = await app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: 'ncs_session=forged' } });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('UNAUTHENTICATED');
  });

  it('requires the CSRF header on cookie-authenticated writes', async () => {
    const caller = await signInAs(app, 'analyst');
    const without = await app.inject({ method: 'POST', url: '/api/tokens', payload: { name: 'x' }, headers: { cookie: caller.cookie } });
    expect(without.statusCode).toBe(403);
    expect(without.json().error.code).toBe('CSRF_TOKEN_INVALID');
    const wrong = await app.inject({ method: 'POST', url: '/api/tokens', payload: { name: 'x' }, headers: { cookie: caller.cookie, 'x-csrf-token': 'nope' } });
    expect(wrong.statusCode).toBe(403);
    const right = await caller.inject({ method: 'POST', url: '/api/tokens', payload: { name: 'x' } });
    expect(right.statusCode).toBe(201);
    // Reads need no CSRF header.
    expect((await app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: caller.cookie } })).statusCode).toBe(200);
  });

  it('replaces an existing session at sign-in, and ends it at sign-out', async () => {
    const person = await createPerson(app, 'consultant');
    const first = await signIn(app, person.email, TEST_PASSWORD);
    const second = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: person.email, password: TEST_PASSWORD }, headers: { cookie: first.cookie } });
    expect(second.statusCode).toBe(200);
    expect(sessionCookieOf(second)).not.toBe(first.cookie);
    expect((await app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: first.cookie } })).statusCode).toBe(401);

    const cookie = sessionCookieOf(second);
    const csrf = second.json().csrfToken;
    expect((await app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie } })).statusCode).toBe(403);
    expect((await app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie, 'x-csrf-token': csrf } })).statusCode).toBe(204);
    expect((await app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } })).statusCode).toBe(401);
  });

  it('ends sessions idle for too long, and sessions past their absolute lifetime', async () => {
    const idle = await signInAs(app, 'analyst');
    await app.db.updateTable('sessions').set({ last_seen_at: sql`now() - interval '9 hours'` }).where('user_id', '=', idle.user.id).execute();
    expect((await idle.inject({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);

    const old = await signInAs(app, 'analyst');
    await app.db.updateTable('sessions').set({ expires_at: sql`now() - interval '1 second'` }).where('user_id', '=', old.user.id).execute();
    expect((await old.inject({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
  });

  it('signs a person out everywhere', async () => {
    const person = await createPerson(app, 'analyst');
    const a = await signIn(app, person.email, TEST_PASSWORD);
    const b = await signIn(app, person.email, TEST_PASSWORD);
    const res = await a.inject({ method: 'POST', url: '/api/auth/logout-everywhere' });
    expect(res.json()).toEqual({ ended: 2 });
    expect((await b.inject({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
  });

  it('refuses a disabled person with the same answer as a wrong password', async () => {
    const person = await createPerson(app, 'analyst');
    await app.users.setDisabled(person.id, true);
    const res = await login(app, person.email, TEST_PASSWORD, '198.51.100.9');
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('INVALID_CREDENTIALS');
  });

  it('makes a one-time password holder choose a new password before anything else', async () => {
    const fresh = await buildTestApp();
    try {
      await fresh.db.deleteFrom('users').execute();
      const first = await ensureFirstAdmin(fresh, null);
      if (!first.created || !first.oneTimePassword) throw new Error('expected a generated password');
      expect(await ensureFirstAdmin(fresh, { email: 'other@example.org', password: 'another long password' })).toEqual({ created: false });

      const admin = await signIn(fresh, first.email, first.oneTimePassword);
      expect(admin.user.mustChangePassword).toBe(true);
      const blocked = await admin.inject({ method: 'GET', url: '/api/users' });
      expect(blocked.statusCode).toBe(403);
      expect(blocked.json().error.code).toBe('PASSWORD_CHANGE_REQUIRED');

      const weak = await admin.inject({ method: 'POST', url: '/api/auth/password', payload: { currentPassword: first.oneTimePassword, newPassword: 'password1234' } });
      expect(weak.statusCode).toBe(422);
      const wrong = await admin.inject({ method: 'POST', url: '/api/auth/password', payload: { currentPassword: 'wrong', newPassword: 'a much better passphrase' } });
      expect(wrong.statusCode).toBe(422);
      const changed = await admin.inject({ method: 'POST', url: '/api/auth/password', payload: { currentPassword: first.oneTimePassword, newPassword: 'a much better passphrase' } });
      expect(changed.statusCode).toBe(200);
      expect(changed.json().user.mustChangePassword).toBe(false);
      expect((await admin.inject({ method: 'GET', url: '/api/users' })).statusCode).toBe(200);
      expect((await login(fresh, first.email, first.oneTimePassword, '198.51.100.10')).statusCode).toBe(401);
    } finally {
      await fresh.close();
    }
  });

  it('uses ADMIN_EMAIL and ADMIN_PASSWORD for the first administrator', async () => {
    const fresh = await buildTestApp();
    try {
      await fresh.db.deleteFrom('users').execute();
      const first = await ensureFirstAdmin(fresh, { email: 'Chief@Example.org', password: 'chief password 2026' });
      expect(first).toEqual({ created: true, email: 'chief@example.org', oneTimePassword: null });
      const admin = await signIn(fresh, 'chief@example.org', 'chief password 2026');
      expect(admin.user).toMatchObject({ role: 'admin', mustChangePassword: false });
    } finally {
      await fresh.close();
    }
  });
});

describe('sign-in rate limiting', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await buildTestApp();
  });
  afterAll(() => app.close());

  it('blocks an account after 5 failures, even with the right password, and tells when to retry', async () => {
    const person = await createPerson(app, 'analyst');
    for (let i = 0; i < 5; i++) expect((await login(app, person.email, `wrong ${i} password`, `203.0.113.${i}`)).statusCode).toBe(401);
    const blocked = await login(app, person.email, TEST_PASSWORD, '203.0.113.99');
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().error.code).toBe('TOO_MANY_ATTEMPTS');
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(blocked.headers['retry-after'])).toBeLessThanOrEqual(15 * 60);
    // Unknown accounts are limited the same way, so the limit reveals nothing.
    for (let i = 0; i < 5; i++) await login(app, 'ghost@example.org', 'wrong password', `203.0.113.${i}`);
    expect((await login(app, 'ghost@example.org', 'wrong password', '203.0.113.98')).statusCode).toBe(429);
  });

  it('blocks an address after 30 failures across accounts', async () => {
    for (let i = 0; i < 30; i++) await login(app, `someone-${i}@example.org`, 'wrong password', '192.0.2.77');
    const person = await createPerson(app, 'analyst');
    expect((await login(app, person.email, TEST_PASSWORD, '192.0.2.77')).statusCode).toBe(429);
    expect((await login(app, person.email, TEST_PASSWORD, '192.0.2.78')).statusCode).toBe(200);
  });

  it('holds across two app instances on one database', async () => {
    const person = await createPerson(app, 'analyst');
    // On the server engine a real second instance; the embedded engine allows one process per directory.
    const other = testDatabaseInfo().engine === 'server' ? await buildApp(configOf(app), { logger: false, migrate: false, importDefinitions: false }) : app;
    try {
      for (let i = 0; i < 3; i++) await login(app, person.email, 'wrong password 1', `198.18.0.${i}`);
      for (let i = 0; i < 2; i++) await login(other, person.email, 'wrong password 2', `198.18.1.${i}`);
      expect((await login(app, person.email, TEST_PASSWORD, '198.18.2.1')).statusCode).toBe(429);
      expect((await login(other, person.email, TEST_PASSWORD, '198.18.2.2')).statusCode).toBe(429);
    } finally {
      if (other !== app) await other.close();
    }
  });

  it('forgets earlier failures of an account once it signs in', async () => {
    const person = await createPerson(app, 'analyst');
    for (let i = 0; i < 4; i++) await login(app, person.email, 'wrong password', '198.18.5.1');
    expect((await login(app, person.email, TEST_PASSWORD, '198.18.5.1')).statusCode).toBe(200);
    for (let i = 0; i < 4; i++) await login(app, person.email, 'wrong password', '198.18.5.1');
    expect((await login(app, person.email, TEST_PASSWORD, '198.18.5.1')).statusCode).toBe(200);
  });
});
