import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, screenshotPath } from './support/browser.js';
import { acceptThroughPage, delegateContext, inviteThroughPage, saveAnswers, signInThroughPage, storedReply, type ReplyAddress } from './support/people.js';
import { ADMIN, startServer, type RunningServer } from './support/server.js';

/**
 * The delegates of Estonia build their national reply in Chromium, against the production build
 * on a fresh database: filling in, reloading, losing the connection, submitting with an answer
 * missing and then complete; two delegates at once; and a delegate of Latvia kept out.
 */
const V1: ReplyAddress = { surveyId: 'national-cooperation', version: 1, state: 'EE' };
const V2: ReplyAddress = { ...V1, version: 2 };
const PASSWORD = 'a long and unusual passphrase';
const COMPLETE_V1 = JSON.parse(
  fs.readFileSync(path.resolve(import.meta.dirname, '..', 'fixtures', 'national-cooperation', 'v1-complete.json'), 'utf8'),
) as Record<string, unknown>;

const PERIOD = 'Period to which the information in this reply refers';
const CONSENT = 'May the TF-THB and UNODC publish this reply?';

describe('a national reply in a real browser', () => {
  let server: RunningServer;
  let browser: Browser;
  const replyUrl = (reply: ReplyAddress) => `${server.url}/questionnaires/${reply.surveyId}/versions/${reply.version}/responses/${reply.state}`;
  beforeAll(async () => {
    server = await startServer(3412);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  /** What the save indicator says. */
  const saveState = (page: Page) => page.getByRole('group', { name: 'Save state' }).getByRole('status');
  const waitUntilSaved = (page: Page) => expect.poll(() => saveState(page).textContent(), { timeout: 15_000 }).toBe('Saved');

  it('a delegate of Estonia fills in v1 across a reload and a lost connection, then submits it', async () => {
    const adminContext = await browser.newContext();
    const admin = await adminContext.newPage();
    await signInThroughPage(admin, server.url, ADMIN.email, ADMIN.password);
    const link = await inviteThroughPage(admin, server.url, { email: 'mari.kask@example.ee', role: 'delegate', memberState: 'EE' });
    await adminContext.close();

    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await acceptThroughPage(page, link, 'Mari Kask', PASSWORD);
    await page.getByRole('link', { name: /^Fill in your reply to .*version 1$/ }).click();
    await page.waitForURL(replyUrl(V1));

    // Part of the first section; each change is saved a moment later.
    await page.getByRole('textbox', { name: 'Name' }).fill('Mari Kask');
    await page.getByRole('textbox', { name: 'E-mail' }).fill('mari.kask@example.ee');
    await page.getByRole('radiogroup', { name: 'Which type of institution coordinated this reply?' }).getByText('Ministry or government office').click();
    await page.getByRole('textbox', { name: PERIOD }).fill('2008 – May 2009');
    await waitUntilSaved(page);
    await expect.poll(() => page.getByText(/ago|just now/).first().isVisible()).toBe(true);
    // Filling in scrolled the page: show it from the top, where the save state is.
    await page.getByRole('heading', { level: 1 }).scrollIntoViewIfNeeded();
    await page.mouse.wheel(0, -10_000);
    await page.screenshot({ path: screenshotPath('questionnaire-save-state') });

    // A reload shows every confirmed answer.
    await page.reload();
    await expect.poll(() => page.getByRole('textbox', { name: 'Name' }).inputValue()).toBe('Mari Kask');
    await expect.poll(() => page.getByRole('textbox', { name: PERIOD }).inputValue()).toBe('2008 – May 2009');
    expect(await page.getByRole('radio', { name: 'Ministry or government office' }).isChecked()).toBe(true);

    // Offline: the change stays on this device, and is sent once the connection is back.
    await context.setOffline(true);
    await page.getByRole('textbox', { name: PERIOD }).fill('January 2008 – May 2009');
    await page.getByRole('textbox', { name: 'Name' }).click();
    await expect.poll(() => saveState(page).textContent(), { timeout: 15_000 }).toBe('Offline — changes kept on this device');
    expect((await storedReply(context, server.url, V1)).data.reference_period).toBe('2008 – May 2009');
    await context.setOffline(false);
    await waitUntilSaved(page);
    expect((await storedReply(context, server.url, V1)).data.reference_period).toBe('January 2008 – May 2009');

    // The rest of the reply arrives from the same delegate's other tab — everything but the
    // consent question; the page takes it in when it is opened again.
    const { consent_publish: _left, ...rest } = COMPLETE_V1;
    const { contact_person: _contact, institution_type: _type, reference_period: _period, ...others } = rest;
    await saveAnswers(context, server.url, V1, others);
    await page.reload();
    await expect.poll(() => page.getByRole('textbox', { name: PERIOD }).inputValue()).toBe('January 2008 – May 2009');

    // Submitting with a required answer missing lists it at once (no confirmation for a reply that
    // cannot be submitted), and the link opens the question.
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'L. Gaps and recommendations' }).click();
    await page.getByRole('button', { name: 'Submit for review' }).click();
    const problems = page.getByRole('alert').filter({ hasText: 'needs attention' });
    await expect.poll(() => problems.getByRole('heading').textContent()).toBe('1 answer needs attention');
    await page.screenshot({ path: screenshotPath('submit-errors') });
    await problems.getByRole('button', { name: new RegExp(`^${escapeRegExp(CONSENT)}`) }).click();
    const consent = page.getByRole('radiogroup', { name: CONSENT });
    await expect.poll(() => consent.isVisible()).toBe(true);
    await expect.poll(() => consent.evaluate((group) => group.contains(group.ownerDocument.activeElement))).toBe(true);

    // Complete, submit, and the reply is read-only.
    await consent.getByText('Yes, but only anonymised', { exact: false }).click();
    await waitUntilSaved(page);
    await page.getByRole('button', { name: 'Submit for review' }).click();
    await page.getByRole('button', { name: 'Submit', exact: true }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: /^Submitted/ }).textContent()).toMatch(/read-only while the consultant reviews it/);
    expect(await page.getByRole('button', { name: 'Submit for review' }).count()).toBe(0);
    // Read-only, a text answer is shown as text: there is no box left to type in.
    expect(await page.getByRole('textbox', { name: PERIOD }).count()).toBe(0);
    expect((await storedReply(context, server.url, V1)).status).toBe('submitted');
    await page.screenshot({ path: screenshotPath('submitted-reply') });

    await page.getByRole('link', { name: 'Home' }).first().click();
    await expect.poll(() => page.getByRole('link', { name: /^View your reply to .*version 1$/ }).count()).toBe(1);
    await page.screenshot({ path: screenshotPath('delegate-home'), fullPage: true });
    await context.close();
  });

  it('two delegates of Estonia edit at once: different answers both survive, the same one asks the second to choose', async () => {
    const first = await delegateContext(browser, server.url, { email: 'jaan.tamm@example.ee', name: 'Jaan Tamm', memberState: 'EE' });
    const second = await delegateContext(browser, server.url, { email: 'liis.mets@example.ee', name: 'Liis Mets', memberState: 'EE' });
    const jaan = await first.newPage();
    const liis = await second.newPage();
    await Promise.all([jaan.goto(replyUrl(V2)), liis.goto(replyUrl(V2))]);
    await Promise.all([jaan, liis].map((page) => page.getByRole('textbox', { name: PERIOD }).waitFor()));

    // Different questions at the same time: both are kept.
    await Promise.all([
      jaan.getByRole('textbox', { name: PERIOD }).fill('2009 – 2010'),
      liis.getByRole('radiogroup', { name: 'Which type of institution coordinated this reply?' }).getByText('Prosecution service').click(),
    ]);
    await Promise.all([waitUntilSaved(jaan), waitUntilSaved(liis)]);
    await expect.poll(async () => (await storedReply(first, server.url, V2)).data).toMatchObject({ reference_period: '2009 – 2010', institution_type: 'prosecution' });

    // The same question: Jaan saves first; Liis, who has not seen it, is asked to choose.
    await jaan.getByRole('textbox', { name: PERIOD }).fill('2009 – June 2010');
    await waitUntilSaved(jaan);
    await liis.getByRole('textbox', { name: PERIOD }).fill('Calendar year 2009');
    const conflict = liis.getByRole('dialog', { name: 'Someone else changed the same answers' });
    await expect.poll(() => conflict.isVisible(), { timeout: 15_000 }).toBe(true);
    const question = conflict.getByRole('group', { name: PERIOD });
    expect(await question.textContent()).toContain('2009 – June 2010');
    expect(await question.textContent()).toContain('Jaan Tamm');
    await liis.screenshot({ path: screenshotPath('edit-conflict') });
    await question.getByLabel('Keep mine').check();
    await conflict.getByRole('button', { name: 'Apply my choices' }).click();
    await waitUntilSaved(liis);
    const stored = await storedReply(first, server.url, V2);
    expect(stored.data).toMatchObject({ reference_period: 'Calendar year 2009', institution_type: 'prosecution' });
    await first.close();
    await second.close();
  });

  it('a delegate of Latvia cannot open the reply of Estonia', async () => {
    const context = await delegateContext(browser, server.url, { email: 'anna.berzina@example.lv', name: 'Anna Bērziņa', memberState: 'LV' });
    const page = await context.newPage();
    await page.goto(replyUrl(V1));
    await expect.poll(() => page.locator('main').textContent()).toMatch(/not found|does not exist|no such/i);
    expect(await page.getByRole('textbox', { name: PERIOD }).count()).toBe(0);
    const api = await context.request.get(`${server.url}/api/surveys/${V1.surveyId}/versions/1/responses/EE`);
    expect(api.status()).toBe(404);
    await context.close();
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
