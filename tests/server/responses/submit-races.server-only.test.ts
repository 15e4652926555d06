import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildTestApp } from '../../helpers/build-test-app.js';
import { signInAs, type Caller } from '../../helpers/people.js';
import { connectBeside, untilASessionWaitsForALock } from './lock-waits.js';
import { complete, expectStatus, read, responsesPath, revisionsOf, save, SURVEY } from './support.js';

/**
 * A submit racing another submit, a save, or a close of its version, with real concurrency: the
 * embedded engine runs statements one after the other, so this file runs only with
 * TEST_DATABASE_URL (see vitest.config.ts). Whatever the interleaving, one change wins, the other
 * answers as if it came after it, and the revisions stay numbered without gaps.
 */
describe('a submit racing other changes (PostgreSQL server)', () => {
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

  const submit = (caller: Caller, state: string, revision: number, version: number) =>
    caller.inject({ method: 'POST', url: responsesPath(version, state, '/submit'), payload: { revision } });
  const fresh = async () => (await app.surveys.publishNextVersion(SURVEY, (await app.surveys.getVersion(SURVEY, 1)).definition)).version;
  const submittedEvents = async (state: string, version: number) =>
    (await app.audit.list({ action: 'response.submitted' })).filter((event) => event.target === `${SURVEY}/${version}/${state}`);

  it('lets exactly one of two submits at once through; the other is INVALID_TRANSITION', async () => {
    const delegate = await signInAs(app, 'delegate', 'EE');
    const colleague = await signInAs(app, 'delegate', 'EE');
    for (let round = 0; round < 4; round++) {
      const version = await fresh();
      expectStatus(await save(delegate, 'EE', { baseRevision: 0, set: complete(1) }, version), 200);
      const answers = await Promise.all([submit(delegate, 'EE', 1, version), submit(colleague, 'EE', 1, version)]);
      expect(answers.map((res) => res.statusCode).sort()).toEqual([200, 409]);
      const refused = answers.find((res) => res.statusCode === 409)!;
      expect(refused.json().error).toMatchObject({ code: 'INVALID_TRANSITION', details: { status: 'submitted' } });
      expect((await revisionsOf(delegate, 'EE', version)).map((r) => [r.revision, r.kind])).toEqual([
        [1, 'save'],
        [2, 'submit'],
      ]);
      expect(await submittedEvents('EE', version)).toHaveLength(1);
    }
  });

  it('never lets a save and a submit at once both through: the loser sees the winner’s change', async () => {
    const delegate = await signInAs(app, 'delegate', 'FI');
    const colleague = await signInAs(app, 'delegate', 'FI');
    for (let round = 0; round < 4; round++) {
      const version = await fresh();
      expectStatus(await save(delegate, 'FI', { baseRevision: 0, set: complete(1) }, version), 200);
      const [saved, submitted] = await Promise.all([
        save(colleague, 'FI', { baseRevision: 1, set: { main_gaps: `a late change ${round}` } }, version),
        submit(delegate, 'FI', 1, version),
      ]);
      const kinds = (await revisionsOf(delegate, 'FI', version)).map((r) => [r.revision, r.kind]);
      if (submitted.statusCode === 200) {
        expect(saved.json().error).toMatchObject({ code: 'RESPONSE_LOCKED', details: { reason: 'submitted' } });
        expect(kinds).toEqual([
          [1, 'save'],
          [2, 'submit'],
        ]);
        expect((await read(delegate, 'FI', version)).data).toEqual(complete(1));
      } else {
        expectStatus(saved, 200);
        expect(submitted.json().error).toMatchObject({ code: 'EDIT_CONFLICT', details: { currentRevision: 2 } });
        expect(kinds).toEqual([
          [1, 'save'],
          [2, 'save'],
        ]);
      }
    }
  });

  it('refuses a submit whose write reaches the version while a close is being committed, writing nothing', async () => {
    const delegate = await signInAs(app, 'delegate', 'DE');
    const version = await fresh();
    expectStatus(await save(delegate, 'DE', { baseRevision: 0, set: complete(1) }, version), 200);

    await closer.query('begin');
    await closer.query(`update survey_versions set status = 'closed' where survey_id = $1 and version = $2`, [SURVEY, version]);
    // Its read takes no lock and sees the version open; its write waits for the close's row lock.
    const submitting = submit(delegate, 'DE', 1, version);
    await untilASessionWaitsForALock(closer, 'submit');
    await closer.query('commit');

    expect(expectStatus(await submitting, 409, 'RESPONSE_LOCKED').error.details).toEqual({ reason: 'version_closed' });
    expect(await read(delegate, 'DE', version)).toMatchObject({ status: 'draft', revision: 1, submittedAt: null });
    expect(await revisionsOf(delegate, 'DE', version)).toHaveLength(1);
    expect(await submittedEvents('DE', version)).toEqual([]);
  });
});
