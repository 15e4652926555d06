import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { seriousViolations } from './support/accessibility.js';
import { launchBrowser, screenshotPath } from './support/browser.js';
import { delegateContext, replyPath, saveAnswers, signInThroughPage, storedReply, type ReplyAddress } from './support/people.js';
import { COMPLETE_V1, SURVEY, createAccount, replyPage } from './support/review.js';
import { startServer, type RunningServer } from './support/server.js';

/**
 * The review of one reply as one continuous story across the roles, in Chromium against the
 * production build on a fresh database (issue 15, item 3): a delegate of Estonia submits; the
 * consultant finds the reply on the board, comments on a question and returns it; the delegate
 * sees the comment beside the question, answers the thread, changes the answer and resubmits;
 * the consultant sees "Resubmitted" on the board, compares the revisions since the return and
 * accepts; the board shows it accepted; a delegate of Latvia can open Estonia's reply neither by
 * link nor by API. axe-core checks every page of the story on the way (item 4).
 */
const CONSULTANT = { email: 'marta.lind@unodc.example', name: 'Marta Lind', password: 'a long and unusual passphrase', role: 'consultant' as const };
const REPLY: ReplyAddress = { surveyId: SURVEY, version: 1, state: 'EE' };
const SHELTERS = 'How many shelter places are available to victims of trafficking?';
const QUESTION_COMMENT = 'Ten places for the whole country? Please check against the shelters’ own figures.';
const RETURN_MESSAGE = 'Thank you. One figure needs checking before we can accept the reply.';
const THREAD_ANSWER = 'Checked with the shelters: there are 14 places.';
const BOARD = 'Every member state’s reply to each questionnaire version';
const OPEN_ESTONIA_V1 = 'Open Estonia’s reply to National cooperation against trafficking in human beings, version 1';

describe('the review story in a real browser', () => {
  let server: RunningServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  /** Serious or critical axe-core violations, by the page of the story they were found on. */
  const findings: Record<string, string[]> = {};

  beforeAll(async () => {
    server = await startServer(3425);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await server?.stop();
  });

  async function checkAccessibility(page: Page, where: string) {
    const violations = await seriousViolations(page);
    if (violations.length > 0) findings[where] = violations;
  }

  async function newContext(): Promise<BrowserContext> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    contexts.push(context);
    return context;
  }

  /** Estonia's cell in the board's column of version 1. */
  const estoniaCell = (page: Page) =>
    page.getByRole('table', { name: BOARD }).getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Estonia' }) }).getByRole('cell').nth(1);

  it('goes from submission through return and resubmission to acceptance, and keeps Latvia out', async () => {
    // The delegate of Estonia has answered everything (through the API: filling in is another story) and submits on the page.
    const delegate = await delegateContext(browser, server.url, { email: 'kadri.saar@example.org', name: 'Kadri Saar', memberState: 'EE' });
    contexts.push(delegate);
    await saveAnswers(delegate, server.url, REPLY, { ...COMPLETE_V1, shelter_places: 10 });
    const mine = await delegate.newPage();
    await mine.setViewportSize({ width: 1280, height: 900 });
    await mine.goto(`${server.url}${replyPage(REPLY)}`);
    await mine.getByRole('button', { name: 'Submit for review' }).waitFor();
    await checkAccessibility(mine, 'the delegate’s draft');
    await mine.getByRole('button', { name: 'Submit for review' }).click();
    await mine.getByRole('button', { name: 'Submit', exact: true }).click();
    await mine.getByText(/^Submitted on .* — read-only/).waitFor();
    await checkAccessibility(mine, 'the delegate’s submitted reply');
    expect((await storedReply(delegate, server.url, REPLY)).status).toBe('submitted');

    // The consultant finds it on the board, waiting.
    const consultant = await newContext();
    await createAccount(consultant.request, server.url, CONSULTANT);
    const page = await consultant.newPage();
    await page.goto(`${server.url}/sign-in`);
    await page.getByLabel('E-mail address').waitFor();
    await checkAccessibility(page, 'the sign-in page');
    await signInThroughPage(page, server.url, CONSULTANT.email, CONSULTANT.password);
    await page.getByRole('table', { name: BOARD }).waitFor();
    expect(await estoniaCell(page).getByText('Submitted', { exact: true }).isVisible()).toBe(true);
    expect(await estoniaCell(page).getByText('by Kadri Saar').isVisible()).toBe(true);
    await checkAccessibility(page, 'the board, the reply submitted');
    await estoniaCell(page).getByRole('link', { name: OPEN_ESTONIA_V1 }).click();
    await page.waitForURL(`${server.url}${replyPage(REPLY)}`);

    // A comment on the question of shelter places, then the return with a message.
    await page.getByRole('button', { name: `Comment on “${SHELTERS}”` }).click();
    await page.getByLabel('Your comment', { exact: true }).fill(QUESTION_COMMENT);
    await page.getByRole('button', { name: 'Add comment' }).click();
    await page.getByRole('region', { name: `Comments on “${SHELTERS}”` }).getByText(QUESTION_COMMENT).waitFor();
    await checkAccessibility(page, 'the consultant’s reply, commented');
    await page.getByRole('button', { name: 'Return to the delegates' }).click();
    const dialog = page.getByRole('dialog', { name: 'Return the reply to the delegates' });
    expect(await dialog.getByText(QUESTION_COMMENT).isVisible()).toBe(true);
    await dialog.getByLabel('Message to the delegates').fill(RETURN_MESSAGE);
    await checkAccessibility(page, 'the return dialog');
    await dialog.getByRole('button', { name: 'Return the reply' }).click();
    await page.getByRole('status').filter({ hasText: 'The reply was returned to the delegates.' }).waitFor();
    expect((await storedReply(consultant, server.url, REPLY)).status).toBe('returned');

    // The delegate sees the comment beside the question, answers the thread, changes the answer and resubmits.
    await mine.reload();
    const openList = mine.getByRole('region', { name: '2 open comments' });
    await openList.waitFor();
    expect(await openList.getByText(RETURN_MESSAGE).isVisible()).toBe(true);
    await openList.getByRole('button', { name: SHELTERS }).click();
    const thread = mine.getByRole('region', { name: `Comments on “${SHELTERS}”` });
    await thread.getByText(QUESTION_COMMENT).waitFor();
    // Beside the question: the threads come right after the question's input.
    const shelters = mine.getByRole('spinbutton', { name: new RegExp(`^${SHELTERS.replace('?', '\\?')}`) });
    const inputBox = (await shelters.boundingBox())!;
    const threadBox = (await thread.boundingBox())!;
    expect(threadBox.y).toBeGreaterThan(inputBox.y);
    expect(threadBox.y - (inputBox.y + inputBox.height)).toBeLessThan(200);
    await thread.getByRole('button', { name: /^Reply/ }).click();
    await thread.getByLabel('Your reply').fill(THREAD_ANSWER);
    await thread.getByRole('button', { name: 'Send reply' }).click();
    await thread.getByText(THREAD_ANSWER).waitFor();
    await shelters.fill('14');
    await mine.getByText(/^Saved/).first().waitFor();
    await thread.scrollIntoViewIfNeeded();
    await mine.evaluate('window.scrollBy(0, -300)');
    await mine.screenshot({ path: screenshotPath('review-story-delegate-thread') });
    await checkAccessibility(mine, 'the delegate’s returned reply, with the thread');
    await mine.getByRole('button', { name: 'Submit for review' }).click();
    await mine.getByRole('button', { name: 'Submit', exact: true }).click();
    await mine.getByText(/^Submitted on .* — read-only/).waitFor();
    expect((await storedReply(delegate, server.url, REPLY)).data.shelter_places).toBe(14);

    // The consultant sees it resubmitted on the board.
    await page.goto(`${server.url}/`);
    await estoniaCell(page).getByText('Resubmitted', { exact: true }).waitFor();
    expect(await estoniaCell(page).getByText('Submitted', { exact: true }).isVisible()).toBe(true);
    // The threads stay open until the consultant resolves them: the question's (with its answer) and the return message.
    expect(await estoniaCell(page).getByText('3 open comments').isVisible()).toBe(true);
    await page.screenshot({ path: screenshotPath('review-story-board-resubmitted'), fullPage: true });
    await checkAccessibility(page, 'the board, the reply resubmitted');

    // What changed since the return: the figure of shelter places, in words.
    await estoniaCell(page).getByRole('link', { name: OPEN_ESTONIA_V1 }).click();
    await page.getByRole('link', { name: 'Revision history' }).click();
    await page.getByRole('list', { name: 'Editing sessions and status changes, newest first' }).waitFor();
    await checkAccessibility(page, 'the history');
    await page.getByRole('link', { name: 'Compare revisions' }).click();
    await page.getByRole('group', { name: 'Quick comparisons' }).getByRole('button', { name: /Since it was returned/ }).click();
    await expect.poll(() => page.getByText(/questions? changed from revision/).textContent()).toMatch(/^1 question changed from revision \d+ \(returned by Marta Lind/);
    const changed = page.getByRole('article', { name: SHELTERS });
    expect(await changed.getByRole('row').nth(1).textContent()).toBe('Answer (changed)1014');
    expect(await page.getByRole('article').count()).toBe(1);
    await checkAccessibility(page, 'the comparison since the return');

    // Accepted from the reply page; the board says so.
    await page.goto(`${server.url}${replyPage(REPLY)}`);
    await page.getByRole('button', { name: 'Accept the reply' }).click();
    await page.getByRole('button', { name: 'Accept', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'The reply was accepted.' }).waitFor();
    await checkAccessibility(page, 'the accepted reply');
    await page.goto(`${server.url}/`);
    await estoniaCell(page).getByText('Accepted', { exact: true }).waitFor();
    expect(await estoniaCell(page).getByText('Resubmitted', { exact: true }).count()).toBe(0);
    await checkAccessibility(page, 'the board, the reply accepted');
    expect((await storedReply(consultant, server.url, REPLY)).status).toBe('accepted');

    // A delegate of Latvia opens neither the page nor the API of Estonia's reply.
    const latvia = await delegateContext(browser, server.url, { email: 'laila.ozola@example.org', name: 'Laila Ozola', memberState: 'LV' });
    contexts.push(latvia);
    const theirs = await latvia.newPage();
    await theirs.setViewportSize({ width: 1280, height: 900 });
    await theirs.goto(`${server.url}${replyPage(REPLY)}`);
    await theirs.getByText('This reply could not be loaded').waitFor();
    expect(await theirs.getByText(SHELTERS).count()).toBe(0);
    expect(await theirs.getByText(THREAD_ANSWER).count()).toBe(0);
    await theirs.screenshot({ path: screenshotPath('review-story-other-state-refused') });
    await checkAccessibility(theirs, 'another state’s reply, refused');
    for (const route of ['', '/comments', '/revisions', '/history', '/audit', '/audit.csv']) {
      expect((await latvia.request.get(`${server.url}${replyPath(REPLY)}${route}`)).status(), route).toBe(404);
    }

    expect(findings).toEqual({});
  }, 300_000);
});
