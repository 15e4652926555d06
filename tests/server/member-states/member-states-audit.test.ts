import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { auditEvents } from '../../helpers/audit-events.js';
import { buildTestApp } from '../../helpers/build-test-app.js';
import { signInAs, type Caller } from '../../helpers/people.js';

describe('the audit of member states', () => {
  let app: FastifyInstance;
  let admin: Caller;
  beforeAll(async () => {
    app = await buildTestApp();
    admin = await signInAs(app, 'admin');
  });
  afterAll(() => app.close());

  it('records adding, renaming and deactivating a state with the values before and after', async () => {
    expect((await admin.inject({ method: 'POST', url: '/api/member-states', payload: { code: 'AX', name: 'Åland' } })).statusCode).toBe(201);
    expect(await auditEvents(app, 'member_state.created')).toEqual([
      expect.objectContaining({ target: 'AX', actorEmail: admin.user.email, details: { name: 'Åland' } }),
    ]);
    const changed = await admin.inject({ method: 'PATCH', url: '/api/member-states/AX', payload: { name: 'Åland Islands', active: false } });
    expect(changed.json()).toEqual({ code: 'AX', name: 'Åland Islands', active: false });
    // Nothing changes: no event.
    expect((await admin.inject({ method: 'PATCH', url: '/api/member-states/AX', payload: { active: false } })).statusCode).toBe(200);
    expect(await auditEvents(app, 'member_state.changed')).toEqual([
      expect.objectContaining({
        target: 'AX',
        actorEmail: admin.user.email,
        details: { from: { name: 'Åland', active: true }, to: { name: 'Åland Islands', active: false } },
      }),
    ]);
  });

  it('changes nothing when the audit event cannot be written', async () => {
    const failing = vi.spyOn(app.audit, 'record').mockRejectedValue(new Error('audit table unavailable'));
    try {
      expect((await admin.inject({ method: 'POST', url: '/api/member-states', payload: { code: 'FO', name: 'Faroe Islands' } })).statusCode).toBe(500);
      expect((await admin.inject({ method: 'PATCH', url: '/api/member-states/EE', payload: { active: false } })).statusCode).toBe(500);
    } finally {
      failing.mockRestore();
    }
    expect(await app.memberStates.find('FO')).toBeUndefined();
    expect(await app.memberStates.find('EE')).toEqual({ code: 'EE', name: 'Estonia', active: true });
  });
});
