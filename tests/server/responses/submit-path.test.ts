import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildTestApp } from '../../helpers/build-test-app.js';
import { signInAs, type Caller } from '../../helpers/people.js';
import type { ResponseTarget } from '../../../server/responses/target.js';
import { complete, expectStatus, postStep, read, responsesPath, revisionsOf, save, signInNamed, SURVEY } from './support.js';

/**
 * A status change's short way (lifecycle.ts: one statement reads without locks, one writes the
 * status, the revision, the comment and the audit event while the response is as read) and the
 * long way it falls back to when another change lands between the two: the same checks under the
 * row lock, so it answers as if it had come after that change. Real concurrency is in
 * submit-races.server-only.test.ts.
 */
describe('the submit path', () => {
  let app: FastifyInstance;
  let consultant: Caller;
  beforeAll(async () => {
    app = await buildTestApp();
    consultant = await signInNamed(app, 'consultant', null, 'Carla Consultant');
  });
  afterAll(() => app.close());

  const targetOf = (memberState: string, version = 1): ResponseTarget => ({ surveyId: SURVEY, version, memberState });
  const eventsOf = async (state: string, version = 1) =>
    (await app.audit.list({})).filter((event) => event.target === `${SURVEY}/${version}/${state}`).reverse();

  /** Runs `between` once, just before the first statement whose text starts with `prefix`. */
  function before(prefix: string, between: () => Promise<unknown>) {
    const executor = app.db.getExecutor();
    const execute = executor.executeQuery.bind(executor);
    let ran = false;
    const statements = vi.spyOn(executor, 'executeQuery').mockImplementation(async (query) => {
      if (!ran && query.sql.trimStart().startsWith(prefix)) {
        ran = true;
        await between();
      }
      return execute(query);
    });
    return { ran: () => ran, restore: () => statements.mockRestore() };
  }
  const WRITE = 'with changed as';

  it('submits in two statements and no transaction, reading no version row once the version is cached', async () => {
    const delegate = await signInNamed(app, 'delegate', 'EE', 'Eeva Delegate');
    expectStatus(await save(delegate, 'EE', { baseRevision: 0, set: complete(1) }), 200);
    const executor = app.db.getExecutor();
    const statements = vi.spyOn(executor, 'executeQuery');
    const transactions = vi.spyOn(app.db, 'transaction');
    const versionReads = vi.spyOn(app.surveys, 'getVersionInfo');
    try {
      expect(expectStatus(await postStep(delegate, 'EE', 'submit', { revision: 1 }), 200)).toEqual({ revision: 2, status: 'submitted' });
      // All but the session's look-up: the read and the write.
      const own = statements.mock.calls.map(([query]) => query.sql.trimStart()).filter((text) => !text.includes('"sessions"'));
      expect(own).toHaveLength(2);
      expect(own[0]).toMatch(/^select v\.status as version_status/);
      expect(own[1]).toMatch(/^with changed as/);
      expect(transactions).not.toHaveBeenCalled();
      expect(versionReads).not.toHaveBeenCalled();
    } finally {
      statements.mockRestore();
      transactions.mockRestore();
      versionReads.mockRestore();
    }
    const submitted = await read(consultant, 'EE');
    expect(submitted).toMatchObject({ status: 'submitted', revision: 2, data: complete(1), updatedBy: 'Eeva Delegate' });
    expect(submitted.submittedAt).not.toBeNull();
    expect((await revisionsOf(consultant, 'EE')).map((r) => [r.revision, r.kind, r.status, r.author, r.changed])).toEqual([
      [1, 'save', 'draft', 'Eeva Delegate', expect.any(Array)],
      [2, 'submit', 'submitted', 'Eeva Delegate', []],
    ]);
    // The revision is a snapshot of the data, copied in SQL.
    expect(expectStatus(await consultant.inject({ method: 'GET', url: responsesPath(1, 'EE', '/revisions/2') }), 200)).toEqual({
      revision: 2,
      kind: 'submit',
      status: 'submitted',
      data: complete(1),
    });
    const events = await eventsOf('EE');
    expect(events).toEqual([
      expect.objectContaining({ action: 'response.submitted', actorId: delegate.user.id, actorEmail: delegate.user.email, details: { revision: 2, from: 'draft', to: 'submitted' } }),
    ]);
  });

  it('returns, accepts and reopens in two statements each; the audit event names the comment it wrote', async () => {
    const delegate = await signInAs(app, 'delegate', 'FI');
    const admin = await signInAs(app, 'admin');
    expectStatus(await save(delegate, 'FI', { baseRevision: 0, set: complete(1) }), 200);
    expectStatus(await postStep(delegate, 'FI', 'submit', { revision: 1 }), 200);
    const executor = app.db.getExecutor();
    const statements = vi.spyOn(executor, 'executeQuery');
    const transactions = vi.spyOn(app.db, 'transaction');
    try {
      const steps: Array<[Caller, string, object | undefined, { revision: number; status: string }]> = [
        [consultant, 'return', { message: ' Please check. ' }, { revision: 3, status: 'returned' }],
        [delegate, 'submit', { revision: 3 }, { revision: 4, status: 'submitted' }],
        [consultant, 'accept', undefined, { revision: 5, status: 'accepted' }],
        [admin, 'reopen', { reason: 'A late correction.' }, { revision: 6, status: 'returned' }],
      ];
      for (const [caller, step, payload, answer] of steps) {
        statements.mockClear();
        expect(expectStatus(await postStep(caller, 'FI', step, payload), 200)).toEqual(answer);
        expect(statements.mock.calls.filter(([query]) => !query.sql.includes('"sessions"'))).toHaveLength(2);
      }
      expect(transactions).not.toHaveBeenCalled();
    } finally {
      statements.mockRestore();
      transactions.mockRestore();
    }
    const comments = expectStatus(await consultant.inject({ method: 'GET', url: responsesPath(1, 'FI', '/comments') }), 200) as Array<{ id: string; body: string; author: string; question: string | null }>;
    expect(comments.map((c) => [c.body, c.question])).toEqual([
      ['Please check.', null],
      ['A late correction.', null],
    ]);
    const events = await eventsOf('FI');
    expect(events.map((e) => [e.action, e.actorId, e.details])).toEqual([
      ['response.submitted', delegate.user.id, { revision: 2, from: 'draft', to: 'submitted' }],
      ['response.returned', consultant.user.id, { revision: 3, from: 'submitted', to: 'returned', commentId: comments[0]!.id }],
      ['response.submitted', delegate.user.id, { revision: 4, from: 'returned', to: 'submitted' }],
      ['response.accepted', consultant.user.id, { revision: 5, from: 'submitted', to: 'accepted' }],
      ['response.reopened', admin.user.id, { revision: 6, from: 'accepted', to: 'returned', commentId: comments[1]!.id }],
    ]);
    expect((await revisionsOf(consultant, 'FI')).map((r) => r.revision)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('answers EDIT_CONFLICT the long way when a save lands between its read and its write, writing nothing', async () => {
    const delegate = await signInAs(app, 'delegate', 'DE');
    expectStatus(await save(delegate, 'DE', { baseRevision: 0, set: complete(1) }), 200);
    const transactions = vi.spyOn(app.db, 'transaction');
    const between = before(WRITE, () => app.responses.save(targetOf('DE'), { user: delegate.user, ip: null }, { baseRevision: 1, set: { main_gaps: 'a colleague’s text' } }));
    try {
      expect(expectStatus(await postStep(delegate, 'DE', 'submit', { revision: 1 }), 409, 'EDIT_CONFLICT').error.details).toEqual({ currentRevision: 2, conflicts: [] });
      expect(between.ran()).toBe(true);
      expect(transactions).toHaveBeenCalledTimes(1);
    } finally {
      between.restore();
      transactions.mockRestore();
    }
    expect(await read(delegate, 'DE')).toMatchObject({ status: 'draft', revision: 2, submittedAt: null });
    expect((await revisionsOf(delegate, 'DE')).map((r) => r.kind)).toEqual(['save', 'save']);
    expect(await eventsOf('DE')).toEqual([]);
  });

  it('validates the answers it writes: a save that empties a required answer in between makes it 422', async () => {
    const delegate = await signInAs(app, 'delegate', 'IS');
    expectStatus(await save(delegate, 'IS', { baseRevision: 0, set: complete(1) }), 200);
    const between = before(WRITE, () => app.responses.save(targetOf('IS'), { user: delegate.user, ip: null }, { baseRevision: 1, unset: ['consent_publish'] }));
    try {
      const refused = expectStatus(await postStep(delegate, 'IS', 'submit', { revision: 1 }), 422, 'VALIDATION_FAILED');
      expect(refused.error.details.map((p: { question: string }) => p.question)).toEqual(['consent_publish']);
      expect(between.ran()).toBe(true);
    } finally {
      between.restore();
    }
    expect(await read(delegate, 'IS')).toMatchObject({ status: 'draft', revision: 2 });
  });

  it('answers INVALID_TRANSITION the long way when another submit lands first: one submit revision, one audit event', async () => {
    const delegate = await signInAs(app, 'delegate', 'LV');
    expectStatus(await save(delegate, 'LV', { baseRevision: 0, set: complete(1) }), 200);
    const between = before(WRITE, () => app.responses.submit(targetOf('LV'), { user: delegate.user, ip: null }, 1));
    try {
      expect(expectStatus(await postStep(delegate, 'LV', 'submit', { revision: 1 }), 409, 'INVALID_TRANSITION').error.details).toEqual({ status: 'submitted' });
      expect(between.ran()).toBe(true);
    } finally {
      between.restore();
    }
    expect((await revisionsOf(delegate, 'LV')).map((r) => [r.revision, r.kind])).toEqual([
      [1, 'save'],
      [2, 'submit'],
    ]);
    expect((await eventsOf('LV')).map((e) => [e.action, e.details.revision])).toEqual([['response.submitted', 2]]);
  });

  it('answers RESPONSE_LOCKED the long way when the version closes between its read and its write', async () => {
    const delegate = await signInAs(app, 'delegate', 'LT');
    const { version } = await app.surveys.publishNextVersion(SURVEY, (await app.surveys.getVersion(SURVEY, 1)).definition);
    expectStatus(await save(delegate, 'LT', { baseRevision: 0, set: complete(1) }, version), 200);
    const between = before(WRITE, () => app.surveys.setStatus(SURVEY, version, 'closed'));
    try {
      expect(expectStatus(await postStep(delegate, 'LT', 'submit', { revision: 1 }, version), 409, 'RESPONSE_LOCKED').error.details).toEqual({ reason: 'version_closed' });
      expect(between.ran()).toBe(true);
    } finally {
      between.restore();
    }
    expect(await read(delegate, 'LT', version)).toMatchObject({ status: 'draft', revision: 1 });
    expect(await eventsOf('LT', version)).toEqual([]);
  });

  it('answers a review step overtaken by another the long way: an accept after a return is INVALID_TRANSITION', async () => {
    const delegate = await signInAs(app, 'delegate', 'NO');
    const other = await signInAs(app, 'consultant');
    expectStatus(await save(delegate, 'NO', { baseRevision: 0, set: complete(1) }), 200);
    expectStatus(await postStep(delegate, 'NO', 'submit', { revision: 1 }), 200);
    const between = before(WRITE, () => app.responses.returnResponse(targetOf('NO'), { user: other.user, ip: null }, 'Please check.'));
    try {
      expect(expectStatus(await postStep(consultant, 'NO', 'accept'), 409, 'INVALID_TRANSITION').error.details).toEqual({ status: 'returned' });
      expect(between.ran()).toBe(true);
    } finally {
      between.restore();
    }
    expect((await revisionsOf(consultant, 'NO')).map((r) => r.kind)).toEqual(['save', 'submit', 'return']);
    const comments = expectStatus(await consultant.inject({ method: 'GET', url: responsesPath(1, 'NO', '/comments') }), 200);
    expect(comments).toHaveLength(1);
  });

  it('keeps the contract’s order of refusals: 404s, 422, then RESPONSE_LOCKED, INVALID_TRANSITION, EDIT_CONFLICT', async () => {
    const delegate = await signInAs(app, 'delegate', 'PL');
    const actor = { user: delegate.user, ip: null };
    // 404 for an unknown version, then for an unknown member state (before the 422 of an empty response).
    await expect(app.responses.submit(targetOf('PL', 99), actor, 0)).rejects.toMatchObject({ statusCode: 404, code: 'SURVEY_VERSION_NOT_FOUND' });
    await expect(app.responses.submit(targetOf('XX'), actor, 0)).rejects.toMatchObject({ statusCode: 404, code: 'MEMBER_STATE_NOT_FOUND' });
    await expect(app.responses.returnResponse(targetOf('XX'), { user: consultant.user, ip: null }, ' ')).rejects.toMatchObject({ statusCode: 404, code: 'MEMBER_STATE_NOT_FOUND' });
    await expect(app.responses.accept(targetOf('PL', 99), { user: consultant.user, ip: null })).rejects.toMatchObject({ statusCode: 404, code: 'SURVEY_VERSION_NOT_FOUND' });
    // A blank message is 422 before the status is looked at.
    expectStatus(await postStep(consultant, 'PL', 'return', { message: ' ' }), 422, 'INVALID_MESSAGE');
    expectStatus(await postStep(consultant, 'PL', 'return', { message: 'x' }), 409, 'INVALID_TRANSITION');

    const { version } = await app.surveys.publishNextVersion(SURVEY, (await app.surveys.getVersion(SURVEY, 1)).definition);
    const { consent_publish, ...incomplete } = complete(1);
    expectStatus(await save(delegate, 'PL', { baseRevision: 0, set: incomplete }, version), 200);
    await app.surveys.setStatus(SURVEY, version, 'closed');
    // Closed: invalid answers are 422 first; valid ones are locked, whatever the revision given.
    expectStatus(await postStep(delegate, 'PL', 'submit', { revision: 1 }, version), 422, 'VALIDATION_FAILED');
    await app.surveys.setStatus(SURVEY, version, 'open');
    expectStatus(await save(delegate, 'PL', { baseRevision: 1, set: { consent_publish } }, version), 200);
    await app.surveys.setStatus(SURVEY, version, 'closed');
    expect(expectStatus(await postStep(delegate, 'PL', 'submit', { revision: 7 }, version), 409, 'RESPONSE_LOCKED').error.details).toEqual({ reason: 'version_closed' });
    await app.surveys.setStatus(SURVEY, version, 'open');
    // A stale revision of a draft: EDIT_CONFLICT; of a submitted response: INVALID_TRANSITION first.
    expect(expectStatus(await postStep(delegate, 'PL', 'submit', { revision: 1 }, version), 409, 'EDIT_CONFLICT').error.details.currentRevision).toBe(2);
    expectStatus(await postStep(delegate, 'PL', 'submit', { revision: 2 }, version), 200);
    expect(expectStatus(await postStep(delegate, 'PL', 'submit', { revision: 1 }, version), 409, 'INVALID_TRANSITION').error.details).toEqual({ status: 'submitted' });
    expect((await revisionsOf(delegate, 'PL', version)).map((r) => r.kind)).toEqual(['save', 'save', 'submit']);
  });
});
