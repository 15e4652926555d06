import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import axe from 'axe-core';
import type { Browser, BrowserContext } from 'playwright-core';
import { launchBrowser, screenshotPath } from './support/browser.js';
import { delegateContext, replyPath, saveAnswers, signInThroughPage, storedReply, type ReplyAddress } from './support/people.js';
import { COMPLETE_V1, SURVEY, createAccount, postWithSession } from './support/review.js';
import { startServer, type RunningServer } from './support/server.js';

/**
 * The review of one reply in Chromium against the production build: the consultant reads a
 * submitted reply, comments beside a question and returns it; the delegate finds the comment
 * beside the question, answers it, changes the answer and submits again; the consultant accepts.
 */
const CONSULTANT = { email: 'ines.moreau@unodc.example', name: 'Ines Moreau', password: 'a long and unusual passphrase', role: 'consultant' as const };
const REPLY: ReplyAddress = { surveyId: SURVEY, version: 1, state: 'EE' };
const REPLY_PAGE = `/questionnaires/${SURVEY}/versions/1/responses/EE`;
const SHELTERS = 'How many shelter places are available to victims of trafficking?';
const QUESTION_COMMENT = 'Ten places for the whole country? Please check against the shelters’ own figures.';

describe('the review of a reply in a real browser', () => {
  let server: RunningServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  beforeAll(async () => {
    server = await startServer(3421);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await server?.stop();
  });

  it('the consultant comments and returns, the delegate answers and resubmits, the consultant accepts', async () => {
    const delegate = await delegateContext(browser, server.url, { email: 'kadri.saar@example.org', name: 'Kadri Saar', memberState: 'EE' });
    contexts.push(delegate);
    await saveAnswers(delegate, server.url, REPLY, { ...COMPLETE_V1, shelter_places: 10 });
    await postWithSession(delegate.request, server.url, `${replyPath(REPLY)}/submit`, { revision: (await storedReply(delegate, server.url, REPLY)).revision });

    const consultant = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    contexts.push(consultant);
    await createAccount(consultant.request, server.url, CONSULTANT);
    const page = await consultant.newPage();
    await signInThroughPage(page, server.url, CONSULTANT.email, CONSULTANT.password);
    await page.goto(`${server.url}${REPLY_PAGE}`);

    // Every section on one page, listed as contents; the respondent's contact details whole.
    const contents = page.getByRole('navigation', { name: 'Sections' });
    await contents.waitFor();
    expect(await contents.getByRole('link').count()).toBeGreaterThan(5);
    expect(await page.getByText('Adviser, Criminal Policy Department', { exact: true }).isVisible()).toBe(true);
    expect(await page.getByText('delegate@example.ee', { exact: true }).isVisible()).toBe(true);
    expect(await page.getByText(SHELTERS, { exact: true }).isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Next' }).count()).toBe(0);
    // The chosen answer is marked in the platform's blue, not SurveyJS's faint grey.
    const chosenColour = "getComputedStyle(document.querySelector('.sd-radio--checked .sd-radio__decorator')).backgroundColor";
    expect(await page.evaluate(chosenColour)).toBe('rgb(0, 58, 112)');
    // The chosen answers and the unchosen ones read at a contrast axe-core accepts.
    await page.evaluate(axe.source);
    const contrast = (await page.evaluate("axe.run(document, { runOnly: ['color-contrast'], resultTypes: ['violations'] })")) as axe.AxeResults;
    expect(contrast.violations).toEqual([]);
    // Printed, the reply keeps every section and drops the navigation and the buttons.
    await page.emulateMedia({ media: 'print' });
    expect(await contents.isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'Return to the delegates' }).isVisible()).toBe(false);
    expect(await page.getByText('L. Gaps and recommendations', { exact: true }).last().isVisible()).toBe(true);
    await page.emulateMedia({ media: 'screen' });

    // A comment on the question of shelter places.
    await page.getByRole('button', { name: `Comment on “${SHELTERS}”` }).click();
    await page.getByLabel('Your comment', { exact: true }).fill(QUESTION_COMMENT);
    await page.getByRole('button', { name: 'Add comment' }).click();
    const thread = page.getByRole('region', { name: `Comments on “${SHELTERS}”` });
    await thread.getByText(QUESTION_COMMENT).waitFor();
    expect(await page.getByRole('button', { name: '1 comment' }).getAttribute('aria-expanded')).toBe('true');
    expect(await page.getByRole('heading', { name: '1 open comment' }).isVisible()).toBe(true);
    await thread.scrollIntoViewIfNeeded();
    await page.evaluate('window.scrollBy(0, -260)');
    await page.screenshot({ path: screenshotPath('review-reply-commented') });

    // Returned with a message; the dialog lists the comment that goes with it.
    await page.getByRole('button', { name: 'Return to the delegates' }).click();
    const dialog = page.getByRole('dialog', { name: 'Return the reply to the delegates' });
    expect(await dialog.getByText(QUESTION_COMMENT).isVisible()).toBe(true);
    await dialog.getByLabel('Message to the delegates').fill('Thank you. One figure needs checking before we can accept the reply.');
    await dialog.scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshotPath('review-return-dialog') });
    await dialog.getByRole('button', { name: 'Return the reply' }).click();
    await page.getByRole('status').filter({ hasText: 'The reply was returned to the delegates.' }).waitFor();
    expect(await page.getByText('Returned', { exact: true }).first().isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Accept the reply' }).count()).toBe(0);

    // The delegate sees the comment beside the question, answers it, corrects the figure and resubmits.
    const mine = await delegate.newPage();
    await mine.goto(`${server.url}${REPLY_PAGE}`);
    const openList = mine.getByRole('region', { name: '2 open comments' });
    await openList.waitFor();
    expect(await openList.getByText('Thank you. One figure needs checking before we can accept the reply.').isVisible()).toBe(true);
    await openList.getByRole('button', { name: SHELTERS }).click();
    const delegateThread = mine.getByRole('region', { name: `Comments on “${SHELTERS}”` });
    await delegateThread.getByText(QUESTION_COMMENT).waitFor();
    await delegateThread.getByRole('button', { name: /^Reply/ }).click();
    await delegateThread.getByLabel('Your reply').fill('Checked with the shelters: there are 14 places.');
    await delegateThread.getByRole('button', { name: 'Send reply' }).click();
    await delegateThread.getByText('Checked with the shelters: there are 14 places.').waitFor();
    await mine.getByRole('spinbutton', { name: new RegExp(`^${SHELTERS.replace('?', '\\?')}`) }).fill('14');
    await mine.getByText(/^Saved/).first().waitFor();
    await delegateThread.getByRole('button', { name: /^Resolve/ }).click();
    await mine.getByRole('button', { name: '2 comments, resolved' }).waitFor();
    await mine.getByRole('button', { name: 'Submit for review' }).click();
    await mine.getByRole('button', { name: 'Submit', exact: true }).click();
    await mine.getByText(/^Submitted on .* — read-only/).waitFor();
    expect((await storedReply(delegate, server.url, REPLY)).data.shelter_places).toBe(14);

    // The consultant sees it submitted again and accepts it.
    await page.reload();
    await page.getByRole('button', { name: 'Accept the reply' }).click();
    await page.getByRole('button', { name: 'Accept', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'The reply was accepted.' }).waitFor();
    expect(await page.getByRole('button', { name: 'Reopen' }).isVisible()).toBe(true);
    expect((await storedReply(consultant, server.url, REPLY)).status).toBe('accepted');
  });
});
