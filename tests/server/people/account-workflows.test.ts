import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { auditEvents } from '../../helpers/audit-events.js';
import { buildTestApp } from '../../helpers/build-test-app.js';
import { createPerson, signIn, signInAs, TEST_PASSWORD, type Caller } from '../../helpers/people.js';

/**
 * Each workflow changes the account, ends the sessions it must and writes its audit event in one
 * transaction: when a step fails, nothing of it stays.
 */
describe('account workflows', () => {
  let app: FastifyInstance;
  let admin: Caller;
  beforeAll(async () => {
    app = await buildTestApp();
    admin = await signInAs(app, 'admin');
  });
  afterAll(() => app.close());

  const failing = (object: object, method: string) => vi.spyOn(object as Record<string, () => unknown>, method).mockRejectedValue(new Error('step failed'));
  const me = (caller: Caller) => caller.inject({ method: 'GET', url: '/api/auth/me' });

  it('a role change is audited and ends the person’s sessions', async () => {
    const person = await createPerson(app, 'analyst');
    const session = await signIn(app, person.email, TEST_PASSWORD);
    const res = await admin.inject({ method: 'PATCH', url: `/api/users/${person.id}`, payload: { role: 'delegate', memberState: 'LV' } });
    expect(res.statusCode, res.body).toBe(200);
    expect((await me(session)).statusCode).toBe(401);
    expect((await auditEvents(app, 'user.role_changed')).filter((e) => e.target === person.email)).toEqual([
      expect.objectContaining({ actorEmail: admin.user.email, details: { from: { role: 'analyst', memberState: null }, to: { role: 'delegate', memberState: 'LV' } } }),
    ]);
  });

  it('a change of name is audited with before and after, and keeps the sessions', async () => {
    const person = await createPerson(app, 'analyst');
    const session = await signIn(app, person.email, TEST_PASSWORD);
    const res = await admin.inject({ method: 'PATCH', url: `/api/users/${person.id}`, payload: { name: 'Ilse Renamed' } });
    expect(res.statusCode, res.body).toBe(200);
    expect((await me(session)).statusCode).toBe(200);
    expect((await auditEvents(app, 'user.renamed')).filter((e) => e.target === person.email)).toEqual([
      expect.objectContaining({ actorEmail: admin.user.email, details: { from: person.name, to: 'Ilse Renamed' } }),
    ]);
    expect((await auditEvents(app, 'user.role_changed')).filter((e) => e.target === person.email)).toEqual([]);
  });

  it('a role change whose sessions cannot be ended changes nothing', async () => {
    const person = await createPerson(app, 'analyst');
    const session = await signIn(app, person.email, TEST_PASSWORD);
    const spy = failing(app.sessions, 'revokeAllFor');
    try {
      expect((await admin.inject({ method: 'PATCH', url: `/api/users/${person.id}`, payload: { role: 'consultant' } })).statusCode).toBe(500);
    } finally {
      spy.mockRestore();
    }
    expect((await app.users.get(person.id)).role).toBe('analyst');
    expect((await auditEvents(app, 'user.role_changed')).filter((e) => e.target === person.email)).toEqual([]);
    expect((await me(session)).statusCode).toBe(200);
  });

  it('disabling is audited and signs the person out; when its audit fails the account stays enabled', async () => {
    const person = await createPerson(app, 'consultant');
    const session = await signIn(app, person.email, TEST_PASSWORD);
    const spy = failing(app.audit, 'record');
    try {
      expect((await admin.inject({ method: 'POST', url: `/api/users/${person.id}/disable` })).statusCode).toBe(500);
    } finally {
      spy.mockRestore();
    }
    expect((await app.users.get(person.id)).disabledAt).toBeNull();
    expect((await me(session)).statusCode).toBe(200);

    expect((await admin.inject({ method: 'POST', url: `/api/users/${person.id}/disable` })).statusCode).toBe(200);
    expect((await me(session)).statusCode).toBe(401);
    expect((await auditEvents(app, 'user.disabled')).filter((e) => e.target === person.email)).toHaveLength(1);
  });

  it('ending someone’s sessions is audited with how many ended', async () => {
    const person = await createPerson(app, 'analyst');
    await signIn(app, person.email, TEST_PASSWORD);
    await signIn(app, person.email, TEST_PASSWORD);
    const res = await admin.inject({ method: 'POST', url: `/api/users/${person.id}/sessions/revoke` });
    expect(res.json()).toEqual({ ended: 2 });
    expect((await auditEvents(app, 'user.sessions_revoked')).filter((e) => e.target === person.email)).toEqual([
      expect.objectContaining({ actorEmail: admin.user.email, details: { ended: 2 } }),
    ]);
  });

  it('an invitation whose audit event cannot be written is not created, nor withdrawn', async () => {
    const spy = failing(app.audit, 'record');
    try {
      expect((await admin.inject({ method: 'POST', url: '/api/invitations', payload: { email: 'unaudited@example.org', role: 'analyst' } })).statusCode).toBe(500);
    } finally {
      spy.mockRestore();
    }
    const pending = () => admin.inject({ method: 'GET', url: '/api/invitations' }).then((r) => r.json() as Array<{ id: string; email: string }>);
    expect((await pending()).map((i) => i.email)).not.toContain('unaudited@example.org');

    const created = (await admin.inject({ method: 'POST', url: '/api/invitations', payload: { email: 'audited@example.org', role: 'analyst' } })).json();
    const again = failing(app.audit, 'record');
    try {
      expect((await admin.inject({ method: 'DELETE', url: `/api/invitations/${created.id}` })).statusCode).toBe(500);
    } finally {
      again.mockRestore();
    }
    expect((await pending()).map((i) => i.id)).toContain(created.id);
  });

  it('an invitation whose session cannot be made creates no account', async () => {
    const { token } = (await admin.inject({ method: 'POST', url: '/api/invitations', payload: { email: 'half-accepted@example.org', role: 'analyst' } })).json();
    const spy = failing(app.sessions, 'create');
    try {
      const res = await app.inject({ method: 'POST', url: `/api/invitations/${token}/accept`, payload: { name: 'Half', password: 'a long enough passphrase' } });
      expect(res.statusCode).toBe(500);
    } finally {
      spy.mockRestore();
    }
    expect(await app.users.findByEmail('half-accepted@example.org')).toBeUndefined();
    const accepted = await app.inject({ method: 'POST', url: `/api/invitations/${token}/accept`, payload: { name: 'Whole', password: 'a long enough passphrase' } });
    expect(accepted.statusCode).toBe(201);
    expect((await auditEvents(app, 'invitation.accepted')).filter((e) => e.target === 'half-accepted@example.org')).toHaveLength(1);
  });
});
