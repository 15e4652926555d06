import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { createMigrator } from '../../../server/db/migrator.js';
import { SNAPSHOT_EVERY } from '../../../server/responses/revision-snapshots.js';
import { buildTestApp } from '../../helpers/build-test-app.js';
import { signInAs, type Caller } from '../../helpers/people.js';
import { complete, expectStatus, responsesPath, save } from './support.js';

/** Revisions written before the migration hold full data; after it, each one is a snapshot. */
describe('the revision-changes migration', () => {
  let app: FastifyInstance;
  let delegate: Caller;
  beforeAll(async () => {
    app = await buildTestApp();
    delegate = await signInAs(app, 'delegate', 'EE');
  });
  afterAll(() => app.close());

  const revisionData = async (n: number) => expectStatus(await delegate.inject({ method: 'GET', url: responsesPath(1, 'EE', `/revisions/${n}`) }), 200).data;
  const storedData = async () =>
    (await app.db.selectFrom('response_revisions').select(['revision', 'data']).orderBy('revision').execute()).map((row) => row.data);

  it('rebuilds a full copy in every row on the way down, and keeps every revision readable on the way up', async () => {
    expectStatus(await save(delegate, 'EE', { baseRevision: 0, set: complete(1) }), 200);
    const last = SNAPSHOT_EVERY + 5;
    for (let revision = 1; revision < last; revision++) {
      const change = revision % 4 === 0 ? { unset: ['good_practice'] } : { set: { main_gaps: `gap ${revision}`, good_practice: `practice ${revision}` } };
      expectStatus(await save(delegate, 'EE', { baseRevision: revision, ...change }), 200);
    }
    const history = [];
    for (let n = 1; n <= last; n++) history.push(await revisionData(n));

    const migrator = createMigrator(app.db);
    expect((await migrator.migrateTo('2026-11-28-005-survey-crosswalks')).error).toBeUndefined();
    expect(await storedData()).toEqual(history);

    expect((await migrator.migrateToLatest()).error).toBeUndefined();
    expect(await storedData()).toEqual(history);
    for (let n = 1; n <= last; n++) expect(await revisionData(n), `revision ${n}`).toEqual(history[n - 1]);
    // Saves go on from the old rows: the next one stores only its change.
    expectStatus(await save(delegate, 'EE', { baseRevision: last, set: { main_gaps: 'after' } }), 200);
    expect(await revisionData(last + 1)).toEqual({ ...history[last - 1], main_gaps: 'after' });
  });
});
