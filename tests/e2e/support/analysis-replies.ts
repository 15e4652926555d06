import fs from 'node:fs';
import path from 'node:path';
import type { APIRequestContext } from 'playwright-core';
import { ADMIN } from './server.js';

/**
 * Replies of a few member states to both rounds of the real questionnaire, made through the API
 * as people make them: the administrator invites a delegate per state, each delegate saves the
 * complete Estonian reply of tests/fixtures varied for their state and submits it, a consultant
 * accepts some. What the analysis browser test then reads is known answer by answer.
 */

const FIXTURES = path.resolve(import.meta.dirname, '..', '..', 'fixtures', 'national-cooperation');
const complete = (version: 1 | 2) => JSON.parse(fs.readFileSync(path.join(FIXTURES, `v${version}-complete.json`), 'utf8')) as Record<string, unknown>;

export type Round = 'submitted' | 'accepted' | 'draft';

export interface StateReplies {
  state: string;
  /** Answers that differ from the Estonian fixture, per version. */
  v1?: { status: Round; answers: Record<string, unknown> };
  v2?: { status: Round; answers: Record<string, unknown> };
}

/** Estonia's own answers are the fixture's: action plan in force in 2009, in preparation in 2010. */
export const REPLIES: readonly StateReplies[] = [
  { state: 'EE', v1: { status: 'accepted', answers: {} }, v2: { status: 'submitted', answers: {} } },
  {
    state: 'LV',
    v1: { status: 'accepted', answers: { action_plan: 'in_preparation', national_referral_mechanism: 'formal', specialised_ngo_count: 3 } },
    v2: { status: 'submitted', answers: { action_plan: 'in_force', national_referral_mechanism: 'formal', specialised_ngo_count: 4 } },
  },
  {
    state: 'FI',
    v1: { status: 'submitted', answers: { national_coordinator: 'planned', specialised_police_unit: 'yes', specialised_ngo_count: 5 } },
    v2: { status: 'submitted', answers: { national_coordinator: 'yes', specialised_police_unit: 'yes', national_referral_mechanism: 'formal', specialised_ngo_count: 6 } },
  },
  {
    state: 'LT',
    v1: { status: 'submitted', answers: { consent_publish: 'anonymised', action_plan: 'in_preparation', specialised_ngo_count: 1 } },
    v2: { status: 'draft', answers: { consent_publish: 'anonymised' } },
  },
  {
    state: 'DK',
    v1: { status: 'submitted', answers: { consent_publish: 'not_for_publication', national_rapporteur: 'independent' } },
  },
];

const PASSWORD = 'a long and unusual passphrase';
const SURVEY = 'national-cooperation';

export interface MadeReplies {
  consultantEmail: string;
  analystEmail: string;
  password: string;
}

async function csrfOf(request: APIRequestContext, url: string): Promise<string> {
  const me = await request.get(`${url}/api/auth/me`);
  if (!me.ok()) throw new Error(`not signed in: ${me.status()}`);
  return ((await me.json()) as { csrfToken: string }).csrfToken;
}

async function expectOk(response: { ok(): boolean; status(): number; text(): Promise<string> }, what: string) {
  if (!response.ok()) throw new Error(`${what} failed: ${response.status()} ${await response.text()}`);
}

/** Signs in as the administrator in `admin`, and accepts an invitation for `role` in `person`'s context. */
async function invite(admin: APIRequestContext, person: APIRequestContext, url: string, who: { email: string; name: string; role: string; memberState?: string }) {
  const invitation = await admin.post(`${url}/api/invitations`, { data: who, headers: { 'x-csrf-token': await csrfOf(admin, url) } });
  await expectOk(invitation, `inviting ${who.email}`);
  const { token } = (await invitation.json()) as { token: string };
  await expectOk(await person.post(`${url}/api/invitations/${token}/accept`, { data: { name: who.name, password: PASSWORD } }), `accepting for ${who.email}`);
}

/**
 * Makes REPLIES on the server at `url`. `newContext` gives a fresh cookie jar per person (a
 * browser context's `request`, or playwright's `request.newContext()`).
 */
export async function makeReplies(url: string, newContext: () => Promise<APIRequestContext>): Promise<MadeReplies> {
  const admin = await newContext();
  await expectOk(await admin.post(`${url}/api/auth/login`, { data: { email: ADMIN.email, password: ADMIN.password } }), 'admin sign-in');
  const consultant = await newContext();
  const made: MadeReplies = { consultantEmail: 'reviewer@unodc.example', analystEmail: 'analyst@unodc.example', password: PASSWORD };
  await invite(admin, consultant, url, { email: made.consultantEmail, name: 'Rita Reviewer', role: 'consultant' });
  await invite(admin, await newContext(), url, { email: made.analystEmail, name: 'Anders Analyst', role: 'analyst' });

  for (const replies of REPLIES) {
    const delegate = await newContext();
    await invite(admin, delegate, url, { email: `delegate.${replies.state.toLowerCase()}@example.org`, name: `Delegate ${replies.state}`, role: 'delegate', memberState: replies.state });
    for (const version of [1, 2] as const) {
      const reply = version === 1 ? replies.v1 : replies.v2;
      if (!reply) continue;
      const base = `${url}/api/surveys/${SURVEY}/versions/${version}/responses/${replies.state}`;
      const saved = await delegate.patch(base, {
        data: { baseRevision: 0, set: { ...complete(version), ...reply.answers } },
        headers: { 'x-csrf-token': await csrfOf(delegate, url) },
      });
      await expectOk(saved, `saving ${replies.state} v${version}`);
      if (reply.status === 'draft') continue;
      const { revision } = (await saved.json()) as { revision: number };
      await expectOk(
        await delegate.post(`${base}/submit`, { data: { revision }, headers: { 'x-csrf-token': await csrfOf(delegate, url) } }),
        `submitting ${replies.state} v${version}`,
      );
      if (reply.status === 'accepted') {
        await expectOk(await consultant.post(`${base}/accept`, { headers: { 'x-csrf-token': await csrfOf(consultant, url) } }), `accepting ${replies.state} v${version}`);
      }
    }
    await delegate.dispose();
  }
  await admin.dispose();
  await consultant.dispose();
  return made;
}
