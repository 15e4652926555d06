import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildTestApp } from '../../helpers/build-test-app.js';
import { createPerson, signIn, signInAs, TEST_PASSWORD, type Caller } from '../../helpers/people.js';

/** The password hash is read only where a password is checked: no person's row or response carries it. */
const HASH = /password_?hash|\$argon2/i;

describe('the password hash stays in the database', () => {
  let app: FastifyInstance;
  let admin: Caller;
  beforeAll(async () => {
    app = await buildTestApp();
    admin = await signInAs(app, 'admin');
  });
  afterAll(() => app.close());

  it('is in none of the users service’s results', async () => {
    const person = await createPerson(app, 'analyst');
    const db = app.db;
    const results = await Promise.all([
      app.users.list(),
      app.users.get(person.id),
      app.users.findByEmail(person.email),
      db.transaction().execute((trx) => app.users.update(person.id, { name: 'Renamed Analyst' }, trx)),
      app.users.setDisabled(person.id, false),
      app.users.create({ email: 'hashless@example.org', name: 'Hashless', role: 'analyst', password: TEST_PASSWORD }),
    ]);
    for (const result of results) expect(JSON.stringify(result)).not.toMatch(HASH);
    expect(await app.users.get(person.id)).toMatchObject({ hasPassword: true });
  });

  it('is in no response that returns a person', async () => {
    const person = await createPerson(app, 'delegate', 'EE');
    const self = await signIn(app, person.email, TEST_PASSWORD);
    const { token } = (await admin.inject({ method: 'POST', url: '/api/invitations', payload: { email: 'hashless-invitee@example.org', role: 'analyst' } })).json();
    const responses = [
      await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: person.email, password: TEST_PASSWORD } }),
      await self.inject({ method: 'GET', url: '/api/auth/me' }),
      await admin.inject({ method: 'GET', url: '/api/users' }),
      await admin.inject({ method: 'PATCH', url: `/api/users/${person.id}`, payload: { name: 'Renamed Delegate' } }),
      await admin.inject({ method: 'POST', url: `/api/users/${person.id}/enable` }),
      await app.inject({ method: 'POST', url: `/api/invitations/${token}/accept`, payload: { name: 'Invitee', password: 'a long enough passphrase' } }),
      await self.inject({ method: 'POST', url: '/api/auth/password', payload: { currentPassword: TEST_PASSWORD, newPassword: 'a brand new passphrase' } }),
    ];
    for (const res of responses) {
      expect(res.statusCode, res.body).toBeLessThan(300);
      expect(res.body).not.toMatch(HASH);
    }
  });
});
