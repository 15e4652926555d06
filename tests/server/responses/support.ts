import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import type { Role } from '../../../server/auth/roles.js';
import { signIn, TEST_PASSWORD, type Caller } from '../../helpers/people.js';

/** Shared by the responses tests: paths, the complete Estonian answer sets, small request helpers. */

export const SURVEY = 'national-cooperation';
export const responsesPath = (version: number, state?: string, rest = '') =>
  `/api/surveys/${SURVEY}/versions/${version}/responses${state ? `/${state}` : ''}${rest}`;

const FIXTURES = new URL('../../fixtures/national-cooperation/', import.meta.url);
export const complete = (version: 1 | 2): Record<string, unknown> =>
  JSON.parse(readFileSync(new URL(`v${version}-complete.json`, FIXTURES), 'utf8')) as Record<string, unknown>;

export type SaveBody = { baseRevision: number; set?: Record<string, unknown>; unset?: string[] };

export const save = (caller: Caller, state: string, body: SaveBody, version = 1) =>
  caller.inject({ method: 'PATCH', url: responsesPath(version, state), payload: body });

/** A lifecycle step (submit, return, accept, reopen) through its route. */
export const postStep = (caller: Caller, state: string, step: string, payload?: object, version = 1) =>
  caller.inject({ method: 'POST', url: responsesPath(version, state, `/${step}`), ...(payload ? { payload } : {}) });

export const read = async (caller: Caller, state: string, version = 1) => {
  const res = await caller.inject({ method: 'GET', url: responsesPath(version, state) });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { status: string; revision: number; data: Record<string, unknown>; progress: number; updatedBy: string | null; submittedAt: string | null };
};

export const revisionsOf = async (caller: Caller, state: string, version = 1) => {
  const res = await caller.inject({ method: 'GET', url: responsesPath(version, state, '/revisions') });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Array<{ revision: number; kind: string; status: string; author: string; at: string; changed: string[] }>;
};

/** Asserts status (and error code), showing the body when it fails. */
export function expectStatus(res: LightMyRequestResponse, status: number, code?: string) {
  expect(res.statusCode, res.body).toBe(status);
  if (code !== undefined) expect(res.json().error.code).toBe(code);
  return res.json();
}

let people = 0;
/** A signed-in person with a name of their own (the shared helper names everyone "Test <role>"). */
export async function signInNamed(app: FastifyInstance, role: Role, memberState: string | null, name: string): Promise<Caller> {
  const email = `${role}-${++people}-${randomBytes(3).toString('hex')}@example.org`;
  await app.users.create({ email, name, role, memberState, password: TEST_PASSWORD });
  return signIn(app, email, TEST_PASSWORD);
}
