import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildTestApp } from '../../helpers/build-test-app.js';
import { signInAs, type Caller } from '../../helpers/people.js';
import { complete, expectStatus, read, responsesPath, revisionsOf, save, signInNamed, SURVEY } from '../responses/support.js';

const boardPath = (version: number, survey = SURVEY) => `/api/surveys/${survey}/versions/${version}/review-board`;

interface Row {
  memberState: string;
  memberStateName: string;
  memberStateActive: boolean;
  status: string;
  revision: number;
  progress: number;
  openComments: number;
  lastActivity: { at: string; by: string } | null;
  submittedAt: string | null;
  daysSinceSubmission: number | null;
  resubmitted: boolean;
}

/** What the board shares with GET …/responses, computed by the same rules. */
type Shared = 'memberState' | 'memberStateName' | 'status' | 'revision' | 'progress' | 'openComments' | 'submittedAt';

const notStarted = (memberState: string, memberStateName: string): Row => ({
  memberState,
  memberStateName,
  memberStateActive: true,
  status: 'not_started',
  revision: 0,
  progress: 0,
  openComments: 0,
  lastActivity: null,
  submittedAt: null,
  daysSinceSubmission: null,
  resubmitted: false,
});

/**
 * The review board of a version, from replies made through the real routes in every status: one
 * row per member state with status, progress, open comments, who acted last, how long a
 * submitted reply has waited and whether it came back resubmitted; a summary by status; and one
 * statement per version however many states there are.
 */
describe('the review board', () => {
  let app: FastifyInstance;
  let consultant: Caller;
  beforeAll(async () => {
    app = await buildTestApp();
    consultant = await signInNamed(app, 'consultant', null, 'Carla Consultant');
  });
  afterAll(() => app.close());

  const post = (caller: Caller, state: string, action: string, payload?: object, version = 1) =>
    caller.inject({ method: 'POST', url: responsesPath(version, state, `/${action}`), ...(payload ? { payload } : {}) });
  const board = async (caller: Caller, version = 1) => expectStatus(await caller.inject({ method: 'GET', url: boardPath(version) }), 200);
  const latest = async (state: string, version = 1) => (await revisionsOf(consultant, state, version)).at(-1)!;
  const submitted = async (delegate: Caller, state: string) => {
    const { revision } = await read(delegate, state);
    expectStatus(await post(delegate, state, 'submit', { revision }), 200);
  };

  it('shows every state’s reply in every status, with its comments, last author and waiting time', async () => {
    const answers = complete(1);
    const estonia = await signInNamed(app, 'delegate', 'EE', 'Eeva Tamm');
    const latvia = await signInNamed(app, 'delegate', 'LV', 'Laila Ozola');
    const lithuania = await signInNamed(app, 'delegate', 'LT', 'Lina Jonaitė');
    const finland = await signInNamed(app, 'delegate', 'FI', 'Fanni Virtanen');
    const denmark = await signInNamed(app, 'delegate', 'DK', 'Dorte Jensen');
    const denmarkToo = await signInNamed(app, 'delegate', 'DK', 'Mads Nielsen');

    // Estonia: submitted and accepted.
    expectStatus(await save(estonia, 'EE', { baseRevision: 0, set: answers }), 200);
    await submitted(estonia, 'EE');
    expectStatus(await post(consultant, 'EE', 'accept'), 200);

    // Latvia: submitted, waiting for the consultant.
    expectStatus(await save(latvia, 'LV', { baseRevision: 0, set: answers }), 200);
    await submitted(latvia, 'LV');

    // Lithuania: returned with a message; a question comment and the delegate's reply to it; one resolved.
    expectStatus(await save(lithuania, 'LT', { baseRevision: 0, set: answers }), 200);
    await submitted(lithuania, 'LT');
    expectStatus(await post(consultant, 'LT', 'return', { message: 'Please give the number of shelter places.' }), 200);
    const question = expectStatus(await post(consultant, 'LT', 'comments', { question: 'main_gaps', body: 'Which gaps come first?' }), 201);
    expectStatus(await post(lithuania, 'LT', 'comments', { replyTo: question.id, body: 'Funding, then data.' }), 201);
    const aside = expectStatus(await post(consultant, 'LT', 'comments', { body: 'Thank you for the annex.' }), 201);
    expectStatus(await lithuania.inject({ method: 'PATCH', url: responsesPath(1, 'LT', `/comments/${aside.id}`), payload: { resolved: true } }), 200);

    // Finland: returned, changed and submitted again.
    expectStatus(await save(finland, 'FI', { baseRevision: 0, set: answers }), 200);
    await submitted(finland, 'FI');
    expectStatus(await post(consultant, 'FI', 'return', { message: 'Please say who coordinates.' }), 200);
    const { revision: returnedAt } = await read(finland, 'FI');
    expectStatus(await save(finland, 'FI', { baseRevision: returnedAt, set: { main_gaps: 'Coordination across regions.' } }), 200);
    await submitted(finland, 'FI');

    // Denmark: a draft with part of the answers, the last save by a second delegate.
    expectStatus(await save(denmark, 'DK', { baseRevision: 0, set: { main_gaps: 'Data collection.' } }), 200);
    expectStatus(await save(denmarkToo, 'DK', { baseRevision: 1, set: { action_plan: answers.action_plan } }), 200);

    // Latvia has waited three days and a few hours; Finland's second submission is today.
    await app.db
      .updateTable('responses')
      .set({ submitted_at: sql<Date>`now() - interval '3 days 5 hours'` })
      .where('member_state_code', '=', 'LV')
      .where('version', '=', 1)
      .execute();

    const reply = async (state: string, version = 1) => {
      const detail = await read(consultant, state, version);
      const last = await latest(state, version);
      return { revision: detail.revision, progress: detail.progress, submittedAt: detail.submittedAt, lastActivity: { at: last.at, by: last.author } };
    };
    const result = await board(consultant);
    expect(result).toEqual({
      surveyId: SURVEY,
      version: 1,
      rows: [
        { ...notStarted('DK', 'Denmark'), status: 'draft', ...(await reply('DK')), openComments: 0 },
        { ...notStarted('EE', 'Estonia'), status: 'accepted', ...(await reply('EE')), progress: 1 },
        { ...notStarted('FI', 'Finland'), status: 'submitted', ...(await reply('FI')), progress: 1, openComments: 1, daysSinceSubmission: 0, resubmitted: true },
        notStarted('DE', 'Germany'),
        notStarted('IS', 'Iceland'),
        { ...notStarted('LV', 'Latvia'), status: 'submitted', ...(await reply('LV')), progress: 1, daysSinceSubmission: 3 },
        { ...notStarted('LT', 'Lithuania'), status: 'returned', ...(await reply('LT')), progress: 1, openComments: 3 },
        notStarted('NO', 'Norway'),
        notStarted('PL', 'Poland'),
        notStarted('RU', 'Russian Federation'),
        notStarted('SE', 'Sweden'),
      ],
      summary: { accepted: 1, submitted: 2, returned: 1, draft: 1, notStarted: 6 },
    });
    const rows = result.rows as Row[];
    const row = (state: string) => rows.find((r) => r.memberState === state)!;
    // Who acted last, and what: the second Danish delegate's save, the consultant's acceptance and return.
    expect(row('DK').lastActivity?.by).toBe('Mads Nielsen');
    expect(row('EE').lastActivity?.by).toBe('Carla Consultant');
    expect(row('LT').lastActivity?.by).toBe('Carla Consultant');
    expect(row('FI').lastActivity?.by).toBe('Fanni Virtanen');
    expect(row('DK').progress).toBeGreaterThan(0);
    expect(row('DK').progress).toBeLessThan(1);
    // Only a submitted reply waits: the accepted one was submitted too, but counts no days.
    expect(row('EE').submittedAt).not.toBeNull();
    expect(row('EE').daysSinceSubmission).toBeNull();

    // Another version has its own board.
    expect((await board(consultant, 2)).summary).toEqual({ accepted: 0, submitted: 0, returned: 0, draft: 0, notStarted: 11 });
  });

  it('agrees with the responses list on status, revision, progress, open comments and submission', async () => {
    const admin = await signInAs(app, 'admin');
    const list = expectStatus(await admin.inject({ method: 'GET', url: responsesPath(1) }), 200) as Array<{ [K in Shared]: unknown }>;
    const rows = (await board(admin)).rows as Row[];
    const pick = ({ memberState, memberStateName, status, revision, progress, openComments, submittedAt }: { [K in Shared]: unknown }) => ({
      memberState,
      memberStateName,
      status,
      revision,
      progress,
      openComments,
      submittedAt,
    });
    expect(rows.map(pick)).toEqual(list.map(pick));
    expect(rows.some((r) => r.openComments > 0 && r.progress > 0)).toBe(true);
  });

  it('counts resolving and reopening a comment at once', async () => {
    const { id } = expectStatus(await post(consultant, 'LV', 'comments', { question: 'main_gaps', body: 'Is this still true?' }), 201);
    const open = async () => ((await board(consultant)).rows as Row[]).find((r) => r.memberState === 'LV')!.openComments;
    expect(await open()).toBe(1);
    const resolve = (resolved: boolean) => consultant.inject({ method: 'PATCH', url: responsesPath(1, 'LV', `/comments/${id}`), payload: { resolved } });
    expectStatus(await resolve(true), 200);
    expect(await open()).toBe(0);
    expectStatus(await resolve(false), 200);
    expect(await open()).toBe(1);
  });

  it('says a reply reopened after acceptance and submitted again is resubmitted, and a first submission is not', async () => {
    const poland = await signInNamed(app, 'delegate', 'PL', 'Piotr Nowak');
    expectStatus(await save(poland, 'PL', { baseRevision: 0, set: complete(1) }), 200);
    await submitted(poland, 'PL');
    const row = async () => ((await board(consultant)).rows as Row[]).find((r) => r.memberState === 'PL')!;
    expect(await row()).toMatchObject({ status: 'submitted', resubmitted: false, daysSinceSubmission: 0 });
    expectStatus(await post(consultant, 'PL', 'accept'), 200);
    expect(await row()).toMatchObject({ status: 'accepted', resubmitted: false, daysSinceSubmission: null });
    expectStatus(await post(consultant, 'PL', 'reopen', { reason: 'The 2009 figures were revised.' }), 200);
    expect(await row()).toMatchObject({ status: 'returned', resubmitted: false, daysSinceSubmission: null });
    await submitted(poland, 'PL');
    expect(await row()).toMatchObject({ status: 'submitted', resubmitted: true, daysSinceSubmission: 0, lastActivity: { by: 'Piotr Nowak' } });
  });

  it('lists an inactive state only while it has a reply, marked inactive', async () => {
    const sweden = await signInNamed(app, 'delegate', 'SE', 'Sven Berg');
    expectStatus(await save(sweden, 'SE', { baseRevision: 0, set: { main_gaps: 'Victim identification.' } }), 200);
    await app.memberStates.update('SE', { active: false });
    await app.memberStates.update('NO', { active: false });
    try {
      const { rows, summary } = await board(consultant);
      const codes = (rows as Row[]).map((r) => r.memberState);
      expect(codes).toContain('SE');
      expect(codes).not.toContain('NO');
      expect((rows as Row[]).find((r) => r.memberState === 'SE')).toMatchObject({ memberStateActive: false, status: 'draft', lastActivity: { by: 'Sven Berg' } });
      expect(summary.notStarted).toBe((rows as Row[]).filter((r) => r.status === 'not_started').length);
    } finally {
      await app.memberStates.update('SE', { active: true });
      await app.memberStates.update('NO', { active: true });
    }
  });

  it('computes a reply’s progress once per revision: the statement carries only the answers of replies changed since', async () => {
    const germany = await signInNamed(app, 'delegate', 'DE', 'Greta Becker');
    const { main_gaps, action_plan } = complete(1);
    expectStatus(await save(germany, 'DE', { baseRevision: 0, set: { main_gaps } }), 200);
    const executor = app.db.getExecutor();
    /** The board, and how many replies' answers its statement brought out of the database. */
    const boardAndAnswersRead = async () => {
      const execute = executor.executeQuery.bind(executor);
      let answers = 0;
      const statements = vi.spyOn(executor, 'executeQuery').mockImplementation(async (query) => {
        const result = await execute(query);
        if (query.sql.includes('review_comments')) answers = result.rows.filter((row) => (row as { data?: unknown }).data != null).length;
        return result;
      });
      try {
        const { rows } = await board(consultant);
        return { germany: (rows as Row[]).find((r) => r.memberState === 'DE')!, answers };
      } finally {
        statements.mockRestore();
      }
    };

    const first = await boardAndAnswersRead();
    expect(first.answers).toBeGreaterThan(0);
    expect(first.germany.progress).toBe((await read(consultant, 'DE')).progress);
    const again = await boardAndAnswersRead();
    expect(again.answers).toBe(0);
    expect(again.germany).toEqual(first.germany);

    // A save moves the reply to a new revision: its answers are read again, and its progress follows.
    expectStatus(await save(germany, 'DE', { baseRevision: 1, set: { action_plan } }), 200);
    const after = await boardAndAnswersRead();
    expect(after.answers).toBe(1);
    expect(after.germany.revision).toBe(2);
    expect(after.germany.progress).toBe((await read(consultant, 'DE')).progress);
    expect(after.germany.progress).toBeGreaterThan(first.germany.progress);
  });

  it('reads the board in one statement, however many member states have replies', async () => {
    const statementsFor = async (version: number) => {
      await board(consultant, version); // the questionnaire is compiled and cached on the first read
      const executor = app.db.getExecutor();
      const statements = vi.spyOn(executor, 'executeQuery');
      try {
        await board(consultant, version);
        // Signing the caller in (the session) is not the board's.
        return statements.mock.calls.map(([query]) => query.sql).filter((text) => !/"sessions"|"api_tokens"/.test(text));
      } finally {
        statements.mockRestore();
      }
    };
    expect(await statementsFor(1)).toHaveLength(1);

    const { version } = await app.surveys.publishNextVersion(SURVEY, (await app.surveys.getVersion(SURVEY, 1)).definition);
    // Through the services rather than signed in over HTTP: 25 password hashes would only add seconds.
    for (let n = 1; n <= 25; n += 1) {
      const code = `BOARD-${String(n).padStart(2, '0')}`;
      await app.memberStates.create(code, `Board state ${n}`);
      const person = await app.users.create({ email: `board-${n}@example.org`, name: `Delegate ${n}`, role: 'delegate', memberState: code });
      const actor = { user: person, ip: null };
      const target = { surveyId: SURVEY, version, memberState: code };
      await app.responses.save(target, actor, { baseRevision: 0, set: { main_gaps: `Gap ${n}` } });
      await app.responses.comments.create(target, actor, { body: `Note ${n}` });
    }
    expect(await statementsFor(version)).toHaveLength(1);
    const { rows, summary } = await board(consultant, version);
    expect(rows).toHaveLength(36);
    expect(summary).toEqual({ accepted: 0, submitted: 0, returned: 0, draft: 25, notStarted: 11 });
    expect((rows as Row[]).filter((r) => r.openComments === 1)).toHaveLength(25);
  });

  it('answers 404 for an unknown version or questionnaire, and 400 for a malformed one', async () => {
    expectStatus(await consultant.inject({ method: 'GET', url: boardPath(99) }), 404, 'SURVEY_VERSION_NOT_FOUND');
    expectStatus(await consultant.inject({ method: 'GET', url: boardPath(1, 'no-such-survey') }), 404, 'SURVEY_VERSION_NOT_FOUND');
    expectStatus(await consultant.inject({ method: 'GET', url: boardPath(0) }), 400);
    expectStatus(await consultant.inject({ method: 'GET', url: '/api/surveys/national-cooperation/versions/one/review-board' }), 400);
  });

  it('is refused to delegates and analysts, and documented in the OpenAPI under review', async () => {
    for (const role of ['delegate', 'analyst'] as const) {
      const caller = await signInAs(app, role);
      expectStatus(await caller.inject({ method: 'GET', url: boardPath(1) }), 403, 'FORBIDDEN');
    }
    const docs = expectStatus(await app.inject({ method: 'GET', url: '/api/docs/json' }), 200);
    const operation = docs.paths['/api/surveys/{surveyId}/versions/{version}/review-board'].get;
    expect(operation.tags).toEqual(['review']);
    expect(Object.keys(operation.responses['200'].content['application/json'].schema.properties)).toEqual(['surveyId', 'version', 'rows', 'summary']);
  });
});
