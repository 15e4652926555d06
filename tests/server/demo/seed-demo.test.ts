import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { DEMO_PASSWORD } from '../../../server/demo/accounts.js';
import { prepareDemo } from '../../../server/demo/at-start.js';
import { demoArguments } from '../../../server/demo/arguments.js';
import { ensureFirstAdmin } from '../../../server/people/first-admin.js';
import { DEMO_STATES } from '../../../server/demo/demo-states.js';
import { DEVELOPMENT_SCALES, WIDENING_QUESTIONS } from '../../../server/demo/development.js';
import { DEMO_SURVEY, DemoRefusedError, seedDemo, type DemoReport } from '../../../server/demo/seed.js';
import { valueAt } from '../../../server/questionnaire/index.js';
import type { JsonObject } from '../../../server/questionnaire/index.js';
import { buildTestApp } from '../../helpers/build-test-app.js';
import { signIn, type Caller } from '../../helpers/people.js';

type Summary = { memberState: string; status: string; revision: number; progress: number; openComments: number };
type Reply = { version: number; member_state_code: string; status: string; data: JsonObject };
/** Replies an analysis counts by default. */
const COUNTED = new Set(['submitted', 'accepted']);

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

  const all = async (version: number): Promise<Reply[]> =>
    (await app.db.selectFrom('responses').select(['version', 'member_state_code', 'status', 'data']).where('version', '=', version).execute()) as Reply[];
  const counted = async (version: number) => (await all(version)).filter((reply) => COUNTED.has(reply.status));

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

  it('gives every state a 2009 reply: mostly submitted or accepted, a couple returned with comment threads', async () => {
    const rows = await list(1);
    expect(rows.map((row) => row.memberState)).toEqual(DEMO_STATES.map((s) => s.code));
    const statuses = rows.map((row) => row.status);
    expect(statuses.filter((s) => s === 'returned')).toHaveLength(2);
    expect(statuses.filter((s) => s === 'accepted' || s === 'submitted')).toHaveLength(9);
    expect(statuses.filter((s) => s === 'accepted').length).toBeGreaterThan(statuses.filter((s) => s === 'submitted').length);
    for (const row of rows) {
      expect(row.progress, row.memberState).toBe(1);
      // Returned: the comment on an answer, the delegate's reply to it, and the return message.
      expect(row.openComments, row.memberState).toBe(row.status === 'returned' ? 3 : 0);
    }
  });

  it('has the 2010 follow-up answered by most states, in every status, one not started', async () => {
    const rows = await list(2);
    const byStatus = (status: string) => rows.filter((row) => row.status === status).map((row) => row.memberState);
    expect(byStatus('accepted')).toEqual(['DK', 'FI', 'LT', 'SE']);
    expect(byStatus('submitted')).toEqual(['EE', 'DE', 'NO']);
    expect(byStatus('returned')).toEqual(['LV']);
    expect(byStatus('draft')).toEqual(['IS', 'PL']);
    expect(byStatus('not_started')).toEqual(['RU']);
    expect(rows.filter((row) => COUNTED.has(row.status))).toHaveLength(7);
    for (const row of rows) if (row.status !== 'draft' && row.status !== 'not_started') expect(row.progress, row.memberState).toBe(1);
    // Progress counts required questions: a draft may have them all and still be a draft.
    const drafts = rows.filter((row) => row.status === 'draft');
    expect(new Set(drafts.map((row) => row.progress)).size).toBe(drafts.length);
    expect(Math.min(...drafts.map((row) => row.progress))).toBeLessThan(0.5);
  });

  it('leaves comment threads on the returned replies, and a resolved one on a corrected reply', async () => {
    const comments = (version: number, memberState: string) => app.responses.comments.list({ surveyId: DEMO_SURVEY, version, memberState });
    for (const [version, state, threads] of [[1, 'IS', 1], [1, 'RU', 1], [2, 'LV', 2]] as const) {
      const all = await comments(version, state);
      const onAnswers = all.filter((c) => c.question !== null && c.replyTo === null);
      expect(onAnswers, `v${version} ${state}`).toHaveLength(threads);
      for (const comment of onAnswers) {
        const replies = all.filter((c) => c.replyTo === comment.id);
        expect(replies.map((r) => [r.question, r.author]), `v${version} ${state}`).toEqual([[comment.question, expect.stringContaining('Demo Delegate')]]);
      }
      // The return message: a comment on the whole reply.
      expect(all.filter((c) => c.question === null)).toHaveLength(1);
      expect(all.every((c) => c.resolvedAt === null)).toBe(true);
    }
    const finland = { surveyId: DEMO_SURVEY, version: 2, memberState: 'FI' };
    const thread = await app.responses.comments.list(finland);
    expect(thread.length).toBe(3);
    expect(thread.every((c) => c.resolvedAt !== null)).toBe(true);
    const history = await consultant.inject({ method: 'GET', url: `/api/surveys/${DEMO_SURVEY}/versions/2/responses/FI/revisions` });
    const kinds = (history.json() as Array<{ kind?: string; status: string }>).map((r) => r.status);
    expect(kinds).toEqual(expect.arrayContaining(['returned', 'submitted', 'accepted']));
    expect(((await app.responses.get(finland)).data as JsonObject).reference_period).toBe('January 2009 – March 2010');
  });

  it('varies publication consent: most as received, one or two anonymised, one not for publication, in each round', async () => {
    for (const version of [1, 2]) {
      const replies = await counted(version);
      const consents = replies.map((reply) => reply.data.consent_publish);
      const anonymised = consents.filter((c) => c === 'anonymised').length;
      expect(anonymised, `v${version}`).toBeGreaterThanOrEqual(1);
      expect(anonymised, `v${version}`).toBeLessThanOrEqual(2);
      expect(consents.filter((c) => c === 'not_for_publication'), `v${version}`).toHaveLength(1);
      expect(consents.filter((c) => c === 'as_received').length, `v${version}`).toBeGreaterThan(replies.length / 2);
    }
  });

  it("gives the named tables' questions answers of several kinds, for the chart and the map", async () => {
    const stored = await app.db.selectFrom('surveys').select('comparison_tables').where('id', '=', DEMO_SURVEY).executeTakeFirstOrThrow();
    const tables = (stored.comparison_tables as { tables: Array<{ id: string; questions: string[] }> }).tables;
    for (const version of [1, 2]) {
      const { questionnaire } = await app.questionnaires.load(DEMO_SURVEY, version);
      const replies = await counted(version);
      const kindsOf = (path: readonly string[]) => new Set(replies.map((reply) => valueAt(reply.data, path)).filter((value) => value !== undefined)).size;
      // Single-choice variables (a question, or a matrix row) outside repeated panels: what the chart counts and the map colours.
      const choiceVariables = questionnaire.catalogue.variables.filter((v) => v.type === 'choice' && !v.repeat);
      const alike: string[] = [];
      let questions = 0;
      for (const table of tables) {
        const shown = choiceVariables.filter((variable) => table.questions.includes(variable.question));
        if (shown.length === 0) continue;
        expect(Math.max(...shown.map((variable) => kindsOf(variable.path))), `v${version} ${table.id}`).toBeGreaterThanOrEqual(3);
        for (const variable of shown.filter((v) => v.path.length === 1)) {
          questions++;
          if (kindsOf(variable.path) < 2) alike.push(variable.key);
        }
      }
      // Nearly every question shows two colours or more, bar the odd one every state answers alike.
      expect(alike.length, `v${version}: ${alike.join(', ')}`).toBeLessThanOrEqual(Math.floor(questions * 0.1));
    }
  });

  it('changes plausibly from 2009 to 2010: more formal referral mechanisms, arrangements a step further, more actors, never back', async () => {
    const formal = async (version: number) => (await all(version)).filter((reply) => reply.data.national_referral_mechanism === 'formal').length;
    expect(await formal(1)).toBe(4);
    expect(await formal(2)).toBe(7);
    const scale = (question: string, value: unknown) => DEVELOPMENT_SCALES[question]!.indexOf(String(value));
    let stepped = 0;
    let widened = 0;
    for (const reply of (await all(2)).filter((r) => r.status !== 'draft')) {
      const target = { surveyId: DEMO_SURVEY, version: 2, memberState: reply.member_state_code };
      // The 2009 answers in 2010's names and codes, as the follow-up started from them.
      const carried = (await app.responses.prefill(target)).data;
      for (const question of Object.keys(DEVELOPMENT_SCALES)) {
        const before = carried[question];
        const after = reply.data[question];
        if (before === undefined || after === undefined) continue;
        const pairs = typeof before === 'string' ? [[before, after]] : Object.keys(before as JsonObject).map((row) => [(before as JsonObject)[row], (after as JsonObject)[row]]);
        for (const [from, to] of pairs) {
          if (scale(question, from) < 0 || scale(question, to) < 0) continue;
          expect(scale(question, to), `${reply.member_state_code} ${question}: ${String(from)} → ${String(to)}`).toBeGreaterThanOrEqual(scale(question, from));
          if (to !== from) stepped++;
        }
      }
      for (const question of WIDENING_QUESTIONS) {
        const before = carried[question];
        const after = reply.data[question];
        if (!Array.isArray(before) || !Array.isArray(after)) continue;
        expect(after, `${reply.member_state_code} ${question}`).toEqual(expect.arrayContaining(before));
        widened += after.length - before.length;
      }
      // Facts of the year are the year's own.
      expect(reply.data.victim_data_year, reply.member_state_code).toBe(2009);
    }
    expect(stepped).toBeGreaterThanOrEqual(10);
    expect(widened).toBeGreaterThanOrEqual(3);
    for (const reply of await all(1)) expect(reply.data.victim_data_year, reply.member_state_code).toBe(2008);
  });

  it('steps only along codes the 2010 questions offer, and adds ticks only to multiple-choice questions', async () => {
    const { questionnaire } = await app.questionnaires.load(DEMO_SURVEY, 2);
    for (const question of WIDENING_QUESTIONS) {
      expect(questionnaire.catalogue.variables.some((v) => v.question === question && v.type === 'checkbox-choice'), question).toBe(true);
    }
    for (const [question, codes] of Object.entries(DEVELOPMENT_SCALES)) {
      const offered = new Set(
        questionnaire.catalogue.variables
          .filter((v) => v.question === question)
          .flatMap((v) => ('choices' in v ? v.choices.map((c) => c.value) : [])),
      );
      expect(offered.size, question).toBeGreaterThan(0);
      for (const code of codes) expect(offered.has(code), `${question}: ${code}`).toBe(true);
    }
  });

  it('saves only answers that pass the draft check, and submits only what passes the submit check', async () => {
    const replies = await app.db.selectFrom('responses').select(['version', 'member_state_code', 'status', 'data']).execute();
    expect(replies).toHaveLength(11 + DEMO_STATES.filter((s) => s.outcome[2] !== null).length);
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
    expect((finland.contact_person as { email: string }).email).toBe('anne.virtanen@example.fi');
    expect(JSON.stringify(finland)).not.toContain('Tallinn');
    expect(finland.cbss_cooperation_partners).not.toContain('FI');
  });

  it('starts the 2010 replies from the state’s 2009 answers, carried through the crosswalk', async () => {
    for (const state of ['PL', 'SE']) {
      const [v1, v2] = await Promise.all(
        [1, 2].map((version) =>
          app.db.selectFrom('responses').select('data').where('version', '=', version).where('member_state_code', '=', state).executeTakeFirstOrThrow(),
        ),
      );
      expect(v2!.data.institution_type, state).toBe(v1!.data.institution_type);
      expect(v2!.data.organisations, state).toEqual(v1!.data.organisations);
    }
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

  it('at `npm run demo` (the server started with --demo) says what is there and returns the accounts to show', async () => {
    expect(demoArguments(['--demo'])).toEqual({ force: false });
    expect(demoArguments(['--demo', '--force'])).toEqual({ force: true });
    expect(demoArguments([])).toBeNull();
    const said: string[] = [];
    const accounts = await prepareDemo(app, { force: false }, (line) => said.push(line));
    expect(said.join('\n')).toMatch(/Accounts: 0 created, 14 already there/);
    expect(accounts[0]).toContain(DEMO_PASSWORD);
    expect(accounts.join('\n')).toMatch(/admin +admin@demo\.example/);
    expect(accounts.join('\n')).toMatch(/delegate +delegate\.ee@demo\.example +EE/);
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

  it('refuses a database with real users unless forced, but not one with only the first administrator npm start made', async () => {
    const fresh = await buildTestApp();
    try {
      const users = async () => (await fresh.db.selectFrom('users').select('id').execute()).length;
      // What npm start makes on an empty database: not a real user while its one-time password is unchanged.
      const firstAdmin = await ensureFirstAdmin(fresh, null);
      expect(firstAdmin.created).toBe(true);
      const missingBase = { baseReplies: '/nonexistent' };
      await expect(seedDemo(fresh, missingBase)).rejects.toThrow(/only a source checkout has/);
      // Once someone has used it, it is.
      await fresh.db.updateTable('users').set({ must_change_password: false }).execute();
      await expect(seedDemo(fresh, missingBase)).rejects.toThrow(/real users \(admin@survey\.local\).*--force/);
      await fresh.users.create({ email: 'maria.tamm@siseministeerium.ee', name: 'Maria Tamm', role: 'delegate', memberState: 'EE', password: 'a-long-real-password' });
      await expect(seedDemo(fresh, missingBase)).rejects.toThrow(/real users \(admin@survey\.local, maria\.tamm@siseministeerium\.ee\)/);
      expect(await users()).toBe(2);
      // Forced, it goes on to its other checks.
      await expect(seedDemo(fresh, { ...missingBase, force: true })).rejects.toThrow(/only a source checkout has/);
    } finally {
      await fresh.close();
    }
  });
});
