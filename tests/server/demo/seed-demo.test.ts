import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { DEMO_PASSWORD } from '../../../server/demo/accounts.js';
import { DEMO_STATES } from '../../../server/demo/demo-states.js';
import { DEMO_SURVEY, DemoRefusedError, seedDemo, type DemoReport } from '../../../server/demo/seed.js';
import { buildTestApp } from '../../helpers/build-test-app.js';
import { signIn, type Caller } from '../../helpers/people.js';

type Summary = { memberState: string; status: string; revision: number; progress: number; openComments: number };

/** `npm run demo`: demo accounts for every role and plausible replies of all eleven states. */
describe('demo data', () => {
  let app: FastifyInstance;
  let first: DemoReport;
  let consultant: Caller;
  const list = async (version: number): Promise<Summary[]> =>
    (await consultant.inject({ method: 'GET', url: `/api/surveys/${DEMO_SURVEY}/versions/${version}/responses` })).json();
  const count = async () => ({
    users: (await app.db.selectFrom('users').select('id').execute()).length,
    revisions: (await app.db.selectFrom('response_revisions').select('revision').execute()).length,
    comments: (await app.db.selectFrom('review_comments').select('id').execute()).length,
  });

  beforeAll(async () => {
    app = await buildTestApp();
    first = await seedDemo(app);
    consultant = await signIn(app, 'consultant@demo.example', DEMO_PASSWORD);
  }, 120_000);
  afterAll(() => app.close());

  it('makes accounts for every role and a delegate per member state, all signing in with the demo password', async () => {
    expect(first.skippedStates).toEqual([]);
    expect(first.accounts.every((account) => account.created)).toBe(true);
    expect(first.accounts.filter((a) => a.role !== 'delegate').map((a) => a.role)).toEqual(['admin', 'consultant', 'analyst']);
    expect(first.accounts.filter((a) => a.role === 'delegate').map((a) => a.memberState)).toEqual(DEMO_STATES.map((s) => s.code));
    for (const email of ['admin@demo.example', 'analyst@demo.example', 'delegate.ee@demo.example', 'delegate.ru@demo.example']) {
      expect((await signIn(app, email, DEMO_PASSWORD)).user.mustChangePassword).toBe(false);
    }
  });

  it('gives every state a 2009 reply: mostly submitted or accepted, a couple returned with comments', async () => {
    const rows = await list(1);
    expect(rows.map((row) => row.memberState)).toEqual(DEMO_STATES.map((s) => s.code));
    const statuses = rows.map((row) => row.status);
    expect(statuses.filter((s) => s === 'returned')).toHaveLength(2);
    expect(statuses.filter((s) => s === 'accepted' || s === 'submitted')).toHaveLength(9);
    expect(statuses.filter((s) => s === 'accepted').length).toBeGreaterThan(statuses.filter((s) => s === 'submitted').length);
    for (const row of rows) {
      expect(row.progress, row.memberState).toBe(1);
      expect(row.openComments, row.memberState).toBe(row.status === 'returned' ? 2 : 0);
    }
  });

  it('has the 2010 follow-up under way: one or two submitted, drafts at various progress, the rest not started', async () => {
    const rows = await list(2);
    const submitted = rows.filter((row) => row.status === 'submitted');
    const drafts = rows.filter((row) => row.status === 'draft');
    expect(submitted.length).toBeGreaterThanOrEqual(1);
    expect(submitted.length).toBeLessThanOrEqual(2);
    expect(drafts.length).toBeGreaterThanOrEqual(3);
    // Progress counts required questions: a draft may have them all and still be a draft.
    expect(new Set(drafts.map((row) => row.progress)).size).toBe(drafts.length);
    expect(Math.min(...drafts.map((row) => row.progress))).toBeLessThan(0.5);
    expect(rows.filter((row) => row.status === 'not_started').length).toBe(11 - submitted.length - drafts.length);
  });

  it('saves only answers that pass the draft check, and submits only what passes the submit check', async () => {
    const replies = await app.db.selectFrom('responses').select(['version', 'member_state_code', 'status', 'data']).execute();
    expect(replies).toHaveLength(11 + DEMO_STATES.filter((s) => s.v2 !== null).length);
    for (const reply of replies) {
      const { questionnaire } = await app.questionnaires.load(DEMO_SURVEY, reply.version);
      const where = `v${reply.version} ${reply.member_state_code}`;
      expect(questionnaire.checkDraft(reply.data), where).toEqual([]);
      if (reply.status !== 'draft') expect(questionnaire.validateForSubmit(reply.data), where).toEqual([]);
    }
    const revisions = await app.db
      .selectFrom('response_revisions as rv')
      .innerJoin('responses as r', 'r.id', 'rv.response_id')
      .select(['r.version', 'r.member_state_code', 'rv.revision'])
      .execute();
    for (const { version, member_state_code, revision } of revisions) {
      const { data } = await app.responses.revision({ surveyId: DEMO_SURVEY, version, memberState: member_state_code }, revision);
      const { questionnaire } = await app.questionnaires.load(DEMO_SURVEY, version);
      expect(questionnaire.checkDraft(data), `v${version} ${member_state_code} revision ${revision}`).toEqual([]);
    }
  });

  it('gives each state answers of its own, in its own country', async () => {
    const replies = await app.db.selectFrom('responses').select(['member_state_code', 'data']).where('version', '=', 1).execute();
    const byState = new Map(replies.map((reply) => [reply.member_state_code, reply.data]));
    expect(new Set(replies.map((reply) => JSON.stringify({ ...reply.data, contact_person: null, organisations: null }))).size).toBe(11);
    expect(new Set(replies.map((reply) => JSON.stringify(reply.data.cooperation_intensity))).size).toBeGreaterThan(5);
    const finland = byState.get('FI')!;
    expect((finland.contact_person as { email: string }).email).toBe('delegate@example.fi');
    expect(JSON.stringify(finland)).not.toContain('Tallinn');
    expect(finland.cbss_cooperation_partners).not.toContain('finland');
  });

  it('starts the 2010 drafts from the state’s 2009 answers, carried through the crosswalk', async () => {
    const [v1, v2] = await Promise.all(
      [1, 2].map((version) =>
        app.db.selectFrom('responses').select('data').where('version', '=', version).where('member_state_code', '=', 'SE').executeTakeFirstOrThrow(),
      ),
    );
    expect(v2!.data.action_plan).toBe(v1!.data.action_plan);
    expect(v2!.data.inter_agency_body).toBe(v1!.data.inter_agency_body);
  });

  it('changes nothing when run again, and says so', async () => {
    const before = await count();
    const again = await seedDemo(app);
    expect(again.accounts.some((account) => account.created)).toBe(false);
    expect(again.responses.some((response) => response.created)).toBe(false);
    expect(again.responses.map(({ version, memberState, status }) => ({ version, memberState, status }))).toEqual(
      first.responses.map(({ version, memberState, status }) => ({ version, memberState, status })),
    );
    expect(await count()).toEqual(before);
  });

  it('refuses, writing nothing, in a production environment unless forced, and without its base replies', async () => {
    const fresh = await buildTestApp();
    try {
      const users = async () => (await fresh.db.selectFrom('users').select('id').execute()).length;
      const before = await users();
      await expect(seedDemo(fresh, { production: true })).rejects.toThrow(/production environment.*--force/);
      await expect(seedDemo(fresh, { production: true, force: true, baseReplies: '/nonexistent' })).rejects.toThrow(/only a source checkout has/);
      await expect(seedDemo(fresh, { baseReplies: '/nonexistent' })).rejects.toBeInstanceOf(DemoRefusedError);
      expect(await users()).toBe(before);
    } finally {
      await fresh.close();
    }
  });
});
