import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildTestApp } from '../../helpers/build-test-app.js';
import { signInAs, type Caller } from '../../helpers/people.js';

describe('member states', () => {
  let app: FastifyInstance;
  let admin: Caller;
  let analyst: Caller;
  beforeAll(async () => {
    app = await buildTestApp();
    admin = await signInAs(app, 'admin');
    analyst = await signInAs(app, 'analyst');
  });
  afterAll(() => app.close());

  it('are seeded with the 11 CBSS member states of 2009, in a stable order', async () => {
    const res = await analyst.inject({ method: 'GET', url: '/api/member-states' });
    expect(res.statusCode).toBe(200);
    const codes = res.json().map((s: { code: string }) => s.code);
    expect(codes.slice(0, 11)).toEqual(['DK', 'EE', 'FI', 'DE', 'IS', 'LV', 'LT', 'NO', 'PL', 'RU', 'SE']);
    expect(res.json()[1]).toEqual({ code: 'EE', name: 'Estonia', active: true });
  });

  it('can be added with a valid new code, never twice', async () => {
    const added = await admin.inject({ method: 'POST', url: '/api/member-states', payload: { code: 'DE-BY', name: '  Bavaria ' } });
    expect(added.statusCode).toBe(201);
    expect(added.json()).toEqual({ code: 'DE-BY', name: 'Bavaria', active: true });
    const list = (await analyst.inject({ method: 'GET', url: '/api/member-states' })).json();
    expect(list[list.length - 1].code).toBe('DE-BY');
    expect((await admin.inject({ method: 'POST', url: '/api/member-states', payload: { code: 'DE-BY', name: 'Again' } })).statusCode).toBe(409);
    for (const code of ['ee', 'E', '1A', 'A'.repeat(17), 'E E', "EE'--"]) {
      const res = await admin.inject({ method: 'POST', url: '/api/member-states', payload: { code, name: 'X' } });
      expect(res.statusCode, code).toBe(422);
    }
    expect((await admin.inject({ method: 'POST', url: '/api/member-states', payload: { code: 'BENCH-0042', name: '' } })).statusCode).toBe(422);
  });

  it('can be renamed and deactivated, and an inactive state takes no new delegates', async () => {
    await admin.inject({ method: 'POST', url: '/api/member-states', payload: { code: 'XK', name: 'Test state' } });
    const renamed = await admin.inject({ method: 'PATCH', url: '/api/member-states/XK', payload: { name: 'Renamed state' } });
    expect(renamed.json()).toEqual({ code: 'XK', name: 'Renamed state', active: true });
    const inactive = await admin.inject({ method: 'PATCH', url: '/api/member-states/XK', payload: { active: false } });
    expect(inactive.json().active).toBe(false);
    const invite = await admin.inject({ method: 'POST', url: '/api/invitations', payload: { email: 'xk@example.org', role: 'delegate', memberState: 'XK' } });
    expect(invite.statusCode).toBe(422);
    expect(invite.json().error.code).toBe('INACTIVE_MEMBER_STATE');
    expect((await admin.inject({ method: 'PATCH', url: '/api/member-states/QQ', payload: { name: 'x' } })).statusCode).toBe(404);
    // There is no way to delete a member state through the API.
    expect((await admin.inject({ method: 'DELETE', url: '/api/member-states/XK' })).statusCode).toBe(404);
  });
});
