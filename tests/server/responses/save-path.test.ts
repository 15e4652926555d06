import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildTestApp } from '../../helpers/build-test-app.js';
import { signInAs } from '../../helpers/people.js';
import { complete, expectStatus, read, responsesPath, revisionsOf, save, SURVEY } from './support.js';

/**
 * Autosave's short way (a cached questionnaire; one statement that reads and, at the current
 * revision, writes; a second write after a merge) and the long way it falls back to when there is
 * no response row or another save got in first.
 */
describe('the save path', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await buildTestApp();
  });
  afterAll(() => app.close());

  it('reads neither the version row nor its definition once the version is cached', async () => {
    const delegate = await signInAs(app, 'delegate', 'LV');
    expectStatus(await save(delegate, 'LV', { baseRevision: 0, set: { main_gaps: 'first' } }), 200);
    const versionReads = vi.spyOn(app.surveys, 'getVersionInfo');
    const definitionReads = vi.spyOn(app.surveys, 'getVersion');
    try {
      for (const [index, text] of ['second', 'third'].entries()) {
        expect(expectStatus(await save(delegate, 'LV', { baseRevision: index + 1, set: { main_gaps: text } }), 200).revision).toBe(index + 2);
      }
      expectStatus(await save(delegate, 'LV', { baseRevision: 3, set: { main_gaps: 4 } }), 422, 'INVALID_ANSWER');
      expectStatus(await save(delegate, 'LV', { baseRevision: 9, set: { main_gaps: 'ahead' } }), 409, 'EDIT_CONFLICT');
      expect(versionReads).not.toHaveBeenCalled();
      expect(definitionReads).not.toHaveBeenCalled();
      // Reading the response still re-reads the version row (its status may have changed).
      expect((await read(delegate, 'LV')).data).toEqual({ main_gaps: 'third' });
      expect(versionReads).toHaveBeenCalledTimes(1);
    } finally {
      versionReads.mockRestore();
      definitionReads.mockRestore();
    }
  });

  it('saves an existing response without a transaction', async () => {
    const delegate = await signInAs(app, 'delegate', 'EE');
    expectStatus(await save(delegate, 'EE', { baseRevision: 0, set: { main_gaps: 'first' } }), 200);
    const transactions = vi.spyOn(app.db, 'transaction');
    try {
      expect(expectStatus(await save(delegate, 'EE', { baseRevision: 1, set: { main_gaps: 'second' } }), 200)).toEqual({ revision: 2, status: 'draft' });
      expect(expectStatus(await save(delegate, 'EE', { baseRevision: 0, set: { action_plan: 'none' } }), 200)).toEqual({ revision: 3, status: 'draft', mergedFrom: 2 });
      expect(transactions).not.toHaveBeenCalled();
    } finally {
      transactions.mockRestore();
    }
  });

  it('creates a response with its first save in one statement, and refuses one the long way would refuse', async () => {
    const delegate = await signInAs(app, 'delegate', 'LT');
    const executor = app.db.getExecutor();
    const statements = vi.spyOn(executor, 'executeQuery');
    const transactions = vi.spyOn(app.db, 'transaction');
    try {
      const first = { baseRevision: 0, set: { main_gaps: 'first', institution_type: 'other', 'institution_type-Comment': 'a ministry' }, unset: ['action_plan'] };
      expect(expectStatus(await save(delegate, 'LT', first, 2), 200)).toEqual({ revision: 1, status: 'draft' });
      const touchingResponses = statements.mock.calls.map(([query]) => query.sql).filter((text) => text.includes('responses'));
      expect(touchingResponses).toHaveLength(1);
      expect(transactions).not.toHaveBeenCalled();
    } finally {
      statements.mockRestore();
      transactions.mockRestore();
    }
    expect(await read(delegate, 'LT', 2)).toMatchObject({ status: 'draft', revision: 1, data: { main_gaps: 'first', institution_type: 'other', 'institution_type-Comment': 'a ministry' } });
    expect((await revisionsOf(delegate, 'LT', 2)).map((r) => [r.revision, r.kind, r.changed])).toEqual([[1, 'save', ['institution_type', 'main_gaps']]]);

    // A first save the long way refuses: an inactive member state, a closed version.
    await app.db.insertInto('member_states').values({ code: 'XQ', name: 'Inactive' }).execute();
    const inactive = await signInAs(app, 'delegate', 'XQ');
    await app.db.updateTable('member_states').set({ active: false }).where('code', '=', 'XQ').execute();
    expect(expectStatus(await save(inactive, 'XQ', { baseRevision: 0, set: { main_gaps: 'x' } }, 2), 409, 'RESPONSE_LOCKED').error.details).toEqual({ reason: 'member_state_inactive' });
    const { version } = await app.surveys.publishNextVersion(SURVEY, (await app.surveys.getVersion(SURVEY, 1)).definition);
    await app.surveys.setStatus(SURVEY, version, 'closed');
    expect(expectStatus(await save(delegate, 'LT', { baseRevision: 0, set: { main_gaps: 'x' } }, version), 409, 'RESPONSE_LOCKED').error.details).toEqual({ reason: 'version_closed' });
    expect((await read(delegate, 'LT', version)).status).toBe('not_started');
  });

  it('saves at the current revision in one statement', async () => {
    const delegate = await signInAs(app, 'delegate', 'DE');
    expectStatus(await save(delegate, 'DE', { baseRevision: 0, set: { main_gaps: 'first', action_plan: 'none' } }), 200);
    const executor = app.db.getExecutor();
    const statements = vi.spyOn(executor, 'executeQuery');
    try {
      expect(expectStatus(await save(delegate, 'DE', { baseRevision: 1, set: { main_gaps: 'second', action_plan: 'none' }, unset: ['inter_agency_body'] }), 200)).toEqual({
        revision: 2,
        status: 'draft',
      });
      const touchingResponses = statements.mock.calls.map(([query]) => query.sql).filter((text) => text.includes('"responses"') || text.includes('responses as'));
      expect(touchingResponses).toHaveLength(1);
    } finally {
      statements.mockRestore();
    }
    // The revision holds only what changed: an unchanged value and an absent key are dropped.
    const [revision] = (await revisionsOf(delegate, 'DE')).slice(-1);
    expect(revision).toMatchObject({ revision: 2, changed: ['main_gaps'] });
    const change = await app.db.selectFrom('response_revisions').select('change').where('revision', '=', 2).where('response_id', '=', (await app.db.selectFrom('responses').select('id').where('member_state_code', '=', 'DE').where('version', '=', 1).executeTakeFirstOrThrow()).id).executeTakeFirstOrThrow();
    expect(change.change).toEqual({ set: { main_gaps: 'second' }, unset: [] });
    // A save at the current revision that changes nothing writes nothing.
    expect(expectStatus(await save(delegate, 'DE', { baseRevision: 2, set: { main_gaps: 'second' }, unset: ['inter_agency_body'] }), 200)).toEqual({ revision: 2, status: 'draft' });
    expect(await revisionsOf(delegate, 'DE')).toHaveLength(2);
  });

  it('takes the locking way when another save lands between its read and its write', async () => {
    const delegate = await signInAs(app, 'delegate', 'FI');
    const target = { surveyId: SURVEY, version: 1, memberState: 'FI' };
    expectStatus(await save(delegate, 'FI', { baseRevision: 0, set: { main_gaps: 'first' } }), 200);
    const executor = app.db.getExecutor();
    const execute = executor.executeQuery.bind(executor);
    let overtaken = false;
    const statements = vi.spyOn(executor, 'executeQuery').mockImplementation(async (query) => {
      if (!overtaken && query.sql.startsWith('with "saved"')) {
        overtaken = true;
        await app.responses.save(target, { user: delegate.user, ip: null }, { baseRevision: 1, set: { action_plan: 'none' } });
      }
      return execute(query);
    });
    const transactions = vi.spyOn(app.db, 'transaction');
    try {
      // On base 0 it reads revision 1 and decides to merge; revision 2 lands before its write, which then writes nothing.
      expect(expectStatus(await save(delegate, 'FI', { baseRevision: 0, set: { main_gaps: 'second' } }), 200)).toEqual({ revision: 3, status: 'draft', mergedFrom: 2 });
      expect(overtaken).toBe(true);
      expect(transactions).toHaveBeenCalledTimes(1);
    } finally {
      statements.mockRestore();
      transactions.mockRestore();
    }
    expect((await read(delegate, 'FI')).data).toEqual({ main_gaps: 'second', action_plan: 'none' });
    expect((await revisionsOf(delegate, 'FI')).map((r) => [r.revision, r.changed])).toEqual([
      [1, ['main_gaps']],
      [2, ['action_plan']],
      [3, ['main_gaps']],
    ]);
  });

  it('writes nothing when the version closes before its statement or between its read and its write', async () => {
    const delegate = await signInAs(app, 'delegate', 'IS');
    const { version } = await app.surveys.publishNextVersion(SURVEY, (await app.surveys.getVersion(SURVEY, 1)).definition);
    expectStatus(await save(delegate, 'IS', { baseRevision: 0, set: { main_gaps: 'first' } }, version), 200);
    const executor = app.db.getExecutor();
    const execute = executor.executeQuery.bind(executor);
    let closeBefore = '';
    const statements = vi.spyOn(executor, 'executeQuery').mockImplementation(async (query) => {
      if (closeBefore && query.sql.trimStart().startsWith(closeBefore)) await app.surveys.setStatus(SURVEY, version, 'closed');
      return execute(query);
    });
    try {
      // At the current revision: the one statement reads and writes.
      closeBefore = 'with target';
      expect(expectStatus(await save(delegate, 'IS', { baseRevision: 1, set: { main_gaps: 'late' } }, version), 409, 'RESPONSE_LOCKED').error.details).toEqual({
        reason: 'version_closed',
      });
      await app.surveys.setStatus(SURVEY, version, 'open');
      // Behind it: a merge, decided on what was read, then the write.
      closeBefore = 'with "saved"';
      expect(expectStatus(await save(delegate, 'IS', { baseRevision: 0, set: { action_plan: 'none' } }, version), 409, 'RESPONSE_LOCKED').error.details).toEqual({
        reason: 'version_closed',
      });
    } finally {
      statements.mockRestore();
    }
    expect(await read(delegate, 'IS', version)).toMatchObject({ revision: 1, data: { main_gaps: 'first' } });
  });

  it('loads a version it has not cached, and still answers 404 for an unknown one before any 422', async () => {
    const delegate = await signInAs(app, 'delegate', 'LT');
    const { version } = await app.surveys.publishNextVersion(SURVEY, (await app.surveys.getVersion(SURVEY, 2)).definition);
    const versionReads = vi.spyOn(app.surveys, 'getVersionInfo');
    try {
      expectStatus(await save(delegate, 'LT', { baseRevision: 0, set: { main_gaps: 'x' } }, version), 200);
      expect(versionReads).toHaveBeenCalledTimes(1);
      expectStatus(await save(delegate, 'LT', { baseRevision: 0, set: { main_gaps: 1 } }, version + 1), 404, 'SURVEY_VERSION_NOT_FOUND');
      expectStatus(await save(delegate, 'LT', { baseRevision: 0, set: { main_gaps: 1 } }, version + 1), 404, 'SURVEY_VERSION_NOT_FOUND');
    } finally {
      versionReads.mockRestore();
    }
  });

  it('answers an unknown member state with 404 before 422, where no response row can be found', async () => {
    const { user } = await signInAs(app, 'delegate', 'DK');
    const actor = { user, ip: null };
    for (const set of [{ main_gaps: 'x' }, { main_gaps: 5 }]) {
      await expect(app.responses.save({ surveyId: SURVEY, version: 1, memberState: 'XX' }, actor, { baseRevision: 0, set })).rejects.toMatchObject({
        statusCode: 404,
        code: 'MEMBER_STATE_NOT_FOUND',
      });
    }
    await expect(app.responses.save({ surveyId: SURVEY, version: 99, memberState: 'XX' }, actor, { baseRevision: 0, set: { main_gaps: 5 } })).rejects.toMatchObject({
      statusCode: 404,
      code: 'SURVEY_VERSION_NOT_FOUND',
    });
  });

  it('keeps the contract’s order on a first save: 422, then 409 for a base ahead of it, and creates nothing', async () => {
    const delegate = await signInAs(app, 'delegate', 'NO');
    expectStatus(await save(delegate, 'NO', { baseRevision: 3, set: { main_gaps: 5 } }), 422, 'INVALID_ANSWER');
    expectStatus(await save(delegate, 'NO', { baseRevision: 3, set: { main_gaps: 'x' } }), 409, 'EDIT_CONFLICT');
    expect(await read(delegate, 'NO')).toMatchObject({ status: 'not_started', revision: 0 });
    expect(expectStatus(await save(delegate, 'NO', { baseRevision: 0, set: { main_gaps: 'x' } }), 200)).toEqual({ revision: 1, status: 'draft' });
  });

  it('keeps the contract’s order on an existing response: 422 before 409 RESPONSE_LOCKED, writing nothing', async () => {
    const delegate = await signInAs(app, 'delegate', 'PL');
    expectStatus(await save(delegate, 'PL', { baseRevision: 0, set: complete(1) }), 200);
    expectStatus(await delegate.inject({ method: 'POST', url: responsesPath(1, 'PL', '/submit'), payload: { revision: 1 } }), 200);
    expectStatus(await save(delegate, 'PL', { baseRevision: 0, set: { main_gaps: 5 } }), 422, 'INVALID_ANSWER');
    expect(expectStatus(await save(delegate, 'PL', { baseRevision: 2, set: { main_gaps: 'late' } }), 409, 'RESPONSE_LOCKED').error.details).toEqual({ reason: 'submitted' });
    expect(await read(delegate, 'PL')).toMatchObject({ status: 'submitted', revision: 2, data: complete(1) });
  });
});
