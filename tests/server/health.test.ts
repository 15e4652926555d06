import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../server/app.js';
import { buildTestApp, testDatabaseInfo } from '../helpers/build-test-app.js';
import { testConfig } from '../helpers/test-config.js';

describe('GET /api/health', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await buildTestApp();
  });
  afterAll(() => app.close());

  it('answers ok when the database answers', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', database: 'ok' });
    expect(res.headers['x-request-id']).toBeTruthy();
  });

  it('answers 503 when the database is unreachable', async () => {
    // Nothing listens on port 1: every connection attempt is refused.
    const config = testConfig({ kind: 'server', url: 'postgres://nobody@127.0.0.1:1/none' }, testDatabaseInfo().scratchDir);
    const unreachable = await buildApp(config, { logger: false, migrate: false, importDefinitions: false });
    try {
      const res = await unreachable.inject({ method: 'GET', url: '/api/health' });
      expect(res.statusCode).toBe(503);
      expect(res.json()).toEqual({ status: 'unavailable', database: 'unreachable' });
    } finally {
      await unreachable.close();
    }
  });
});
