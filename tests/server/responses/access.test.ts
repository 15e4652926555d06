import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildTestApp } from '../../helpers/build-test-app.js';
import { signInAs, type Caller } from '../../helpers/people.js';
import { complete, expectStatus, read, responsesPath, save } from './support.js';

/**
 * Who may call each responses route: every role, and delegates of the response's own state and
 * of another. Refusals must come before the body is looked at (403/404 before 400).
 */
describe('access to responses', () => {
  let app: FastifyInstance;
  let callers: Record<'admin' | 'consultant' | 'analyst' | 'own' | 'other', Caller>;
  beforeAll(async () => {
    app = await buildTestApp();
    callers = {
      admin: await signInAs(app, 'admin'),
      consultant: await signInAs(app, 'consultant'),
      analyst: await signInAs(app, 'analyst'),
      own: await signInAs(app, 'delegate', 'EE'),
      other: await signInAs(app, 'delegate', 'LV'),
    };
    expectStatus(await save(callers.own, 'EE', { baseRevision: 0, set: { main_gaps: 'Funding' } }), 200);
  });
  afterAll(() => app.close());

  type Who = keyof typeof callers;
  // For each route: the callers it admits; the others are refused with the given status.
  const routes: Array<{ method: 'GET' | 'POST' | 'PATCH'; rest: string; admits: Who[]; refusal: Partial<Record<Who, number>> }> = [
    { method: 'GET', rest: '', admits: ['admin', 'consultant', 'analyst', 'own'], refusal: { other: 404 } },
    { method: 'PATCH', rest: '', admits: ['own'], refusal: { admin: 403, consultant: 403, analyst: 403, other: 404 } },
    { method: 'POST', rest: '/submit', admits: ['own'], refusal: { admin: 403, consultant: 403, analyst: 403, other: 404 } },
    { method: 'POST', rest: '/return', admits: ['consultant'], refusal: { admin: 403, analyst: 403, own: 403, other: 403 } },
    { method: 'POST', rest: '/accept', admits: ['consultant'], refusal: { admin: 403, analyst: 403, own: 403, other: 403 } },
    { method: 'POST', rest: '/reopen', admits: ['consultant', 'admin'], refusal: { analyst: 403, own: 403, other: 403 } },
    { method: 'GET', rest: '/revisions', admits: ['admin', 'consultant', 'analyst', 'own'], refusal: { other: 404 } },
    { method: 'GET', rest: '/revisions/1', admits: ['admin', 'consultant', 'analyst', 'own'], refusal: { other: 404 } },
    { method: 'GET', rest: '/comments', admits: ['admin', 'consultant', 'analyst', 'own'], refusal: { other: 404 } },
    { method: 'POST', rest: '/comments', admits: ['admin', 'consultant', 'own'], refusal: { analyst: 403, other: 404 } },
    { method: 'PATCH', rest: '/comments/00000000-0000-4000-8000-000000000000', admits: ['admin', 'consultant', 'own'], refusal: { analyst: 403, other: 404 } },
  ];

  for (const route of routes) {
    it(`${route.method} R/{state}${route.rest}`, async () => {
      const url = responsesPath(1, 'EE', route.rest);
      for (const [who, status] of Object.entries(route.refusal) as Array<[Who, number]>) {
        // A body of the wrong shape: the refusal still comes first.
        const res = await callers[who].inject({ method: route.method, url, ...(route.method === 'GET' ? {} : { payload: { nonsense: true } }) });
        expect(res.statusCode, `${who}: ${res.body}`).toBe(status);
      }
      for (const who of route.admits) {
        const res = await callers[who].inject({ method: route.method, url, ...(route.method === 'GET' ? {} : { payload: { nonsense: true } }) });
        // Admitted: GETs answer (200); writes reach the body check (400).
        expect(res.statusCode, `${who}: ${res.body}`).toBe(route.method === 'GET' ? 200 : route.rest === '/accept' ? 409 : 400);
      }
      // Not signed in: 401; signed in by cookie without the CSRF header: 403 for writes.
      expect((await app.inject({ method: route.method, url })).statusCode).toBe(401);
      if (route.method !== 'GET') {
        const res = await app.inject({ method: route.method, url, headers: { cookie: callers.own.cookie }, payload: {} });
        expectStatus(res, 403, 'CSRF_TOKEN_INVALID');
      }
    });
  }

  it('lists only a delegate’s own state, and every state for everyone else', async () => {
    const list = (who: Who) => callers[who].inject({ method: 'GET', url: responsesPath(1) });
    expect(expectStatus(await list('own'), 200).map((r: { memberState: string }) => r.memberState)).toEqual(['EE']);
    expect(expectStatus(await list('other'), 200).map((r: { memberState: string }) => r.memberState)).toEqual(['LV']);
    for (const who of ['admin', 'consultant', 'analyst'] as const) expect(expectStatus(await list(who), 200)).toHaveLength(11);
    expect((await app.inject({ method: 'GET', url: responsesPath(1) })).statusCode).toBe(401);
  });

  it('answers 404 for unknown versions and member states, without telling delegates about other states', async () => {
    const { consultant, own } = callers;
    expectStatus(await consultant.inject({ method: 'GET', url: '/api/surveys/national-cooperation/versions/99/responses' }), 404, 'SURVEY_VERSION_NOT_FOUND');
    expectStatus(await consultant.inject({ method: 'GET', url: '/api/surveys/nothing-here/versions/1/responses/EE' }), 404, 'SURVEY_VERSION_NOT_FOUND');
    expectStatus(await consultant.inject({ method: 'GET', url: responsesPath(1, 'XX') }), 404, 'MEMBER_STATE_NOT_FOUND');
    expectStatus(await own.inject({ method: 'PATCH', url: '/api/surveys/national-cooperation/versions/99/responses/EE', payload: { baseRevision: 0, set: { main_gaps: 'x' } } }), 404, 'SURVEY_VERSION_NOT_FOUND');
    // Unknown version beats an invalid value (404 before 422).
    expectStatus(await own.inject({ method: 'PATCH', url: '/api/surveys/national-cooperation/versions/99/responses/EE', payload: { baseRevision: 0, set: { main_gaps: 1 } } }), 404);
    expectStatus(await own.inject({ method: 'GET', url: responsesPath(1, 'XX') }), 404, 'RESPONSE_NOT_FOUND');
    expectStatus(await consultant.inject({ method: 'GET', url: responsesPath(1, 'ee') }), 400);
  });

  it('locks saves of a closed version, and of a new response of an inactive member state', async () => {
    const { admin } = callers;
    // A version of its own (same content as version 1), so closing it disturbs no other test.
    const definition = (await admin.inject({ method: 'GET', url: '/api/surveys/national-cooperation/versions/1' })).json().definition;
    const { version } = expectStatus(await admin.inject({ method: 'POST', url: '/api/surveys/national-cooperation/versions', payload: { definition } }), 201);
    const delegate = await signInAs(app, 'delegate', 'FI');
    expectStatus(await save(delegate, 'FI', { baseRevision: 0, set: complete(1) }, version), 200);

    const close = (status: 'open' | 'closed') =>
      admin.inject({ method: 'PATCH', url: `/api/surveys/national-cooperation/versions/${version}`, payload: { status } });
    expectStatus(await close('closed'), 200);
    const locked = expectStatus(await save(delegate, 'FI', { baseRevision: 1, set: { main_gaps: 'late' } }, version), 409, 'RESPONSE_LOCKED');
    expect(locked.error.details).toEqual({ reason: 'version_closed' });
    // Invalid values still answer 422 first; a stale revision does not beat the lock.
    expectStatus(await save(delegate, 'FI', { baseRevision: 1, set: { main_gaps: 5 } }, version), 422, 'INVALID_ANSWER');
    expectStatus(await save(delegate, 'FI', { baseRevision: 0, set: { main_gaps: 'late' } }, version), 409, 'RESPONSE_LOCKED');
    expectStatus(await delegate.inject({ method: 'POST', url: responsesPath(version, 'FI', '/submit'), payload: { revision: 1 } }), 409, 'RESPONSE_LOCKED');
    const other = await signInAs(app, 'delegate', 'DK');
    expectStatus(await save(other, 'DK', { baseRevision: 0, set: { main_gaps: 'x' } }, version), 409, 'RESPONSE_LOCKED');
    expect(await read(delegate, 'FI', version)).toMatchObject({ status: 'draft', revision: 1 });
    expect((await read(other, 'DK', version)).status).toBe('not_started');

    expectStatus(await close('open'), 200);
    expect(expectStatus(await delegate.inject({ method: 'POST', url: responsesPath(version, 'FI', '/submit'), payload: { revision: 1 } }), 200).status).toBe('submitted');

    // An inactive state keeps its response but gets no new one.
    await app.memberStates.create('T-01', 'Test state');
    const t01 = await signInAs(app, 'delegate', 'T-01');
    expectStatus(await save(t01, 'T-01', { baseRevision: 0, set: { main_gaps: 'x' } }, version), 200);
    await app.memberStates.update('T-01', { active: false });
    expectStatus(await save(t01, 'T-01', { baseRevision: 1, set: { main_gaps: 'y' } }, version), 200);
    const fresh = expectStatus(await save(t01, 'T-01', { baseRevision: 0, set: { main_gaps: 'x' } }, 1), 409, 'RESPONSE_LOCKED');
    expect(fresh.error.details).toEqual({ reason: 'member_state_inactive' });
    const board = expectStatus(await admin.inject({ method: 'GET', url: responsesPath(1) }), 200);
    expect(board.map((r: { memberState: string }) => r.memberState)).not.toContain('T-01');
    const closedBoard = expectStatus(await admin.inject({ method: 'GET', url: responsesPath(version) }), 200);
    expect(closedBoard.find((r: { memberState: string }) => r.memberState === 'T-01')).toMatchObject({ status: 'draft', revision: 2 });
  });
});
