import { expect } from 'vitest';
import type { APIRequestContext, Browser, BrowserContext, Page } from 'playwright-core';
import { ADMIN } from './server.js';

/** Signs in through the sign-in page and waits until the home page shows. */
export async function signInThroughPage(page: Page, url: string, email: string, password: string): Promise<void> {
  await page.goto(`${url}/sign-in`);
  await page.getByLabel('E-mail address').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((address) => address.pathname === '/');
}

/** The administrator's invitation form on the people page; returns the link it shows. */
export async function inviteThroughPage(admin: Page, url: string, person: { email: string; role: string; memberState?: string }): Promise<string> {
  await admin.goto(`${url}/admin/people`);
  const invite = admin.getByRole('region', { name: /invite/i }).or(admin.locator('section[aria-labelledby="invite-heading"]'));
  await invite.getByLabel('E-mail address').fill(person.email);
  await invite.getByLabel('Role').selectOption(person.role);
  if (person.memberState) await invite.getByLabel('Member state').selectOption(person.memberState);
  await admin.getByRole('button', { name: 'Create invitation link' }).click();
  const link = admin.getByRole('textbox', { name: 'Invitation link' });
  await expect.poll(() => link.inputValue()).toMatch(/\/invitations\/[\w-]+$/);
  return link.inputValue();
}

/** Accepts an invitation through its page and waits until the new account's home shows. */
export async function acceptThroughPage(page: Page, link: string, name: string, password: string): Promise<void> {
  await page.goto(link);
  await page.getByRole('heading', { level: 1, name: /Create your account/ }).waitFor();
  await page.getByLabel('Your name').fill(name);
  await page.getByLabel('Choose a password').fill(password);
  await page.getByLabel('Type the password again').fill(password);
  await page.getByRole('button', { name: 'Create my account' }).click();
  await page.waitForURL((address) => !address.pathname.startsWith('/invitations'));
}

/** The session's CSRF token, for writes made with the context's own cookie. */
export async function csrfTokenOf(request: APIRequestContext, url: string): Promise<string> {
  const me = await request.get(`${url}/api/auth/me`);
  if (!me.ok()) throw new Error(`not signed in: ${me.status()}`);
  return ((await me.json()) as { csrfToken: string }).csrfToken;
}

/**
 * A delegate whose invitation the administrator made and who accepted it through the API, in a
 * browser context of their own (the accepted invitation leaves its session cookie there). The
 * browser flow of inviting and accepting is exercised in accounts.e2e.test.ts; here it only sets
 * the scene.
 */
export async function delegateContext(browser: Browser, url: string, person: { email: string; name: string; memberState: string }): Promise<BrowserContext> {
  const admin = await browser.newContext();
  try {
    const signIn = await admin.request.post(`${url}/api/auth/login`, { data: { email: ADMIN.email, password: ADMIN.password } });
    if (!signIn.ok()) throw new Error(`admin sign-in failed: ${signIn.status()}`);
    const invitation = await admin.request.post(`${url}/api/invitations`, {
      data: { email: person.email, name: person.name, role: 'delegate', memberState: person.memberState },
      headers: { 'x-csrf-token': await csrfTokenOf(admin.request, url) },
    });
    if (!invitation.ok()) throw new Error(`invitation failed: ${invitation.status()} ${await invitation.text()}`);
    const { token } = (await invitation.json()) as { token: string };
    const context = await browser.newContext();
    const accepted = await context.request.post(`${url}/api/invitations/${token}/accept`, {
      data: { name: person.name, password: 'a long and unusual passphrase' },
    });
    if (!accepted.ok()) throw new Error(`accepting failed: ${accepted.status()}`);
    return context;
  } finally {
    await admin.close();
  }
}

export interface ReplyAddress {
  surveyId: string;
  version: number;
  state: string;
}

/** The reply's API address. */
export const replyPath = ({ surveyId, version, state }: ReplyAddress) => `/api/surveys/${surveyId}/versions/${version}/responses/${state}`;

/** The reply as the server has it, read with the context's session. */
export async function storedReply(context: BrowserContext, url: string, reply: ReplyAddress): Promise<{ status: string; revision: number; data: Record<string, unknown> }> {
  const response = await context.request.get(`${url}${replyPath(reply)}`);
  if (!response.ok()) throw new Error(`reading the reply failed: ${response.status()}`);
  return (await response.json()) as { status: string; revision: number; data: Record<string, unknown> };
}

/** Saves answers with the context's session, as another tab of the same delegate would. */
export async function saveAnswers(context: BrowserContext, url: string, reply: ReplyAddress, set: Record<string, unknown>): Promise<void> {
  const { revision } = await storedReply(context, url, reply);
  const response = await context.request.patch(`${url}${replyPath(reply)}`, {
    data: { baseRevision: revision, set },
    headers: { 'x-csrf-token': await csrfTokenOf(context.request, url) },
  });
  if (!response.ok()) throw new Error(`saving failed: ${response.status()} ${await response.text()}`);
}
