import fc from 'fast-check';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../../helpers/build-test-app.js';
import { createPerson } from '../../helpers/people.js';

/**
 * A corpus of hostile input against every registered route (read from the app, like the
 * authorisation table, so that a new route is covered without a line here): never a 500, never a
 * write when the answer is a refusal, and the app stays healthy.
 */
const long = (length: number) => 'x'.repeat(length);
const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;
const EVERY_FIELD = ['email', 'name', 'password', 'body', 'message', 'reason', 'question', 'role', 'memberState', 'code', 'label', 'status', 'replyTo', 'currentPassword', 'newPassword'];
const withEveryField = (value: unknown) => JSON.stringify(Object.fromEntries(EVERY_FIELD.map((field) => [field, value])));

/** Bodies: raw text with its content type. */
const BODIES: Array<{ name: string; payload: string; type?: string }> = [
  { name: 'malformed JSON', payload: '{"a": ' },
  { name: 'a body that is not JSON', payload: 'email=a@b.c', type: 'application/x-www-form-urlencoded' },
  { name: 'plain text', payload: 'hello', type: 'text/plain' },
  { name: 'a body over the limit', payload: JSON.stringify({ body: long(1_100_000) }) },
  { name: 'deep nesting', payload: nested(5_000) },
  { name: '__proto__ keys', payload: '{"__proto__": {"polluted": true}, "set": {"__proto__": {"polluted": true}}}' },
  { name: 'constructor keys', payload: '{"constructor": {"prototype": {"polluted": true}}, "set": {"constructor": "x"}}' },
  { name: 'NUL bytes in text', payload: withEveryField('a\u0000b') },
  { name: 'a NUL byte in one plausible field', payload: JSON.stringify({ code: 'XQ', name: 'Nul\u0000land', body: 'Why\u0000?', message: 'Back\u0000', reason: 'Re\u0000open', email: 'nul@example.org', role: 'analyst', label: 'x\u0000' }) },
  { name: 'a lone surrogate in one plausible field', payload: JSON.stringify({ code: 'XQ', name: 'Half \ud83d', body: 'Half \ud83d', message: 'Half \ud83d', reason: 'Half \ud83d', email: 'half@example.org', role: 'analyst' }) },
  { name: 'NUL bytes in answers', payload: JSON.stringify({ baseRevision: 0, set: { main_gaps: 'a\u0000b', 'x\u0000y': 1 } }) },
  { name: 'lone surrogates', payload: withEveryField('\ud800') },
  { name: 'lone surrogates in answers', payload: JSON.stringify({ baseRevision: 0, set: { main_gaps: 'a\udfffb' } }) },
  { name: 'very long strings', payload: withEveryField(long(200_000)) },
  { name: 'very long keys', payload: JSON.stringify({ baseRevision: 0, set: { [long(100_000)]: 'x' } }) },
  { name: 'numbers as strings', payload: JSON.stringify({ baseRevision: '1', revision: '2', resolved: 'true', set: { staff_count: '3' } }) },
  { name: 'an array where an object belongs', payload: '[{"email": "a@b.c"}]' },
  { name: 'arrays in fields', payload: withEveryField(['a', 'b']) },
  { name: 'SQL-ish strings', payload: withEveryField("'; drop table users; --") },
  { name: 'script-ish strings', payload: withEveryField('<script>alert(1)</script>') },
  { name: 'null', payload: 'null' },
];

/** Path parameters and query strings. */
const PARAMETERS = ['..%2F..%2Fetc%2Fpasswd', '%00', '%E2%80%AE%F0%9F%92%A9', long(5_000), '__proto__', "EE'%20OR%201=1", '%ED%A0%80'];
const QUERY = '?status=%00&questions=__proto__,constructor&table=..%2Fx&locale=%00&values=%F0%9F%92%A9&layout=%00&page=-1&limit=1e99&from=x&to=%00';

const fill = (url: string, value: string) => url.replace(/:(\w+)/g, value);

describe('hostile input on every route', () => {
  let app: FastifyInstance;
  const tokens: string[] = [];

  beforeAll(async () => {
    app = await buildTestApp();
    for (const [role, state] of [['admin', null], ['delegate', 'EE'], ['consultant', null]] as const) {
      const person = await createPerson(app, role, state);
      tokens.push((await app.apiTokens.create(person.id, 'hostile input')).token);
    }
  });
  afterAll(() => app.close());

  /** What a refused request must leave alone: everything but the audit log and the sign-in throttle. */
  const fingerprint = async () =>
    (
      await sql<Record<string, string>>`
        select (select count(*) from users) as users, (select count(*) from member_states) as states,
               (select count(*) from responses) as responses, (select coalesce(sum(revision), 0) from responses) as revisions,
               (select count(*) from response_revisions) as snapshots, (select count(*) from review_comments) as comments,
               (select count(*) from invitations) as invitations, (select count(*) from survey_versions where status = 'open') as open,
               (select string_agg(md5(name || role || coalesce(member_state_code, '') || coalesce(disabled_at::text, '') || coalesce(password_hash, '')), ',' order by id) from users) as people`.execute(app.db)
    ).rows[0];

  it('answers every route with a 4xx or a success, never a 500, and writes nothing when it refuses', async () => {
    const failures: string[] = [];
    const routes = app.apiRoutes.map((route) => ({ method: route.method, url: route.url }));
    expect(routes.length).toBeGreaterThan(30);
    for (const { method, url } of routes) {
      const requests: Array<{ what: string; options: InjectOptions }> = [];
      for (const value of PARAMETERS) requests.push({ what: `parameter ${value.slice(0, 30)}`, options: { method: method as 'GET', url: `${fill(url, value)}${method === 'GET' ? QUERY : ''}` } });
      if (method !== 'GET' && method !== 'DELETE') {
        const sane = fill(url, 'EE').replace('/versions/EE', '/versions/2').replace('/surveys/EE', '/surveys/national-cooperation');
        for (const body of BODIES) {
          requests.push({ what: body.name, options: { method: method as 'POST', url: sane, payload: body.payload, headers: { 'content-type': body.type ?? 'application/json' } } });
        }
      }
      for (const { what, options } of requests) {
        for (const token of tokens) {
          const before = await fingerprint();
          const res = await app.inject({ ...options, headers: { ...options.headers, authorization: `Bearer ${token}` }, remoteAddress: '10.66.0.1' });
          if (res.statusCode >= 500) failures.push(`${method} ${url} with ${what}: ${res.statusCode} ${res.body.slice(0, 200)}`);
          else if (res.statusCode >= 400 && JSON.stringify(await fingerprint()) !== JSON.stringify(before)) failures.push(`${method} ${url} with ${what}: refused (${res.statusCode}) but wrote`);
        }
      }
    }
    expect(failures).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((await app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
  }, 600_000);

  it('refuses text PostgreSQL cannot store with 422 INVALID_TEXT naming where it is, and stores nothing', async () => {
    const [admin] = tokens;
    const res = await app.inject({ method: 'POST', url: '/api/member-states', headers: { authorization: `Bearer ${admin}` }, payload: { code: 'XQ', name: 'Nul\u0000land' } });
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toMatchObject({ code: 'INVALID_TEXT', details: [{ location: 'body', path: '/name' }] });
    const query = await app.inject({ method: 'GET', url: '/api/audit.csv?action=%00', headers: { authorization: `Bearer ${admin}` } });
    expect(query.statusCode).toBe(422);
    expect(query.json().error.details).toEqual([{ location: 'query', path: '/action' }]);
    const states = await app.inject({ method: 'GET', url: '/api/member-states', headers: { authorization: `Bearer ${admin}` } });
    expect(JSON.stringify(states.json())).not.toContain('XQ');
  });

  it('fuzzed saves, comments and invitations: never a 500, and what a save accepted reads back exactly', async () => {
    const [admin, delegate] = tokens;
    const R = '/api/surveys/national-cooperation/versions/2/responses/EE';
    const QUESTIONS = ['main_gaps', 'stockholm_measures', 'national_coordinator', 'specialised_ngo_count', 'identified_victims', 'no_such_question', '__proto__'];
    const text = fc.string({ unit: 'binary', maxLength: 40 });
    const anyValue = fc.oneof(fc.jsonValue({ maxDepth: 3 }), text, fc.constant('\u0000'), fc.constant('\ud800'));
    const save = fc.record(
      { baseRevision: fc.oneof(fc.nat(5), fc.constant(-1), fc.constant('1') as fc.Arbitrary<unknown>), set: fc.dictionary(fc.constantFrom(...QUESTIONS), anyValue, { maxKeys: 3 }), unset: fc.array(fc.constantFrom(...QUESTIONS), { maxLength: 2 }) },
      { requiredKeys: [] },
    );
    const as = (token: string | undefined, method: 'PATCH' | 'POST', url: string, payload: unknown) =>
      app.inject({ method, url, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, payload: JSON.stringify(payload) });

    await fc.assert(
      fc.asyncProperty(save, async (body) => {
        const before = await app.inject({ method: 'GET', url: R, headers: { authorization: `Bearer ${delegate}` } });
        const res = await as(delegate, 'PATCH', R, { ...body, baseRevision: before.json().revision });
        expect(res.statusCode).toBeLessThan(500);
        const after = (await app.inject({ method: 'GET', url: R, headers: { authorization: `Bearer ${delegate}` } })).json();
        if (res.statusCode === 200) {
          for (const [question, value] of Object.entries(body.set ?? {})) if (!(body.unset ?? []).includes(question)) expect(after.data[question]).toEqual(value);
        } else {
          expect(after).toEqual(before.json());
        }
      }),
      { numRuns: 120 },
    );
    await fc.assert(
      fc.asyncProperty(fc.record({ question: fc.oneof(fc.constantFrom(...QUESTIONS), text), body: fc.oneof(text, fc.jsonValue({ maxDepth: 2 })), replyTo: fc.oneof(fc.uuid(), text) }, { requiredKeys: [] }), async (body) => {
        expect((await as(admin, 'POST', `${R}/comments`, body)).statusCode).toBeLessThan(500);
      }),
      { numRuns: 80 },
    );
    await fc.assert(
      fc.asyncProperty(fc.record({ email: fc.oneof(fc.emailAddress(), text), name: text, role: fc.oneof(fc.constantFrom('delegate', 'analyst', 'admin'), text), memberState: fc.oneof(fc.constantFrom('EE', 'LV', null), text) }, { requiredKeys: [] }), async (body) => {
        expect((await as(admin, 'POST', '/api/invitations', body)).statusCode).toBeLessThan(500);
      }),
      { numRuns: 80 },
    );
    expect((await app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
  }, 300_000);
});
