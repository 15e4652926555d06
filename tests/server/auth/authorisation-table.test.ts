import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Fastify, { type FastifyInstance } from 'fastify';
import routeAccessCheck from '../../../server/auth/route-access-check.js';
import type { RouteAccess } from '../../../server/auth/route-access.js';
import { buildTestApp } from '../../helpers/build-test-app.js';
import { createPerson } from '../../helpers/people.js';

/**
 * Every API route × every kind of caller, with the expected outcome. The list of routes comes
 * from the running app, so a new route without a line here fails this test.
 *
 * ALLOWED means "got past authorisation" (any status but 401/403; with the empty bodies sent
 * here that is mostly 400, 404 or 422). A delegate of another member state gets 404 where the
 * route concerns one state's response: another state's data does not exist for them.
 */
type Caller = 'anonymous' | 'admin' | 'consultant' | 'analyst' | 'delegate' | 'otherDelegate';
const CALLERS: readonly Caller[] = ['anonymous', 'admin', 'consultant', 'analyst', 'delegate', 'otherDelegate'];
const ALLOWED = 'allowed';
type Outcome = typeof ALLOWED | 401 | 403 | 404;
type Row = Record<Caller, Outcome>;

const row = (anonymous: Outcome, admin: Outcome, consultant: Outcome, analyst: Outcome, delegate: Outcome, otherDelegate: Outcome): Row => ({
  anonymous,
  admin,
  consultant,
  analyst,
  delegate,
  otherDelegate,
});
const A = ALLOWED;
const PUBLIC = row(A, A, A, A, A, A);
const SIGNED_IN = row(401, A, A, A, A, A);
const ADMIN_ONLY = row(401, A, 403, 403, 403, 403);
/** Consultants, analysts and administrators read every response (API.md, Analysis). */
const ANALYSIS = row(401, A, A, A, 403, 403);

const EXPECTED: Record<string, Row> = {
  'GET /api/health': PUBLIC,
  'POST /api/auth/login': PUBLIC,
  'GET /api/auth/me': SIGNED_IN,
  'POST /api/auth/logout': PUBLIC,
  'POST /api/auth/password': SIGNED_IN,
  'POST /api/auth/logout-everywhere': SIGNED_IN,
  'GET /api/tokens': SIGNED_IN,
  'POST /api/tokens': SIGNED_IN,
  'DELETE /api/tokens/:id': SIGNED_IN,
  'POST /api/invitations': ADMIN_ONLY,
  'GET /api/invitations': ADMIN_ONLY,
  'DELETE /api/invitations/:id': ADMIN_ONLY,
  'GET /api/invitations/:token': PUBLIC,
  'POST /api/invitations/:token/accept': PUBLIC,
  'GET /api/users': ADMIN_ONLY,
  'PATCH /api/users/:id': ADMIN_ONLY,
  'POST /api/users/:id/disable': ADMIN_ONLY,
  'POST /api/users/:id/enable': ADMIN_ONLY,
  'POST /api/users/:id/sessions/revoke': ADMIN_ONLY,
  'GET /api/audit': ADMIN_ONLY,
  'GET /api/audit.csv': ADMIN_ONLY,
  'GET /api/member-states': SIGNED_IN,
  'POST /api/member-states': ADMIN_ONLY,
  'PATCH /api/member-states/:code': ADMIN_ONLY,
  'GET /api/surveys': SIGNED_IN,
  'POST /api/surveys': ADMIN_ONLY,
  'GET /api/surveys/:surveyId/versions/:version': SIGNED_IN,
  'POST /api/surveys/:surveyId/versions': ADMIN_ONLY,
  'PATCH /api/surveys/:surveyId/versions/:version': ADMIN_ONLY,
  'GET /api/surveys/:surveyId/versions/:version/catalogue': SIGNED_IN,
  'GET /api/surveys/:surveyId/tables': SIGNED_IN,
  'GET /api/surveys/:surveyId/versions/:version/responses': SIGNED_IN,
  'GET /api/surveys/:surveyId/versions/:version/responses/:state': row(401, A, A, A, A, 404),
  'GET /api/surveys/:surveyId/versions/:version/responses/:state/prefill': row(401, A, A, A, A, 404),
  'PATCH /api/surveys/:surveyId/versions/:version/responses/:state': row(401, 403, 403, 403, A, 404),
  'POST /api/surveys/:surveyId/versions/:version/responses/:state/submit': row(401, 403, 403, 403, A, 404),
  'POST /api/surveys/:surveyId/versions/:version/responses/:state/return': row(401, 403, A, 403, 403, 403),
  'POST /api/surveys/:surveyId/versions/:version/responses/:state/accept': row(401, 403, A, 403, 403, 403),
  'POST /api/surveys/:surveyId/versions/:version/responses/:state/reopen': row(401, A, A, 403, 403, 403),
  'GET /api/surveys/:surveyId/versions/:version/responses/:state/revisions': row(401, A, A, A, A, 404),
  'GET /api/surveys/:surveyId/versions/:version/responses/:state/revisions/:revision': row(401, A, A, A, A, 404),
  'GET /api/surveys/:surveyId/versions/:version/responses/:state/comments': row(401, A, A, A, A, 404),
  'GET /api/surveys/:surveyId/versions/:version/responses/:state/history': row(401, A, A, A, A, 404),
  'GET /api/surveys/:surveyId/versions/:version/responses/:state/compare': row(401, A, A, A, A, 404),
  'GET /api/surveys/:surveyId/versions/:version/responses/:state/audit': row(401, A, A, A, A, 404),
  'GET /api/surveys/:surveyId/versions/:version/responses/:state/audit.csv': row(401, A, A, A, A, 404),
  'POST /api/surveys/:surveyId/versions/:version/responses/:state/comments': row(401, A, A, 403, A, 404),
  'PATCH /api/surveys/:surveyId/versions/:version/responses/:state/comments/:id': row(401, A, A, 403, A, 404),
  'GET /api/surveys/:surveyId/versions/:version/comparison': ANALYSIS,
  'GET /api/surveys/:surveyId/versions/:version/codebook': ANALYSIS,
  'GET /api/surveys/:surveyId/rounds': ANALYSIS,
  'GET /api/surveys/:surveyId/member-states/:state/profile': ANALYSIS,
  'GET /api/surveys/:surveyId/versions/:version/export/responses.csv': ANALYSIS,
  'GET /api/surveys/:surveyId/versions/:version/export/comparison.csv': ANALYSIS,
  'GET /api/surveys/:surveyId/versions/:version/export/summary.csv': ANALYSIS,
  'GET /api/surveys/:surveyId/versions/:version/export/codebook.csv': ANALYSIS,
  'GET /api/surveys/:surveyId/versions/:version/export/workbook.xlsx': ANALYSIS,
  'GET /api/surveys/:surveyId/export/rounds.csv': ANALYSIS,
  'GET /api/surveys/:surveyId/versions/:version/review-board': row(401, A, A, 403, 403, 403),
};

const PARAMS: Record<string, string> = {
  id: '00000000-0000-4000-8000-000000000000',
  token: 'no-such-invitation',
  code: 'EE',
  surveyId: 'national-cooperation',
  version: '1',
  state: 'EE',
  revision: '1',
};

const fill = (url: string, params: Record<string, string> = PARAMS) => url.replace(/:(\w+)/g, (_, name: string) => params[name] ?? name);

/** Not a member state code (lower case): nobody's own state, so delegates get 404 and whoever may read every state 400. */
const MALFORMED_STATE = { ...PARAMS, state: 'ee' };
const STATE_ROUTES = Object.entries(EXPECTED).filter(([route]) => route.includes('/:state'));

describe('authorisation of every route', () => {
  let app: FastifyInstance;
  const tokens = new Map<Caller, string>();

  beforeAll(async () => {
    app = await buildTestApp();
    // API tokens, not sessions: a route like "sign out everywhere" must not end the caller's access mid-table.
    const people: Array<[Caller, Parameters<typeof createPerson>[1], string | null]> = [
      ['admin', 'admin', null],
      ['consultant', 'consultant', null],
      ['analyst', 'analyst', null],
      ['delegate', 'delegate', 'EE'],
      ['otherDelegate', 'delegate', 'LV'],
    ];
    for (const [caller, role, state] of people) {
      const person = await createPerson(app, role, state);
      tokens.set(caller, (await app.apiTokens.create(person.id, 'authorisation table')).token);
    }
  });
  afterAll(() => app.close());

  it('has an expectation for every registered API route, and no stale ones', () => {
    const registered = app.apiRoutes.map((r) => `${r.method} ${r.url}`).sort();
    expect(registered).toEqual(Object.keys(EXPECTED).sort());
  });

  const call = (caller: Caller, method: string, url: string) => {
    const token = tokens.get(caller);
    return app.inject({
      method: method as 'GET',
      url,
      headers: token ? { authorization: `Bearer ${token}` } : {},
      ...(method === 'GET' || method === 'DELETE' ? {} : { payload: {} }),
      remoteAddress: `10.9.${CALLERS.indexOf(caller)}.1`,
    });
  };

  it('declares member-state access on exactly the routes about one state', () => {
    const declared = app.apiRoutes.filter((r) => typeof r.access === 'object' && r.access.memberState !== undefined).map((r) => `${r.method} ${r.url}`);
    expect(declared.sort()).toEqual(STATE_ROUTES.map(([route]) => route).sort());
  });

  for (const [route, expected] of STATE_ROUTES) {
    const [method, url] = route.split(' ') as [string, string];
    it(`${route} with a malformed state code`, async () => {
      for (const caller of CALLERS) {
        const res = await call(caller, method, fill(url, MALFORMED_STATE));
        const allowed = expected[caller] === ALLOWED;
        const want = !allowed ? expected[caller] : caller === 'delegate' || caller === 'otherDelegate' ? 404 : 400;
        expect(res.statusCode, `${caller}: ${res.body}`).toBe(want);
      }
    });
  }

  for (const [route, expected] of Object.entries(EXPECTED)) {
    const [method, url] = route.split(' ') as [string, string];
    it(`${route}`, async () => {
      for (const caller of CALLERS) {
        const res = await call(caller, method, fill(url));
        const want = expected[caller];
        if (want === ALLOWED) {
          expect([401, 403], `${caller}: ${res.statusCode} ${res.body}`).not.toContain(res.statusCode);
          expect(res.statusCode, `${caller}: ${res.body}`).toBeLessThan(500);
        } else {
          expect(res.statusCode, `${caller}: ${res.body}`).toBe(want);
        }
      }
    });
  }
});

describe('the start-up check of route access', () => {
  async function start(url: string, access: RouteAccess): Promise<void> {
    const app = Fastify({ logger: false });
    await app.register(routeAccessCheck);
    try {
      app.get(url, { config: { access } }, async () => ({}));
      await app.ready();
    } finally {
      await app.close();
    }
  }

  it('refuses a route with a :state parameter that does not declare member-state access', async () => {
    await expect(start('/api/things/:state', 'signed-in')).rejects.toThrow(/memberState/);
    await expect(start('/api/things/:state/more', { roles: ['admin'] })).rejects.toThrow(/memberState/);
  });

  it('refuses member-state access declared on a route without a :state parameter', async () => {
    await expect(start('/api/things/:id', { roles: ['admin'], memberState: 'read' })).rejects.toThrow(/no :state/);
  });

  it('accepts a route that declares it', async () => {
    await expect(start('/api/things/:state', { roles: ['admin'], memberState: 'read' })).resolves.toBeUndefined();
    await expect(start('/api/things/:stateful', 'signed-in')).resolves.toBeUndefined();
  });
});
