import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { launchBrowser, screenshotPath } from './support/browser.js';
import { delegateContext, replyPath, saveAnswers, signInThroughPage, storedReply, type ReplyAddress } from './support/people.js';
import { COMPLETE_V1, SURVEY, createAccount, postWithSession as post, signInThroughApi } from './support/review.js';
import { startServer, type RunningServer } from './support/server.js';

/**
 * A reply's history for the consultant, in Chromium against the production build: two Estonian
 * delegates save (through the API) in turns, one submits, the consultant returns the reply, the
 * other delegate changes two answers. The consultant then reads the history in editing sessions,
 * compares "since it was returned" and opens the audit of every change.
 */
const CONSULTANT = { email: 'lena.berg@unodc.example', name: 'Lena Berg', password: 'a long and unusual passphrase', role: 'consultant' as const };
const REPLY: ReplyAddress = { surveyId: SURVEY, version: 1, state: 'EE' };
const HISTORY = `/questionnaires/${SURVEY}/versions/1/responses/EE/history`;

describe('a reply’s history, comparison and audit in a real browser', () => {
  let server: RunningServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  beforeAll(async () => {
    server = await startServer(3418);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await server?.stop();
  });

  it('the consultant reads the sessions, compares since the return and opens the audit', async () => {
    const delegate = async (name: string) => {
      const context = await delegateContext(browser, server.url, { email: `${name.toLowerCase().replace(/\W+/g, '.')}@example.org`, name, memberState: 'EE' });
      contexts.push(context);
      return context;
    };
    const mari = await delegate('Mari Kask');
    const jaan = await delegate('Jaan Tamm');
    const consultant = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    contexts.push(consultant);
    await createAccount(consultant.request, server.url, CONSULTANT);
    await signInThroughApi(consultant.request, server.url, CONSULTANT);

    // Mari starts, Jaan adds two answers, Mari completes the reply and submits it.
    await saveAnswers(mari, server.url, REPLY, { institution_type: 'ministry' });
    await saveAnswers(mari, server.url, REPLY, { reference_period: '2008 – May 2009' });
    await saveAnswers(mari, server.url, REPLY, { shelter_places: 8 });
    await saveAnswers(jaan, server.url, REPLY, { main_gaps: 'Referral outside the capital.' });
    await saveAnswers(jaan, server.url, REPLY, { mou_obstacles: ['data_protection'] });
    await saveAnswers(mari, server.url, REPLY, { ...COMPLETE_V1, shelter_places: 10 });
    await post(mari.request, server.url, `${replyPath(REPLY)}/submit`, { revision: (await storedReply(mari, server.url, REPLY)).revision });
    await post(consultant.request, server.url, `${replyPath(REPLY)}/return`, { message: 'Please check the number of shelter places.' });
    // After the return, Jaan corrects two answers.
    await saveAnswers(jaan, server.url, REPLY, { shelter_places: 14 });
    await saveAnswers(jaan, server.url, REPLY, { institution_type: 'other', 'institution_type-Comment': 'Inter-ministerial working group' });
    await post(consultant.request, server.url, '/api/auth/logout');

    const page = await consultant.newPage();
    await signInThroughPage(page, server.url, CONSULTANT.email, CONSULTANT.password);
    await page.goto(`${server.url}${HISTORY}`);

    // The sessions, newest first: ten revisions in four sessions and two milestones.
    const list = page.getByRole('list', { name: 'Editing sessions and status changes, newest first' });
    await list.waitFor();
    await expect.poll(() => list.getByRole('heading', { level: 2 }).allTextContents()).toEqual([
      'Jaan Tamm edited the reply',
      'Revision 8: Returned',
      'Revision 7: Submitted',
      'Mari Kask edited the reply',
      'Jaan Tamm edited the reply',
      'Mari Kask edited the reply',
    ]);
    expect(await page.getByText('10 revisions in 4 editing sessions and 2 status changes.').isVisible()).toBe(true);
    const first = list.getByRole('region', { name: 'Mari Kask edited the reply' }).last();
    expect(await first.getByText('3 saves, revisions 1–3').isVisible()).toBe(true);
    await first.getByRole('button', { name: 'Show the 3 saves of revisions 1–3' }).click();
    await expect.poll(() => first.getByRole('heading', { level: 3 }).allTextContents()).toEqual(['Revision 3: Saved', 'Revision 2: Saved', 'Revision 1: Saved']);
    await first.getByRole('button', { name: 'Hide the saves of revisions 1–3' }).click();
    await page.screenshot({ path: screenshotPath('review-history'), fullPage: true });

    // What changed since the return: the two answers Jaan corrected, in words.
    await page.getByRole('link', { name: 'Compare revisions' }).click();
    await page.getByRole('group', { name: 'Quick comparisons' }).getByRole('button', { name: /Since it was returned/ }).click();
    await expect.poll(() => page.getByText(/questions? changed from revision/).textContent()).toMatch(/^2 questions changed from revision 8 \(returned by Lena Berg/);
    expect(new URL(page.url()).search).toBe('?from=8&to=10');
    const institution = page.getByRole('article', { name: 'Which type of institution coordinated this reply?' });
    await expect.poll(() => institution.getByRole('row').nth(1).textContent()).toMatch(/^Answer \(changed\)Ministry or government officeOther.*: “Inter-ministerial working group”$/);
    const shelters = page.getByRole('article', { name: 'How many shelter places are available to victims of trafficking?' });
    expect(await shelters.getByRole('row').nth(1).textContent()).toBe('Answer (changed)1014');
    await page.screenshot({ path: screenshotPath('review-compare-revisions'), fullPage: true });

    // Every question, changed or not, with one tick.
    await page.getByRole('checkbox', { name: 'Show unchanged questions too' }).check();
    await expect.poll(() => page.getByRole('article').count()).toBeGreaterThan(50);

    // The audit of every change, and its CSV.
    await page.getByRole('link', { name: 'Back to the history' }).click();
    await page.getByRole('link', { name: 'Audit of every change' }).click();
    const audit = page.getByRole('table', { name: 'Changes of the reply, newest first' });
    await audit.waitFor();
    const newest = audit.getByRole('row').nth(1);
    expect(await newest.getByRole('cell').nth(2).textContent()).toBe('Jaan Tamm');
    expect(await newest.getByRole('cell').nth(3).textContent()).toContain('institution_type');
    expect(await audit.getByRole('row').filter({ hasText: 'Status' }).first().textContent()).toContain('Lena Berg');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download the audit (CSV)' }).click()]);
    expect(download.suggestedFilename()).toBe(`${SURVEY}_v1_EE_audit_${new Date().toISOString().slice(0, 10)}.csv`);
  });
});
