import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { buildTestApp } from '../../helpers/build-test-app.js';
import { sessionCookieOf, signInAs, type Caller } from '../../helpers/people.js';

describe('invitations', () => {
  let app: FastifyInstance;
  let admin: Caller;
  beforeAll(async () => {
    app = await buildTestApp({ config: { publicUrl: new URL('https://survey.example.org/') } });
    admin = await signInAs(app, 'admin');
  });
  afterAll(() => app.close());

  const invite = (payload: object) => admin.inject({ method: 'POST', url: '/api/invitations', payload });
  const accept = (token: string, payload: object, remoteAddress = '198.51.100.20') =>
    app.inject({ method: 'POST', url: `/api/invitations/${token}/accept`, payload, remoteAddress });

  it('invites a delegate by link; accepting sets name and password and signs in with a Secure cookie', async () => {
    const res = await invite({ email: 'Kadri.Tamm@Example.ee', role: 'delegate', memberState: 'EE' });
    expect(res.statusCode).toBe(201);
    const { id, token, url, expiresAt } = res.json();
    expect(id).toBeTruthy();
    expect(url).toBe(`https://survey.example.org/invitations/${token}`);
    const days = (Date.parse(expiresAt) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(13.9);
    expect(days).toBeLessThanOrEqual(14);

    const preview = await app.inject({ method: 'GET', url: `/api/invitations/${token}` });
    expect(preview.json()).toMatchObject({ email: 'kadri.tamm@example.ee', role: 'delegate', memberState: 'EE', memberStateName: 'Estonia' });

    const accepted = await accept(token, { name: 'Kadri Tamm', password: 'a long and unusual passphrase' });
    expect(accepted.statusCode).toBe(201);
    expect(accepted.json().user).toMatchObject({ email: 'kadri.tamm@example.ee', name: 'Kadri Tamm', role: 'delegate', memberState: 'EE' });
    expect(accepted.cookies.find((c) => c.name === 'ncs_session')?.secure).toBe(true);
    const me = await app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: sessionCookieOf(accepted) } });
    expect(me.statusCode).toBe(200);

    // Single use.
    const again = await accept(token, { name: 'Someone', password: 'a long and unusual passphrase' });
    expect(again.statusCode).toBe(404);
    expect(again.json().error.code).toBe('INVITATION_NOT_FOUND');
  });

  it('requires a member state exactly for delegates', async () => {
    expect((await invite({ email: 'a1@example.org', role: 'delegate' })).statusCode).toBe(422);
    expect((await invite({ email: 'a2@example.org', role: 'analyst', memberState: 'EE' })).statusCode).toBe(422);
    expect((await invite({ email: 'a3@example.org', role: 'delegate', memberState: 'XX' })).statusCode).toBe(422);
    expect((await invite({ email: 'a4@example.org', role: 'superuser' })).statusCode).toBe(400);
    expect((await invite({ email: "' OR 1=1 --", role: 'analyst' })).statusCode).toBe(422);
    expect((await invite({ email: 'a5@example.org', role: 'analyst' })).statusCode).toBe(201);
  });

  it('refuses weak and common passwords, creating nothing', async () => {
    const { token } = (await invite({ email: 'weak@example.org', role: 'analyst' })).json();
    for (const password of ['short', 'password1234', 'aaaaaaaaaaaaaaaa', 'weak@example.org-x']) {
      const res = await accept(token, { name: 'W', password });
      expect(res.statusCode, password).toBe(422);
      expect(res.json().error.code).toBe('WEAK_PASSWORD');
    }
    expect(await app.users.findByEmail('weak@example.org')).toBeUndefined();
    expect((await accept(token, { name: 'W', password: 'now a decent passphrase' })).statusCode).toBe(201);
  });

  it('refuses an expired or withdrawn invitation', async () => {
    const expired = (await invite({ email: 'late@example.org', role: 'consultant' })).json();
    await app.db.updateTable('invitations').set({ expires_at: sql`now() - interval '1 minute'` }).where('id', '=', expired.id).execute();
    expect((await accept(expired.token, { name: 'L', password: 'a long and unusual passphrase' })).statusCode).toBe(404);

    const withdrawn = (await invite({ email: 'withdrawn@example.org', role: 'consultant' })).json();
    expect((await admin.inject({ method: 'DELETE', url: `/api/invitations/${withdrawn.id}` })).statusCode).toBe(204);
    expect((await accept(withdrawn.token, { name: 'W', password: 'a long and unusual passphrase' })).statusCode).toBe(404);
    const pending = (await admin.inject({ method: 'GET', url: '/api/invitations' })).json();
    expect(pending.map((p: { email: string }) => p.email)).not.toContain('withdrawn@example.org');
  });

  it('refuses to invite someone who already has an account', async () => {
    const res = await invite({ email: admin.user.email.toUpperCase(), role: 'analyst' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('USER_EXISTS');
  });

  it('throttles guessing of invitation tokens per address', async () => {
    for (let i = 0; i < 20; i++) await accept(`guess-${i}`, { name: 'G', password: 'a long and unusual passphrase' }, '192.0.2.200');
    const res = await accept('guess-final', { name: 'G', password: 'a long and unusual passphrase' }, '192.0.2.200');
    expect(res.statusCode).toBe(429);
    expect(res.headers['retry-after']).toBeDefined();
  });
});

describe('administering people', () => {
  let app: FastifyInstance;
  let admin: Caller;
  beforeAll(async () => {
    app = await buildTestApp();
    admin = await signInAs(app, 'admin');
  });
  afterAll(() => app.close());

  it('changes role and member state, ending the person’s sessions, and keeps the delegate rule', async () => {
    const delegate = await signInAs(app, 'delegate', 'LV');
    const toOther = await admin.inject({ method: 'PATCH', url: `/api/users/${delegate.user.id}`, payload: { memberState: 'LT' } });
    expect(toOther.statusCode).toBe(200);
    expect(toOther.json()).toMatchObject({ role: 'delegate', memberState: 'LT' });
    expect((await delegate.inject({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);

    expect((await admin.inject({ method: 'PATCH', url: `/api/users/${delegate.user.id}`, payload: { role: 'analyst' } })).json()).toMatchObject({ role: 'analyst', memberState: null });
    expect((await admin.inject({ method: 'PATCH', url: `/api/users/${delegate.user.id}`, payload: { role: 'delegate' } })).statusCode).toBe(422);
    expect((await admin.inject({ method: 'PATCH', url: `/api/users/${delegate.user.id}`, payload: { role: 'delegate', memberState: 'FI' } })).json()).toMatchObject({ role: 'delegate', memberState: 'FI' });
    expect((await admin.inject({ method: 'PATCH', url: `/api/users/00000000-0000-4000-8000-000000000000`, payload: { name: 'x' } })).statusCode).toBe(404);
  });

  it('the database itself refuses a delegate without a member state', async () => {
    await expect(
      app.db.insertInto('users').values({ email: 'raw@example.org', name: 'Raw', role: 'delegate', member_state_code: null, password_hash: null }).execute(),
    ).rejects.toThrow(/users_delegate_member_state/);
  });

  it('disables and re-enables an account; disabling ends sessions and stops API tokens', async () => {
    const person = await signInAs(app, 'analyst');
    const token = (await person.inject({ method: 'POST', url: '/api/tokens', payload: { name: 'script' } })).json().token;
    const disabled = await admin.inject({ method: 'POST', url: `/api/users/${person.user.id}/disable` });
    expect(disabled.json().disabledAt).toBeTruthy();
    expect((await person.inject({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
    expect((await app.inject({ method: 'GET', url: '/api/auth/me', headers: { authorization: `Bearer ${token}` } })).statusCode).toBe(401);
    await admin.inject({ method: 'POST', url: `/api/users/${person.user.id}/enable` });
    expect((await app.inject({ method: 'GET', url: '/api/auth/me', headers: { authorization: `Bearer ${token}` } })).statusCode).toBe(200);
    expect((await admin.inject({ method: 'POST', url: `/api/users/${admin.user.id}/disable` })).statusCode).toBe(422);
  });

  it('revokes all sessions of a person', async () => {
    const person = await signInAs(app, 'consultant');
    const res = await admin.inject({ method: 'POST', url: `/api/users/${person.user.id}/sessions/revoke` });
    expect(res.json()).toEqual({ ended: 1 });
    expect((await person.inject({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
  });

  it('records sign-ins, failures, invitations, role changes and tokens in the audit log, downloadable as CSV', async () => {
    const person = await signInAs(app, 'analyst');
    await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: person.user.email, password: 'wrong password!' }, remoteAddress: '192.0.2.9' });
    await admin.inject({ method: 'POST', url: '/api/invitations', payload: { email: 'audited@example.org', role: 'analyst' } });
    await admin.inject({ method: 'PATCH', url: `/api/users/${person.user.id}`, payload: { role: 'consultant' } });
    const events = (await admin.inject({ method: 'GET', url: '/api/audit?limit=500' })).json() as Array<{ action: string; target: string; ip: string }>;
    const actions = events.filter((e) => e.target === person.user.email || e.target === 'audited@example.org').map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['auth.signed_in', 'auth.sign_in_failed', 'invitation.created', 'user.role_changed']));
    expect(events.find((e) => e.action === 'auth.sign_in_failed')?.ip).toBe('192.0.2.9');

    const csv = await admin.inject({ method: 'GET', url: '/api/audit.csv' });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toMatch(/attachment; filename="audit-\d{4}-\d{2}-\d{2}\.csv"/);
    expect(csv.body.startsWith('\uFEFFid,at,actor_email,action,target,ip,details\r\n')).toBe(true);
    expect(csv.body).toContain('user.role_changed');
  });
});

describe('API tokens', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await buildTestApp();
  });
  afterAll(() => app.close());

  it('creates a token shown once, acting with the owner’s role without CSRF, lists it, and revokes it', async () => {
    const analyst = await signInAs(app, 'analyst');
    const created = await analyst.inject({ method: 'POST', url: '/api/tokens', payload: { name: 'nightly export' } });
    expect(created.statusCode).toBe(201);
    const { id, token } = created.json();
    expect(token).toMatch(/^ncs_/);
    const bearer = { authorization: `Bearer ${token}` };

    const me = await app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer });
    expect(me.json()).toMatchObject({ user: { id: analyst.user.id, role: 'analyst' }, csrfToken: null });
    const write = await app.inject({ method: 'POST', url: '/api/tokens', headers: bearer, payload: { name: 'made by script' } });
    expect(write.statusCode).toBe(201);

    const listed = (await analyst.inject({ method: 'GET', url: '/api/tokens' })).json();
    expect(listed.find((t: { id: string }) => t.id === id)).toMatchObject({ name: 'nightly export', lastUsedAt: expect.any(String) });
    expect(JSON.stringify(listed)).not.toContain(token);

    expect((await analyst.inject({ method: 'DELETE', url: `/api/tokens/${id}` })).statusCode).toBe(204);
    const after = await app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer });
    expect(after.statusCode).toBe(401);
    expect(after.json().error.code).toBe('INVALID_TOKEN');
  });

  it('cannot revoke someone else’s token, and a bad bearer never falls back to the cookie', async () => {
    const owner = await signInAs(app, 'analyst');
    const other = await signInAs(app, 'consultant');
    const { id } = (await owner.inject({ method: 'POST', url: '/api/tokens', payload: { name: 'mine' } })).json();
    expect((await other.inject({ method: 'DELETE', url: `/api/tokens/${id}` })).statusCode).toBe(404);
    const mixed = await app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: owner.cookie, authorization: 'Bearer ncs_forged' } });
    expect(mixed.statusCode).toBe(401);
    expect((await owner.inject({ method: 'POST', url: '/api/tokens', payload: { name: '   ' } })).statusCode).toBe(422);
  });
});
