import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../../server/app.js';
import { createPerson, signIn, TEST_PASSWORD, type Caller } from '../../helpers/people.js';
import { startTemporaryCluster, type TemporaryCluster } from '../../helpers/temporary-cluster.js';
import { testConfig } from '../../helpers/test-config.js';
import { testDatabaseInfo } from '../../helpers/build-test-app.js';

// The PostgreSQL server goes away while the app runs, and comes back: the app says so with 503
// and Retry-After (never a 500, never a hang), keeps what was saved, and recovers by itself.
const R = '/api/surveys/national-cooperation/versions/2/responses/EE';

describe('a database outage', () => {
  let cluster: TemporaryCluster;
  let app: FastifyInstance;
  let delegate: Caller;
  let email: string;

  beforeAll(async () => {
    cluster = await startTemporaryCluster();
    app = await buildApp(testConfig({ kind: 'server', url: cluster.url('app') }, testDatabaseInfo().scratchDir), { logger: false });
    const person = await createPerson(app, 'delegate', 'EE');
    email = person.email;
    delegate = await signIn(app, email, TEST_PASSWORD);
    const saved = await delegate.inject({ method: 'PATCH', url: R, payload: { baseRevision: 0, set: { main_gaps: 'Before the outage' } } });
    expect(saved.statusCode).toBe(200);
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    cluster?.remove();
  });

  it('answers 503 with Retry-After while the database is down, and works again without a restart once it is back', async () => {
    cluster.stop();

    const health = await app.inject({ method: 'GET', url: '/api/health' });
    expect(health.statusCode).toBe(503);
    expect(health.headers['retry-after']).toBe('5');

    const save = await delegate.inject({ method: 'PATCH', url: R, payload: { baseRevision: 1, set: { main_gaps: 'During the outage' } } });
    expect(save.statusCode).toBe(503);
    expect(save.headers['retry-after']).toBe('5');
    expect(save.json().error.code).toBe('DATABASE_UNAVAILABLE');

    const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password: TEST_PASSWORD } });
    expect(login.statusCode).toBe(503);
    expect(login.json().error.code).toBe('DATABASE_UNAVAILABLE');

    cluster.start();
    let healthy = false;
    for (let attempt = 0; attempt < 50 && !healthy; attempt += 1) {
      healthy = (await app.inject({ method: 'GET', url: '/api/health' })).statusCode === 200;
      if (!healthy) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(healthy).toBe(true);

    // The session made before the outage still works; what was saved before is there, what was refused is not.
    const reply = await delegate.inject({ method: 'GET', url: R });
    expect(reply.statusCode).toBe(200);
    expect(reply.json()).toMatchObject({ revision: 1, data: { main_gaps: 'Before the outage' } });
    const after = await delegate.inject({ method: 'PATCH', url: R, payload: { baseRevision: 1, set: { main_gaps: 'After the outage' } } });
    expect(after.statusCode).toBe(200);
    expect(after.json().revision).toBe(2);
  }, 120_000);
});
