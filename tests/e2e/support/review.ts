import fs from 'node:fs';
import path from 'node:path';
import type { APIRequestContext, BrowserContext } from 'playwright-core';
import { csrfTokenOf, replyPath, storedReply, type ReplyAddress } from './people.js';
import { ADMIN } from './server.js';

/** The questionnaire the review tests reply to, and a complete reply to its first version. */
export const SURVEY = 'national-cooperation';
export const COMPLETE_V1 = JSON.parse(
  fs.readFileSync(path.resolve(import.meta.dirname, '..', '..', 'fixtures', 'national-cooperation', 'v1-complete.json'), 'utf8'),
) as Record<string, unknown>;

/** The reply's page in the app. */
export const replyPage = ({ surveyId, version, state }: ReplyAddress) => `/questionnaires/${surveyId}/versions/${version}/responses/${state}`;

/** A POST with the context's own session (and its CSRF token); the parsed answer, or an error naming the route. */
export async function postWithSession(request: APIRequestContext, url: string, route: string, data: object = {}): Promise<unknown> {
  const response = await request.post(`${url}${route}`, { data, headers: { 'x-csrf-token': await csrfTokenOf(request, url) } });
  const body = await response.text();
  if (!response.ok()) throw new Error(`POST ${route}: ${response.status()} ${body}`);
  return body ? JSON.parse(body) : undefined;
}

/**
 * A consultant's (or any non-delegate's) account, invited by the administrator and accepted
 * through the API in `request`'s context, which is then signed out: the test signs in through the page.
 */
export async function createAccount(
  request: APIRequestContext,
  url: string,
  person: { email: string; name: string; password: string; role: 'consultant' | 'analyst' | 'admin' },
): Promise<void> {
  const signIn = await request.post(`${url}/api/auth/login`, { data: { email: ADMIN.email, password: ADMIN.password } });
  if (!signIn.ok()) throw new Error(`admin sign-in failed: ${signIn.status()}`);
  const { token } = (await postWithSession(request, url, '/api/invitations', { email: person.email, name: person.name, role: person.role })) as { token: string };
  await postWithSession(request, url, '/api/auth/logout');
  const accepted = await request.post(`${url}/api/invitations/${token}/accept`, { data: { name: person.name, password: person.password } });
  if (!accepted.ok()) throw new Error(`accepting failed: ${accepted.status()}`);
  await postWithSession(request, url, '/api/auth/logout');
}

/** Submits the reply as it stands, with the context's session (a delegate's). */
export async function submitThroughApi(context: BrowserContext, url: string, reply: ReplyAddress): Promise<void> {
  const { revision } = await storedReply(context, url, reply);
  await postWithSession(context.request, url, `${replyPath(reply)}/submit`, { revision });
}

/** Signs in with the API in `request`'s context, for setting the scene before the page is used. */
export async function signInThroughApi(request: APIRequestContext, url: string, person: { email: string; password: string }): Promise<void> {
  const signIn = await request.post(`${url}/api/auth/login`, { data: { email: person.email, password: person.password } });
  if (!signIn.ok()) throw new Error(`sign-in of ${person.email} failed: ${signIn.status()}`);
}
