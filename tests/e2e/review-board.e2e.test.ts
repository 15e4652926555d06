import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { launchBrowser, screenshotPath } from './support/browser.js';
import { delegateContext, replyPath, saveAnswers, signInThroughPage, storedReply, type ReplyAddress } from './support/people.js';
import { COMPLETE_V1, SURVEY, createAccount, postWithSession as post, signInThroughApi, submitThroughApi as submit } from './support/review.js';
import { startServer, type RunningServer } from './support/server.js';

/**
 * The consultant's review board in Chromium, against the production build on a fresh database:
 * replies made by delegates (and reviewed) through the API, then the consultant signs in, finds
 * them on their home page, filters for what waits for them and opens a reply from its cell.
 */
const CONSULTANT = { email: 'carla.rossi@unodc.example', name: 'Carla Rossi', password: 'a long and unusual passphrase', role: 'consultant' as const };

describe('the review board in a real browser', () => {
  let server: RunningServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  beforeAll(async () => {
    server = await startServer(3416);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await server?.stop();
  });

  /** A delegate of `state` with their reply to `version` saved: all of v1's answers, or the first few. */
  async function replyOf(state: string, name: string, version: 1 | 2, answers: 'all' | 'some'): Promise<{ context: BrowserContext; reply: ReplyAddress }> {
    const context = await delegateContext(browser, server.url, { email: `${name.toLowerCase().replace(/\W+/g, '.')}@example.org`, name, memberState: state });
    contexts.push(context);
    const reply = { surveyId: SURVEY, version, state };
    const set = answers === 'all' ? COMPLETE_V1 : Object.fromEntries(Object.entries(COMPLETE_V1).slice(0, 12));
    await saveAnswers(context, server.url, reply, set);
    return { context, reply };
  }

  it('a consultant signs in to the board, sees a submitted reply waiting, and opens it from its cell', async () => {
    const consultant = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    contexts.push(consultant);
    await createAccount(consultant.request, server.url, CONSULTANT);
    await signInThroughApi(consultant.request, server.url, CONSULTANT);
    const review = (reply: ReplyAddress, action: string, data?: object) => post(consultant.request, server.url, `${replyPath(reply)}/${action}`, data);

    // Estonia submitted; Finland returned with a message; Denmark accepted; Latvia a draft; the 2010 round begun by Estonia.
    const estonia = await replyOf('EE', 'Mari Kask', 1, 'all');
    await submit(estonia.context, server.url, estonia.reply);
    const finland = await replyOf('FI', 'Aino Virtanen', 1, 'all');
    await submit(finland.context, server.url, finland.reply);
    await review(finland.reply, 'return', { message: 'Please give the figures for 2008 as well.' });
    const denmark = await replyOf('DK', 'Dorte Jensen', 1, 'all');
    await submit(denmark.context, server.url, denmark.reply);
    await review(denmark.reply, 'accept');
    await replyOf('LV', 'Laila Ozola', 1, 'some');
    await saveAnswers(estonia.context, server.url, { surveyId: SURVEY, version: 2, state: 'EE' }, { main_gaps: 'Data on labour exploitation.' });
    await post(consultant.request, server.url, '/api/auth/logout');

    const page = await consultant.newPage();
    await signInThroughPage(page, server.url, CONSULTANT.email, CONSULTANT.password);
    const board = page.getByRole('table', { name: 'Every member state’s reply to each questionnaire version' });
    await board.waitFor();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(`Welcome, ${CONSULTANT.name}`);

    const summaries = page.getByRole('region', { name: 'Where the replies stand' });
    await expect.poll(() => summaries.getByRole('listitem').allTextContents()).toEqual([
      'Follow-up questionnaire on national cooperation against trafficking in human beings (2010) (Version 2)1 draft · 10 not started',
      'Questionnaire on national cooperation against trafficking in human beings (2009) (Version 1)1 accepted · 1 submitted · 1 returned · 1 draft · 7 not started',
    ]);
    const estoniaRow = board.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Estonia' }) });
    const estoniaV1 = estoniaRow.getByRole('cell').nth(1);
    expect(await estoniaV1.getByText('Submitted', { exact: true }).isVisible()).toBe(true);
    expect(await estoniaV1.getByText('Submitted today').isVisible()).toBe(true);
    expect(await estoniaV1.getByText('by Mari Kask').isVisible()).toBe(true);
    const finlandV1 = board.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Finland' }) }).getByRole('cell').nth(1);
    expect(await finlandV1.getByText('1 open comment').isVisible()).toBe(true);
    expect(await finlandV1.getByText(`by ${CONSULTANT.name}`).isVisible()).toBe(true);
    await page.screenshot({ path: screenshotPath('review-board'), fullPage: true });

    // What waits for the consultant: only Estonia.
    await page.getByRole('combobox', { name: 'Show' }).selectOption({ label: 'Submitted — waiting for me' });
    await expect.poll(() => board.getByRole('rowheader').allTextContents()).toEqual(['Estonia']);
    expect(new URL(page.url()).search).toBe('?show=waiting');

    await estoniaV1.getByRole('link', { name: 'Open Estonia’s reply to National cooperation against trafficking in human beings, version 1' }).click();
    await page.waitForURL(`${server.url}/questionnaires/${SURVEY}/versions/1/responses/EE`);
    await expect.poll(() => page.getByRole('main').textContent()).toContain('Estonia');

    // Back on the board, the filter is as it was left.
    await page.goBack();
    await expect.poll(() => board.getByRole('rowheader').allTextContents()).toEqual(['Estonia']);
    expect((await storedReply(consultant, server.url, estonia.reply)).status).toBe('submitted');
  });
});
