import type { APIRequestContext } from 'playwright-core';
import { csrfTokenOf } from './people.js';
import { ADMIN } from './server.js';

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
