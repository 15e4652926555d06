import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, screenshotPath } from './support/browser.js';
import { acceptThroughPage, inviteThroughPage } from './support/people.js';
import { ADMIN, startServer, type RunningServer } from './support/server.js';

/**
 * An administrator invites a delegate of Estonia; the delegate accepts in another browser and
 * lands on their home page — in Chromium, against the production build on a fresh database.
 */
describe('accounts in a real browser', () => {
  let server: RunningServer;
  let browser: Browser;
  beforeAll(async () => {
    server = await startServer(3411);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('sends a signed-out visitor to sign in and back where they were', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.url}/admin/audit`);
    await page.waitForURL(/\/sign-in\?next=/);
    await page.getByLabel('E-mail address').fill(ADMIN.email);
    await page.getByLabel('Password').fill('wrong password entirely');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByRole('alert').first().textContent()).toMatch(/wrong/i);
    await page.screenshot({ path: screenshotPath('sign-in') });
    await page.getByLabel('Password').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/admin\/audit$/);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toMatch(/audit/i);
    await context.close();
  });

  it('an administrator invites a delegate of Estonia, who accepts and lands on their home page', async () => {
    const adminContext = await browser.newContext();
    const admin = await adminContext.newPage();
    await admin.goto(`${server.url}/sign-in`);
    await admin.getByLabel('E-mail address').fill(ADMIN.email);
    await admin.getByLabel('Password').fill(ADMIN.password);
    await admin.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => admin.getByRole('heading', { level: 1 }).textContent()).toMatch(/Welcome/);

    const url = await inviteThroughPage(admin, server.url, { email: 'kadri.tamm@example.ee', role: 'delegate', memberState: 'EE' });
    await admin.screenshot({ path: screenshotPath('admin-people-invitation'), fullPage: true });

    const delegateContext = await browser.newContext();
    const delegate = await delegateContext.newPage();
    await acceptThroughPage(delegate, url, 'Kadri Tamm', 'a long and unusual passphrase');
    await expect.poll(() => delegate.locator('main').textContent()).toMatch(/Estonia|questionnaire/i);

    // The link works once.
    const again = await (await browser.newContext()).newPage();
    await again.goto(url);
    await expect.poll(() => again.locator('main').textContent()).toMatch(/does not work|unknown|used|expired/i);

    // A delegate cannot reach the administration pages.
    await delegate.goto(`${server.url}/admin/people`);
    await expect.poll(() => delegate.locator('main').textContent()).toMatch(/not allowed|permission|administrator/i);
    await adminContext.close();
    await delegateContext.close();
  });
});
