import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { SessionUser } from '../auth/principal.js';
import { projectRoot } from '../config.js';
import { AppError } from '../http/errors.js';
import type { JsonObject } from '../questionnaire/index.js';
import type { Actor, ResponseTarget } from '../responses/target.js';
import type { ShownStatus } from '../responses/service.js';
import { DEMO_PASSWORD, delegateAccount, ensureAccount, STAFF_ACCOUNTS, type DemoAccount } from './accounts.js';
import { createAnswerMaker, type AnswerMaker, type Place } from './answers.js';
import { DEMO_STATES, headlineAnswers, type DemoState } from './demo-states.js';
import { aYearOn } from './development.js';
import { seededRandom } from './random.js';
import { realUsers } from './real-users.js';
import { createReviewer } from './review.js';

export const DEMO_SURVEY = 'national-cooperation';

/** The complete Estonian replies the tests use too: the one source of realistic answers. */
const BASE_REPLIES = path.join(projectRoot, 'tests', 'fixtures', 'national-cooperation');
const BASE_PLACE: Place = { name: 'Estonia', country: 'EE', capital: 'Tallinn', domain: 'ee' };

/** The demo would not be safe or cannot work here; nothing has been written. */
export class DemoRefusedError extends Error {}

export interface DemoOptions {
  /** A production environment (NODE_ENV=production): refused unless `force`. */
  readonly production?: boolean;
  /** Go on in production, or on a database with real users. */
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
 * replies of the eleven member states in both rounds: the 2009 baseline (version 1) reviewed,
 * the 2010 follow-up (version 2) mostly answered, started from each state's 2009 answers a year
 * on — replies in every status, review threads, and each state's publication consent. Everything
 * goes through the services a person would use, so it is checked as their work would be. What
 * exists is left alone, so running it again changes nothing.
 */
export async function seedDemo(app: FastifyInstance, options: DemoOptions = {}): Promise<DemoReport> {
  if (options.production && !options.force) {
    throw new DemoRefusedError(
      `This is a production environment (NODE_ENV=production), and the demo makes accounts for every role, administrator included, with the published password ${DEMO_PASSWORD}. ` +
        'Run it on a database that is only for trying the app out, or pass --force if this one is.',
    );
  }
  if (!options.force) {
    const real = await realUsers(app);
    if (real.length > 0) {
      const named = real.slice(0, 3).join(', ') + (real.length > 3 ? ` and ${real.length - 3} more` : '');
      throw new DemoRefusedError(
        `This database has real users (${named}), and the demo would add accounts for every role, administrator included, with the published password ${DEMO_PASSWORD}. ` +
          'Use a database that is only for trying the app out (another DATA_DIR or DATABASE_URL), or pass --force if this one is.',
      );
    }
  }
  // Before anything is written: without its base replies the demo cannot finish.
  const [v1, v2] = await Promise.all([answerMaker(app, 1, options.baseReplies), answerMaker(app, 2, options.baseReplies)]);
  const makers = { 1: v1, 2: v2 } as const;
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

  const reviewer = createReviewer(app);
  // The 2009 round first: the 2010 replies start from it.
  for (const version of [1, 2] as const) {
    for (const state of states) {
      const outcome = state.outcome[version];
      if (outcome === null) continue;
      const target = { surveyId: DEMO_SURVEY, version, memberState: state.code };
      await record(target, async () => {
        const delegate = actor(state.code);
        const given = version === 1 ? headlineAnswers(state, 1) : { ...(await aYearOnFrom2009(app, target, state)), ...headlineAnswers(state, 2) };
        const reply = makers[version].complete(state, seededRandom(`${state.code}/${version}`), given);
        if (typeof outcome === 'object') {
          await saveByPages(app, makers[version], target, delegate, makers[version].firstPages(reply, outcome.draft));
          return;
        }
        const revision = await saveByPages(app, makers[version], target, delegate, reply);
        await app.responses.submit(target, delegate, revision);
        await reviewer.review(target, outcome, { delegate, consultant: actor('consultant') });
      });
    }
  }

  return { accounts, responses, skippedStates };
}

/** As a delegate starts the follow-up: from the state's 2009 answers, carried through the crosswalk, a year on. */
async function aYearOnFrom2009(app: FastifyInstance, target: ResponseTarget, state: DemoState): Promise<JsonObject> {
  const carried = await app.responses.prefill(target).catch((error: unknown) => {
    if (error instanceof AppError && error.code === 'NO_EARLIER_RESPONSE') return { data: {} };
    throw error;
  });
  const { questionnaire } = await app.questionnaires.load(DEMO_SURVEY, target.version);
  return aYearOn(carried.data, seededRandom(`${state.code}/a-year-on`), questionnaire.catalogue);
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
