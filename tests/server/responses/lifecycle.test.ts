import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildTestApp } from '../../helpers/build-test-app.js';
import { signInAs, type Caller } from '../../helpers/people.js';
import { complete, expectStatus, postStep, read, responsesPath, revisionsOf, save, signInNamed } from './support.js';

describe('the response lifecycle', () => {
  let app: FastifyInstance;
  let consultant: Caller;
  let admin: Caller;
  let analyst: Caller;
  beforeAll(async () => {
    app = await buildTestApp();
    consultant = await signInNamed(app, 'consultant', null, 'Carla Consultant');
    admin = await signInAs(app, 'admin');
    analyst = await signInAs(app, 'analyst');
  });
  afterAll(() => app.close());


  it('goes draft → submitted → returned (with a comment) → submitted → accepted (locked) → reopened', async () => {
    const delegate = await signInNamed(app, 'delegate', 'EE', 'Eeva Delegate');
    const answers = complete(1);
    const { consent_publish, action_plan, ...rest } = answers;

    // A first save of most answers; two required ones are still missing.
    expect(expectStatus(await save(delegate, 'EE', { baseRevision: 0, set: rest }), 200)).toEqual({ revision: 1, status: 'draft' });
    const missing = expectStatus(await postStep(delegate, 'EE', 'submit', { revision: 1 }), 422, 'VALIDATION_FAILED');
    expect(missing.error.details).toEqual(
      expect.arrayContaining([
        { question: 'consent_publish', message: expect.any(String) },
        { question: 'action_plan', message: expect.any(String) },
      ]),
    );
    expect((await read(delegate, 'EE')).status).toBe('draft');

    expectStatus(await save(delegate, 'EE', { baseRevision: 1, set: { consent_publish, action_plan } }), 200);
    const draft = await read(delegate, 'EE');
    expect(draft).toMatchObject({ status: 'draft', revision: 2, data: answers, progress: 1, updatedBy: 'Eeva Delegate', submittedAt: null });

    // A stale revision does not submit; the current one does.
    expect(expectStatus(await postStep(delegate, 'EE', 'submit', { revision: 1 }), 409, 'EDIT_CONFLICT').error.details.currentRevision).toBe(2);
    expect(expectStatus(await postStep(delegate, 'EE', 'submit', { revision: 2 }), 200)).toEqual({ revision: 3, status: 'submitted' });
    expect((await read(delegate, 'EE')).submittedAt).not.toBeNull();
    expectStatus(await postStep(delegate, 'EE', 'submit', { revision: 3 }), 409, 'INVALID_TRANSITION');

    // Submitted: locked for the delegates.
    expectStatus(await save(delegate, 'EE', { baseRevision: 3, set: { ngo_input: 'no' } }), 409, 'RESPONSE_LOCKED');

    // Only consultants return, with a message that is not blank.
    expectStatus(await postStep(delegate, 'EE', 'return', { message: 'please fix' }), 403, 'FORBIDDEN');
    expectStatus(await postStep(admin, 'EE', 'return', { message: 'please fix' }), 403, 'FORBIDDEN');
    expectStatus(await postStep(consultant, 'EE', 'return', { message: '   ' }), 422);
    expectStatus(await postStep(consultant, 'EE', 'return', { message: 'x'.repeat(5001) }), 422);
    expectStatus(await postStep(consultant, 'EE', 'return', {}), 400);
    expect(expectStatus(await postStep(consultant, 'EE', 'return', { message: '  Please give the number of shelter places.  ' }), 200)).toEqual({
      revision: 4,
      status: 'returned',
    });
    const comments = expectStatus(await delegate.inject({ method: 'GET', url: responsesPath(1, 'EE', '/comments') }), 200);
    expect(comments).toEqual([
      expect.objectContaining({ question: null, body: 'Please give the number of shelter places.', author: 'Carla Consultant', resolvedAt: null }),
    ]);

    // Saving a returned response keeps it returned.
    expect(expectStatus(await save(delegate, 'EE', { baseRevision: 4, set: { shelter_places: 12 } }), 200)).toEqual({ revision: 5, status: 'returned' });
    expectStatus(await postStep(consultant, 'EE', 'accept'), 409, 'INVALID_TRANSITION');
    expect(expectStatus(await postStep(delegate, 'EE', 'submit', { revision: 5 }), 200)).toEqual({ revision: 6, status: 'submitted' });

    expectStatus(await postStep(admin, 'EE', 'accept'), 403, 'FORBIDDEN');
    expect(expectStatus(await postStep(consultant, 'EE', 'accept'), 200)).toEqual({ revision: 7, status: 'accepted' });
    expectStatus(await postStep(consultant, 'EE', 'accept'), 409, 'INVALID_TRANSITION');
    expectStatus(await postStep(consultant, 'EE', 'return', { message: 'again' }), 409, 'INVALID_TRANSITION');

    // Accepted: locked, and not submittable.
    const locked = expectStatus(await save(delegate, 'EE', { baseRevision: 7, set: { shelter_places: 13 } }), 409, 'RESPONSE_LOCKED');
    expect(locked.error.details).toEqual({ reason: 'accepted' });
    expectStatus(await postStep(delegate, 'EE', 'submit', { revision: 7 }), 409, 'INVALID_TRANSITION');

    // Reopen: consultants and administrators, with a reason, only from accepted.
    expectStatus(await postStep(analyst, 'EE', 'reopen', { reason: 'late correction' }), 403, 'FORBIDDEN');
    expectStatus(await postStep(delegate, 'EE', 'reopen', { reason: 'late correction' }), 403, 'FORBIDDEN');
    expectStatus(await postStep(admin, 'EE', 'reopen', { reason: '' }), 422);
    expect(expectStatus(await postStep(admin, 'EE', 'reopen', { reason: 'The 2008 victim numbers were corrected.' }), 200)).toEqual({
      revision: 8,
      status: 'returned',
    });
    expectStatus(await postStep(consultant, 'EE', 'reopen', { reason: 'twice' }), 409, 'INVALID_TRANSITION');
    expectStatus(await save(delegate, 'EE', { baseRevision: 8, set: { shelter_places: 13 } }), 200);

    const history = await revisionsOf(consultant, 'EE');
    expect(history.map((r) => [r.revision, r.kind, r.status])).toEqual([
      [1, 'save', 'draft'],
      [2, 'save', 'draft'],
      [3, 'submit', 'submitted'],
      [4, 'return', 'returned'],
      [5, 'save', 'returned'],
      [6, 'submit', 'submitted'],
      [7, 'accept', 'accepted'],
      [8, 'reopen', 'returned'],
      [9, 'save', 'returned'],
    ]);
    expect(history[1]).toMatchObject({ author: 'Eeva Delegate', changed: ['action_plan', 'consent_publish'] });
    expect(history[3]).toMatchObject({ author: 'Carla Consultant', changed: [] });
    expect(history[4]!.changed).toEqual(['shelter_places']);

    const at2 = expectStatus(await consultant.inject({ method: 'GET', url: responsesPath(1, 'EE', '/revisions/2') }), 200);
    expect(at2).toEqual({ revision: 2, kind: 'save', status: 'draft', data: answers });
    const at9 = expectStatus(await consultant.inject({ method: 'GET', url: responsesPath(1, 'EE', '/revisions/9') }), 200);
    expect(at9.data.shelter_places).toBe(13);
    expectStatus(await consultant.inject({ method: 'GET', url: responsesPath(1, 'EE', '/revisions/10') }), 404, 'REVISION_NOT_FOUND');

    const reasons = expectStatus(await delegate.inject({ method: 'GET', url: responsesPath(1, 'EE', '/comments') }), 200);
    expect(reasons.map((c: { body: string }) => c.body)).toEqual(['Please give the number of shelter places.', 'The 2008 victim numbers were corrected.']);

    const events = await app.audit.list({});
    const mine = events.filter((e) => e.target === 'national-cooperation/1/EE').map((e) => [e.action, e.details.revision]);
    expect(mine.reverse()).toEqual([
      ['response.submitted', 3],
      ['response.returned', 4],
      ['response.submitted', 6],
      ['response.accepted', 7],
      ['response.reopened', 8],
    ]);
  });

  it('submits the complete answer sets of both versions', async () => {
    for (const version of [1, 2] as const) {
      const delegate = await signInAs(app, 'delegate', 'FI');
      expectStatus(await save(delegate, 'FI', { baseRevision: 0, set: complete(version) }, version), 200);
      expect(expectStatus(await postStep(delegate, 'FI', 'submit', { revision: 1 }, version), 200)).toEqual({ revision: 2, status: 'submitted' });
      expect(await read(consultant, 'FI', version)).toMatchObject({ status: 'submitted', progress: 1, data: complete(version) });
    }
  });

  it('refuses to submit a response nobody started, listing the required answers', async () => {
    const delegate = await signInAs(app, 'delegate', 'IS');
    const refused = expectStatus(await postStep(delegate, 'IS', 'submit', { revision: 0 }), 422, 'VALIDATION_FAILED');
    expect(refused.error.details.map((p: { question: string }) => p.question)).toContain('consent_publish');
    expect((await read(delegate, 'IS')).status).toBe('not_started');
  });

  it('shows not_started rows, progress and who changed what on the board', async () => {
    const delegate = await signInNamed(app, 'delegate', 'DE', 'Dieter Delegate');
    expectStatus(await save(delegate, 'DE', { baseRevision: 0, set: { consent_publish: 'anonymised', ngo_input: 'yes' } }), 200);
    const board = expectStatus(await consultant.inject({ method: 'GET', url: responsesPath(1) }), 200) as Array<Record<string, unknown>>;
    expect(board.map((row) => row.memberState)).toEqual(['DK', 'EE', 'FI', 'DE', 'IS', 'LV', 'LT', 'NO', 'PL', 'RU', 'SE']);
    const de = board.find((row) => row.memberState === 'DE')!;
    expect(de).toMatchObject({ status: 'draft', revision: 1, updatedBy: 'Dieter Delegate', submittedAt: null, openComments: 0 });
    expect(de.progress).toBeGreaterThan(0);
    expect(de.progress).toBeLessThan(1);
    expect(Math.round((de.progress as number) * 1000)).toBe((de.progress as number) * 1000);
    expect(board.find((row) => row.memberState === 'PL')).toEqual({
      memberState: 'PL',
      memberStateName: 'Poland',
      status: 'not_started',
      revision: 0,
      progress: 0,
      updatedAt: null,
      submittedAt: null,
      updatedBy: null,
      openComments: 0,
    });
    // The detail view shows the same progress, and names the state as the board does.
    expect(await read(consultant, 'DE')).toMatchObject({ progress: de.progress, memberStateName: 'Germany' });

    // A delegate sees their own state only.
    const own = expectStatus(await delegate.inject({ method: 'GET', url: responsesPath(1) }), 200);
    expect(own.map((row: { memberState: string }) => row.memberState)).toEqual(['DE']);
    const fresh = await signInAs(app, 'delegate', 'NO');
    expect(expectStatus(await fresh.inject({ method: 'GET', url: responsesPath(1) }), 200)).toEqual([
      expect.objectContaining({ memberState: 'NO', status: 'not_started', revision: 0 }),
    ]);
    expect(await read(fresh, 'NO')).toEqual({
      memberState: 'NO',
      memberStateName: 'Norway',
      status: 'not_started',
      revision: 0,
      data: {},
      updatedAt: null,
      submittedAt: null,
      progress: 0,
      updatedBy: null,
    });
  });

  it('takes each review step only from its own status, and only for the roles API.md names', async () => {
    const delegate = await signInNamed(app, 'delegate', 'LV', 'Liga Delegate');
    const otherDelegate = await signInAs(app, 'delegate', 'LT');
    const textOf = { return: { message: 'Please check.' }, accept: undefined, reopen: { reason: 'A late correction.' } } as const;
    const steps = ['return', 'accept', 'reopen'] as const;
    const refused = async (caller: Caller, step: (typeof steps)[number], status: number, code: string) =>
      expectStatus(await postStep(caller, 'LV', step, textOf[step]), status, code);

    // Nothing to review before the state has a reply.
    for (const step of steps) await refused(consultant, step, 409, 'INVALID_TRANSITION');

    // A draft: no step yet.
    const answers = complete(1);
    expectStatus(await save(delegate, 'LV', { baseRevision: 0, set: answers }), 200);
    for (const step of steps) await refused(consultant, step, 409, 'INVALID_TRANSITION');
    expect((await read(consultant, 'LV')).status).toBe('draft');

    // Submitted: return and accept are the consultant's alone; reopen waits for accepted.
    expectStatus(await postStep(delegate, 'LV', 'submit', { revision: 1 }), 200);
    for (const caller of [delegate, analyst, admin]) {
      await refused(caller, 'return', 403, 'FORBIDDEN');
      await refused(caller, 'accept', 403, 'FORBIDDEN');
    }
    await refused(otherDelegate, 'accept', 403, 'FORBIDDEN');
    await refused(consultant, 'reopen', 409, 'INVALID_TRANSITION');
    await refused(admin, 'reopen', 409, 'INVALID_TRANSITION');
    expect((await read(consultant, 'LV')).status).toBe('submitted');

    // Returned: nothing until the delegates submit again.
    expectStatus(await postStep(consultant, 'LV', 'return', textOf.return), 200);
    for (const step of steps) await refused(consultant, step, 409, 'INVALID_TRANSITION');
    await refused(admin, 'reopen', 409, 'INVALID_TRANSITION');
    expect((await read(consultant, 'LV')).status).toBe('returned');

    // Accepted: only reopen, by a consultant or an administrator.
    expectStatus(await postStep(delegate, 'LV', 'submit', { revision: 3 }), 200);
    expectStatus(await postStep(consultant, 'LV', 'accept'), 200);
    await refused(consultant, 'return', 409, 'INVALID_TRANSITION');
    await refused(analyst, 'reopen', 403, 'FORBIDDEN');
    await refused(delegate, 'reopen', 403, 'FORBIDDEN');
    expect(expectStatus(await postStep(consultant, 'LV', 'reopen', textOf.reopen), 200)).toEqual({ revision: 6, status: 'returned' });
    expect((await revisionsOf(consultant, 'LV')).map((revision) => revision.kind)).toEqual(['save', 'submit', 'return', 'submit', 'accept', 'reopen']);
  });

  it('re-opens a resolved comment, and answers a reply within the same thread', async () => {
    const delegate = await signInNamed(app, 'delegate', 'DK', 'Dorte Delegate');
    const comments = responsesPath(1, 'DK', '/comments');
    expectStatus(await save(delegate, 'DK', { baseRevision: 0, set: { shelter_places: 6 } }), 200);
    const first = expectStatus(await consultant.inject({ method: 'POST', url: comments, payload: { question: 'shelter_places', body: 'Six?' } }), 201);
    const reply = expectStatus(await delegate.inject({ method: 'POST', url: comments, payload: { body: 'Yes, six.', replyTo: first.id } }), 201);
    const answer = expectStatus(await consultant.inject({ method: 'POST', url: comments, payload: { body: 'Thank you.', replyTo: reply.id } }), 201);
    expect(answer).toMatchObject({ question: 'shelter_places', replyTo: reply.id });
    expectStatus(
      await consultant.inject({ method: 'POST', url: comments, payload: { question: 'action_plan', body: 'x', replyTo: first.id } }),
      422,
      'INVALID_REPLY',
    );

    expectStatus(await delegate.inject({ method: 'PATCH', url: `${comments}/${first.id}`, payload: { resolved: true } }), 200);
    expectStatus(await analyst.inject({ method: 'PATCH', url: `${comments}/${first.id}`, payload: { resolved: false } }), 403, 'FORBIDDEN');
    const reopened = expectStatus(await consultant.inject({ method: 'PATCH', url: `${comments}/${first.id}`, payload: { resolved: false } }), 200);
    expect(reopened).toMatchObject({ id: first.id, resolvedAt: null, resolvedBy: null });
    expectStatus(await consultant.inject({ method: 'PATCH', url: `${comments}/${first.id}`, payload: { resolved: 'no' } }), 400);
    const board = expectStatus(await consultant.inject({ method: 'GET', url: responsesPath(1) }), 200);
    expect(board.find((row: { memberState: string }) => row.memberState === 'DK').openComments).toBe(3);
  });

  it('keeps review comments: on questions or the whole response, answered and resolved by delegates', async () => {
    const delegate = await signInNamed(app, 'delegate', 'PL', 'Piotr Delegate');
    const other = await signInAs(app, 'delegate', 'SE');
    const comments = responsesPath(1, 'PL', '/comments');
    expectStatus(await consultant.inject({ method: 'POST', url: comments, payload: { body: 'Nothing to comment on yet' } }), 404, 'RESPONSE_NOT_FOUND');
    expect(expectStatus(await consultant.inject({ method: 'GET', url: comments }), 200)).toEqual([]);
    expectStatus(await save(delegate, 'PL', { baseRevision: 0, set: { shelter_places: 4 } }), 200);

    const question = expectStatus(await consultant.inject({ method: 'POST', url: comments, payload: { question: 'shelter_places', body: 'Only 4?' } }), 201);
    expect(question).toMatchObject({ question: 'shelter_places', body: 'Only 4?', author: 'Carla Consultant', resolvedAt: null, replyTo: null });
    expectStatus(await consultant.inject({ method: 'POST', url: comments, payload: { question: 'no_such_question', body: 'x' } }), 422, 'UNKNOWN_QUESTION');
    expectStatus(await consultant.inject({ method: 'POST', url: comments, payload: { body: ' ' } }), 422, 'INVALID_COMMENT');
    expectStatus(await consultant.inject({ method: 'POST', url: comments, payload: { body: 'x', replyTo: '00000000-0000-4000-8000-000000000000' } }), 422, 'UNKNOWN_COMMENT');
    expectStatus(await analyst.inject({ method: 'POST', url: comments, payload: { body: 'analysts only read' } }), 403, 'FORBIDDEN');
    expectStatus(await other.inject({ method: 'POST', url: comments, payload: { body: 'not my state' } }), 404);
    expectStatus(await other.inject({ method: 'GET', url: comments }), 404);

    const reply = expectStatus(await delegate.inject({ method: 'POST', url: comments, payload: { body: 'Yes, 4 places in one shelter.', replyTo: question.id } }), 201);
    expect(reply).toMatchObject({ question: 'shelter_places', replyTo: question.id, author: 'Piotr Delegate' });
    const whole = expectStatus(await admin.inject({ method: 'POST', url: comments, payload: { question: null, body: 'Thanks for replying early.' } }), 201);
    expect(whole.question).toBeNull();

    const resolved = expectStatus(await delegate.inject({ method: 'PATCH', url: `${comments}/${question.id}`, payload: { resolved: true } }), 200);
    expect(resolved).toMatchObject({ id: question.id, resolvedBy: 'Piotr Delegate' });
    expect(resolved.resolvedAt).not.toBeNull();
    // Resolving again keeps the first time and person.
    const again = expectStatus(await consultant.inject({ method: 'PATCH', url: `${comments}/${question.id}`, payload: { resolved: true } }), 200);
    expect(again).toMatchObject({ resolvedAt: resolved.resolvedAt, resolvedBy: 'Piotr Delegate' });
    expectStatus(await other.inject({ method: 'PATCH', url: `${comments}/${question.id}`, payload: { resolved: true } }), 404);
    expectStatus(await analyst.inject({ method: 'PATCH', url: `${comments}/${question.id}`, payload: { resolved: true } }), 403);
    expectStatus(await consultant.inject({ method: 'PATCH', url: `${responsesPath(1, 'DE', '/comments')}/${question.id}`, payload: { resolved: true } }), 404, 'COMMENT_NOT_FOUND');
    expectStatus(await consultant.inject({ method: 'PATCH', url: `${comments}/not-a-uuid`, payload: { resolved: true } }), 400);

    const list = expectStatus(await analyst.inject({ method: 'GET', url: comments }), 200);
    expect(list.map((c: { id: string }) => c.id)).toEqual([question.id, reply.id, whole.id]);
    const board = expectStatus(await consultant.inject({ method: 'GET', url: responsesPath(1) }), 200);
    expect(board.find((row: { memberState: string }) => row.memberState === 'PL').openComments).toBe(2);
  });
});
