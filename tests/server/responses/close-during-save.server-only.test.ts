import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildTestApp } from '../../helpers/build-test-app.js';
import { signInAs } from '../../helpers/people.js';
import { connectBeside, untilASessionWaitsForALock as untilWaiting } from './lock-waits.js';
import { expectStatus, read, revisionsOf, save, SURVEY } from './support.js';

/**
 * Closing a round while saves run, with real concurrency: the embedded engine has one
 * connection and runs statements one after the other, so this file runs only with
 * TEST_DATABASE_URL (see vitest.config.ts). A save's write takes a share lock on the version
 * row, so a close waits for the saves already writing, and a save that reaches the row while a
 * close holds it waits, then finds the version closed and writes nothing.
 */
describe('closing a version while a save runs (PostgreSQL server)', () => {
  let app: FastifyInstance;
  let closer: pg.Client;
  beforeAll(async () => {
    app = await buildTestApp();
    closer = await connectBeside(app);
  });
  afterAll(async () => {
    await closer.end();
    await app.close();
  });

  /** Until some session waits for a lock: the save has reached the version row. */
  const untilASessionWaitsForALock = () => untilWaiting(closer, 'save');

  for (const [how, baseRevision] of [
    ['at the current revision (one statement)', 1],
    ['behind it (a merge)', 0],
  ] as const) {
    it(`refuses a save ${how} that reaches the version while a close is being committed, writing nothing`, async () => {
      const { version } = await app.surveys.publishNextVersion(SURVEY, (await app.surveys.getVersion(SURVEY, 1)).definition);
      const delegate = await signInAs(app, 'delegate', 'EE');
      expectStatus(await save(delegate, 'EE', { baseRevision: 0, set: { main_gaps: 'first' } }, version), 200);

      await closer.query('begin');
      await closer.query(`update survey_versions set status = 'closed' where survey_id = $1 and version = $2`, [SURVEY, version]);
      const saving = save(delegate, 'EE', { baseRevision, set: { action_plan: 'none' } }, version);
      await untilASessionWaitsForALock();
      await closer.query('commit');

      expect(expectStatus(await saving, 409, 'RESPONSE_LOCKED').error.details).toEqual({ reason: 'version_closed' });
      expect(await read(delegate, 'EE', version)).toMatchObject({ revision: 1, data: { main_gaps: 'first' } });
      expect(await revisionsOf(delegate, 'EE', version)).toHaveLength(1);
    });
  }

  it('refuses a first save (one statement that creates the response) that reaches the version while a close is being committed, creating nothing', async () => {
    const { version } = await app.surveys.publishNextVersion(SURVEY, (await app.surveys.getVersion(SURVEY, 1)).definition);
    const delegate = await signInAs(app, 'delegate', 'EE');

    await closer.query('begin');
    await closer.query(`update survey_versions set status = 'closed' where survey_id = $1 and version = $2`, [SURVEY, version]);
    const saving = save(delegate, 'EE', { baseRevision: 0, set: { main_gaps: 'first' } }, version);
    await untilASessionWaitsForALock();
    await closer.query('commit');

    expect(expectStatus(await saving, 409, 'RESPONSE_LOCKED').error.details).toEqual({ reason: 'version_closed' });
    expect(await read(delegate, 'EE', version)).toMatchObject({ status: 'not_started', revision: 0, data: {} });
  });
});
