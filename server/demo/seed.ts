import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { SessionUser } from '../auth/principal.js';
import { projectRoot } from '../config.js';
import { AppError } from '../http/errors.js';
import type { JsonObject } from '../questionnaire/index.js';
import type { Actor, ResponseTarget } from '../responses/records.js';
import type { ShownStatus } from '../responses/service.js';
import { DEMO_PASSWORD, delegateAccount, ensureAccount, STAFF_ACCOUNTS, type DemoAccount } from './accounts.js';
import { createAnswerMaker, type AnswerMaker, type Place } from './answers.js';
import { DEMO_STATES, type DemoState } from './demo-states.js';
import { seededRandom } from './random.js';

export const DEMO_SURVEY = 'national-cooperation';

/** The complete Estonian replies the tests use too: the one source of realistic answers. */
const BASE_REPLIES = path.join(projectRoot, 'tests', 'fixtures', 'national-cooperation');
const BASE_PLACE: Place = { name: 'Estonia', country: 'estonia', capital: 'Tallinn', domain: 'ee' };

/** What a consultant says when sending a 2009 reply back; the returned states take them in turn. */
const REVIEW_NOTES = [
  {
    question: 'identified_victims',
    comment: 'Are these the figures for 2008? The national report gives other totals for adult women.',
    message: 'Thank you for the reply. Please check the victim figures (see the comment) and submit again.',
  },
  {
    question: 'national_referral_mechanism',
    comment: 'Please describe who refers victims to assistance in practice, even without a written procedure.',
    message: 'Nearly there: one answer needs a few more words (see the comment).',
  },
];

/** The demo would not be safe or cannot work here; nothing has been written. */
export class DemoRefusedError extends Error {}

export interface DemoOptions {
  /** A production environment (NODE_ENV=production): refused unless `force`. */
  readonly production?: boolean;
  readonly force?: boolean;
  /** Where the complete base replies are read from (tests point it elsewhere). */
  readonly baseReplies?: string;
}

export interface DemoReport {
  readonly accounts: ReadonlyArray<DemoAccount & { readonly created: boolean }>;
  readonly responses: ReadonlyArray<{ readonly version: number; readonly memberState: string; readonly status: ShownStatus; readonly created: boolean }>;
  /** Demo states the database lacks or has deactivated: nobody is made for them. */
  readonly skippedStates: readonly string[];
}

/**
 * Fills the database with demo accounts for every role and the national cooperation survey's
 * replies of all eleven member states: the 2009 round (version 1) reviewed, the 2010 follow-up
 * (version 2) under way, its drafts started from each state's 2009 answers. Everything goes
 * through the services a person would use, so it is checked as their work would be. What exists
 * is left alone, so running it again changes nothing.
 */
export async function seedDemo(app: FastifyInstance, options: DemoOptions = {}): Promise<DemoReport> {
  if (options.production && !options.force) {
    throw new DemoRefusedError(
      `This is a production environment (NODE_ENV=production), and the demo makes accounts for every role, administrator included, with the published password ${DEMO_PASSWORD}. ` +
        'Run it on a database that is only for trying the app out, or pass --force if this one is.',
    );
  }
  // Before anything is written: without its base replies the demo cannot finish.
  const [v1, v2] = await Promise.all([answerMaker(app, 1, options.baseReplies), answerMaker(app, 2, options.baseReplies)]);
  const states: Array<DemoState & { name: string }> = [];
  const skippedStates: string[] = [];
  for (const state of DEMO_STATES) {
    const found = await app.memberStates.find(state.code);
    if (found?.active) states.push({ ...state, name: found.name });
    else skippedStates.push(state.code);
  }

  const accounts: Array<DemoAccount & { created: boolean }> = [];
  const people = new Map<string, SessionUser>();
  for (const account of [...STAFF_ACCOUNTS, ...states.map((state) => delegateAccount(state.code, state.name))]) {
    const { user, created } = await ensureAccount(app, account);
    accounts.push({ ...account, created });
    people.set(account.memberState ?? account.role, user);
  }
  const actor = (who: string): Actor => ({ user: people.get(who)!, ip: null });

  const responses: Array<DemoReport['responses'][number]> = [];
  const record = async (target: ResponseTarget, fill: () => Promise<void>) => {
    const before = await app.responses.get(target);
    if (before.status === 'not_started') await fill();
    const { status } = await app.responses.get(target);
    responses.push({ version: target.version, memberState: target.memberState, status, created: before.status === 'not_started' });
  };

  let returned = 0;
  for (const state of states) {
    const target = { surveyId: DEMO_SURVEY, version: 1, memberState: state.code };
    await record(target, async () => {
      const delegate = actor(state.code);
      const consultant = actor('consultant');
      const revision = await saveByPages(app, v1, target, delegate, v1.complete(state, seededRandom(`${state.code}/1`)));
      await app.responses.submit(target, delegate, revision);
      if (state.v1 === 'accepted') await app.responses.accept(target, consultant);
      if (state.v1 === 'returned') {
        const note = REVIEW_NOTES[returned++ % REVIEW_NOTES.length]!;
        await app.responses.comments.create(target, consultant, { question: note.question, body: note.comment });
        await app.responses.returnResponse(target, consultant, note.message);
      }
    });
  }

  for (const state of states) {
    const outcome = state.v2;
    if (outcome === null) continue;
    const target = { surveyId: DEMO_SURVEY, version: 2, memberState: state.code };
    await record(target, async () => {
      const delegate = actor(state.code);
      // As a delegate would start: from the state's 2009 answers, carried through the crosswalk.
      const carried = await app.responses.prefill(target).catch((error: unknown) => {
        if (error instanceof AppError && error.code === 'NO_EARLIER_RESPONSE') return { data: {} };
        throw error;
      });
      const reply = v2.complete(state, seededRandom(`${state.code}/2`), carried.data);
      const data = outcome === 'submitted' ? reply : v2.firstPages(reply, outcome.draft);
      const revision = await saveByPages(app, v2, target, delegate, data);
      if (outcome === 'submitted') await app.responses.submit(target, delegate, revision);
    });
  }

  return { accounts, responses, skippedStates };
}

async function answerMaker(app: FastifyInstance, version: number, baseReplies = BASE_REPLIES): Promise<AnswerMaker> {
  const [{ questionnaire }, { definition }] = await Promise.all([
    app.questionnaires.load(DEMO_SURVEY, version),
    app.surveys.getVersion(DEMO_SURVEY, version),
  ]);
  const file = path.join(baseReplies, `v${version}-complete.json`);
  const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'ENOENT') throw error;
    throw new DemoRefusedError(`The demo's answers are made from ${file}, which only a source checkout has (not the production image): run npm run demo from a checkout of the project.`);
  });
  const base = JSON.parse(text) as JsonObject;
  return createAnswerMaker({ definition, questionnaire, base, baseFrom: BASE_PLACE });
}

/** A few pages at a time, as a delegate works through the questionnaire: each save a revision. */
async function saveByPages(app: FastifyInstance, maker: AnswerMaker, target: ResponseTarget, delegate: Actor, data: JsonObject): Promise<number> {
  const pages = maker.pages(data);
  const perSave = Math.max(1, Math.ceil(pages.length / 3));
  let revision = 0;
  for (let start = 0; start < pages.length; start += perSave) {
    const set = Object.assign({}, ...pages.slice(start, start + perSave)) as JsonObject;
    revision = (await app.responses.save(target, delegate, { baseRevision: revision, set })).revision;
  }
  return revision;
}
