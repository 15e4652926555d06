import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { auditEvents } from '../../helpers/audit-events.js';
import { buildTestApp } from '../../helpers/build-test-app.js';
import { createPerson, signIn, TEST_PASSWORD, type Caller } from '../../helpers/people.js';

/** The own change (API) and the reset (CLI) share one workflow: new hash, sessions ended, one audit event. */
describe('password changes', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await buildTestApp();
  });
  afterAll(() => app.close());

  const me = (caller: Caller) => caller.inject({ method: 'GET', url: '/api/auth/me' });
  const login = (email: string, password: string) => app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
  const change = (caller: Caller, newPassword: string) =>
    caller.inject({ method: 'POST', url: '/api/auth/password', payload: { currentPassword: TEST_PASSWORD, newPassword } });

  it('the own change keeps this session, ends the others and is audited once', async () => {
    const person = await createPerson(app, 'analyst');
    const here = await signIn(app, person.email, TEST_PASSWORD);
    const elsewhere = await signIn(app, person.email, TEST_PASSWORD);
    const res = await change(here, 'a brand new passphrase');
    expect(res.statusCode, res.body).toBe(200);
    expect((await me(here)).statusCode).toBe(200);
    expect((await me(elsewhere)).statusCode).toBe(401);
    expect((await login(person.email, 'a brand new passphrase')).statusCode).toBe(200);
    expect((await auditEvents(app, 'auth.password_changed')).filter((e) => e.target === person.email)).toHaveLength(1);
  });

  it('an own change whose audit event cannot be written leaves the old password and the sessions', async () => {
    const person = await createPerson(app, 'analyst');
    const here = await signIn(app, person.email, TEST_PASSWORD);
    const elsewhere = await signIn(app, person.email, TEST_PASSWORD);
    const spy = vi.spyOn(app.audit, 'record').mockRejectedValue(new Error('audit table unavailable'));
    try {
      expect((await change(here, 'another new passphrase')).statusCode).toBe(500);
    } finally {
      spy.mockRestore();
    }
    expect((await me(elsewhere)).statusCode).toBe(200);
    expect((await login(person.email, TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('the reset from the shell ends every session, asks for a new password at sign-in and is audited once', async () => {
    const person = await createPerson(app, 'consultant');
    const session = await signIn(app, person.email, TEST_PASSWORD);
    const reset = await app.passwordChanges.resetFromCli(person.email, 'a one-time reset passphrase');
    expect(reset).toMatchObject({ email: person.email, mustChangePassword: true });
    expect((await me(session)).statusCode).toBe(401);
    const signedIn = await login(person.email, 'a one-time reset passphrase');
    expect(signedIn.json().user.mustChangePassword).toBe(true);
    expect(await auditEvents(app, 'user.password_reset_by_cli')).toEqual([expect.objectContaining({ target: person.email, actorEmail: null })]);
  });

  it('the reset refuses an unknown account and a weak password, changing nothing', async () => {
    await expect(app.passwordChanges.resetFromCli('nobody@example.org', 'a long enough passphrase')).rejects.toMatchObject({ code: 'USER_NOT_FOUND' });
    const person = await createPerson(app, 'consultant');
    await expect(app.passwordChanges.resetFromCli(person.email, 'short')).rejects.toMatchObject({ code: 'WEAK_PASSWORD' });
    expect((await login(person.email, TEST_PASSWORD)).statusCode).toBe(200);
  });
});
