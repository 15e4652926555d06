import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs, QueryResult, RootOperationNode, UnknownRow } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildTestApp } from '../../helpers/build-test-app.js';
import { inSnapshot } from '../../../server/analysis/export/snapshot-cursor.js';
import { shownReplies, type ReplyScope } from '../../../server/analysis/export/counted-replies.js';
import { complete, expectStatus } from '../responses/support.js';
import { csvObjects } from './export-support.js';

/**
 * The downloads read through a cursor, a page at a time, inside one read-only snapshot, and let
 * go of the connection however the reading ends — on the embedded engine, whose single
 * connection a leaked transaction would hold for good.
 */

const STATES = Array.from({ length: 35 }, (_, index) => `BENCH-T${String(index + 1).padStart(3, '0')}`);
const SCOPE: ReplyScope = { surveyId: 'national-cooperation', version: 2, statuses: ['submitted'], keys: null, known: [] };
const WIDE = '/api/surveys/national-cooperation/versions/2/export/responses.csv';

/** Counts the FETCH statements Kysely runs and the rows each brings. */
function fetchCounter() {
  const fetches = new Set<unknown>();
  const pages: number[] = [];
  const plugin: KyselyPlugin = {
    transformQuery({ node, queryId }: PluginTransformQueryArgs): RootOperationNode {
      if (node.kind === 'RawNode' && node.sqlFragments[0]?.trimStart().startsWith('fetch')) fetches.add(queryId);
      return node;
    },
    async transformResult({ result, queryId }: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
      if (fetches.has(queryId)) pages.push(result.rows.length);
      return result;
    },
  };
  return { plugin, pages };
}

describe('streaming through a cursor', () => {
  let app: FastifyInstance;
  let analystToken: string;
  const answers = STATES.map((state, index) => ({ state, data: { ...complete(2), specialised_ngo_count: index + 1 } }));

  beforeAll(async () => {
    app = await buildTestApp();
    for (const { state, data } of answers) {
      await app.memberStates.create(state, `Synthetic state ${state.slice(-3)}`);
      const delegate = await app.users.create({ email: `${state.toLowerCase()}@example.org`, name: `Delegate ${state}`, role: 'delegate', memberState: state });
      const { token } = await app.apiTokens.create(delegate.id, 'streaming test');
      const as = { authorization: `Bearer ${token}` };
      const path = `/api/surveys/national-cooperation/versions/2/responses/${state}`;
      expectStatus(await app.inject({ method: 'PATCH', url: path, headers: as, payload: { baseRevision: 0, set: data } }), 200);
      expectStatus(await app.inject({ method: 'POST', url: `${path}/submit`, headers: as, payload: { revision: 1 } }), 200);
    }
    const analyst = await app.users.create({ email: 'streaming-analyst@example.org', name: 'Analyst', role: 'analyst', memberState: null });
    analystToken = (await app.apiTokens.create(analyst.id, 'streaming test')).token;
  });
  afterAll(() => app.close());

  it('brings the rows a page at a time, complete and in member-state order, asking for a page only as rows are taken', async () => {
    const { plugin, pages } = fetchCounter();
    const rows = inSnapshot(app.db.withPlugin(plugin), (snapshot) => shownReplies(snapshot, SCOPE, { audience: 'analysis' }, { fetchSize: 4 }));
    const seen: Array<{ memberState: string; count: unknown }> = [];
    for await (const reply of rows) {
      seen.push({ memberState: reply.memberState, count: reply.data.specialised_ngo_count });
      // The page being read and at most the one asked for ahead.
      expect(pages.length).toBeLessThanOrEqual(Math.ceil(seen.length / 4) + 1);
      if (seen.length === 1) expect(reply.data).toEqual(answers[0]!.data);
    }
    expect(seen).toEqual(answers.map(({ state, data }) => ({ memberState: state, count: data.specialised_ngo_count })));
    expect(pages).toEqual([...Array.from({ length: 8 }, () => 4), 3]);
  });

  it('ends the transaction when the reader stops early, so the connection is free at once', async () => {
    const rows = inSnapshot(app.db, (snapshot) => shownReplies(snapshot, SCOPE, { audience: 'analysis' }, { fetchSize: 4 }));
    let taken = 0;
    for await (const reply of rows) {
      expect(reply.memberState).toBe(STATES[taken]);
      taken += 1;
      if (taken === 6) break;
    }
    // The embedded engine has one connection: this would wait (and fail) if the snapshot were still open.
    const started = performance.now();
    expect(await app.db.selectFrom('member_states').select('code').where('code', '=', 'EE').executeTakeFirst()).toEqual({ code: 'EE' });
    expect(performance.now() - started).toBeLessThan(2_000);
    const { rows: open } = await app.pg.pool.query(`select count(*)::int as open from pg_stat_activity where datname = current_database() and state like 'idle in transaction%'`);
    expect(open[0]).toEqual({ open: 0 });
  });

  it('sends every row of a download, in order', async () => {
    const res = await app.inject({ method: 'GET', url: `${WIDE}?status=submitted`, headers: { authorization: `Bearer ${analystToken}` } });
    const rows = csvObjects(res);
    expect(rows.map((row) => row.member_state)).toEqual(STATES);
    expect(rows.map((row) => row.specialised_ngo_count)).toEqual(answers.map(({ data }) => String(data.specialised_ngo_count)));
  });

  it('lets go of the connection when the client disconnects mid-file', async () => {
    await app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = app.server.address() as AddressInfo;
    const headers = { authorization: `Bearer ${analystToken}` };
    // One connection per request (no keep-alive), so that closing the app waits for nothing.
    const firstChunk = await new Promise<Buffer>((resolve, reject) => {
      const request = http.get({ host: '127.0.0.1', port, path: `${WIDE}?layout=long&status=submitted`, headers, agent: false }, (response) => {
        expect(response.statusCode).toBe(200);
        response.once('data', (chunk: Buffer) => {
          request.destroy();
          resolve(chunk);
        });
      });
      request.on('error', (error) => (request.destroyed ? undefined : reject(error)));
    });
    expect(firstChunk.toString('utf8').startsWith('\uFEFFmember_state,variable')).toBe(true);
    // The next download gets the (embedded engine's only) connection and its whole file.
    const text = await new Promise<string>((resolve, reject) => {
      http
        .get({ host: '127.0.0.1', port, path: `${WIDE}?status=submitted&questions=specialised_ngo_count`, headers, agent: false }, (response) => {
          let body = '';
          response.setEncoding('utf8');
          response.on('data', (chunk: string) => (body += chunk));
          response.on('end', () => resolve(body));
        })
        .on('error', reject);
    });
    expect(text.trim().split('\r\n')).toHaveLength(STATES.length + 1);
  });
});
