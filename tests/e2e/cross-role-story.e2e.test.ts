import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { seriousViolations } from './support/accessibility.js';
import { seriousViolationsWithin } from './support/story-accessibility.js';
import { launchBrowser, screenshotPath } from './support/browser.js';
import { acceptThroughPage, csrfTokenOf, delegateContext, inviteThroughPage, replyPath, saveAnswers, signInThroughPage, storedReply, type ReplyAddress } from './support/people.js';
import { SURVEY, replyPage, submitThroughApi } from './support/review.js';
import { ADMIN, startServer, type RunningServer } from './support/server.js';
import { csvOf, definitionFile, followUpDefinition, removeStoryFiles, workbookOf } from './support/story-files.js';

/**
 * The whole story across the roles as one run, in Chromium against the production build on a
 * fresh database (issue 15, items 3, 4 and 7). Each step builds on the one before:
 * 1. the administrator invites two delegates of Estonia, a consultant and an analyst, who accept;
 * 2. a delegate fills in version 1 across a reload and a lost connection, meets the submit check, submits;
 * 3. the consultant comments and returns it; the delegate answers, changes and resubmits; the consultant compares and accepts;
 * 4. the two Estonian delegates edit version 2 at once, then the same answer;
 * 5. the analyst reads the named table, chart and map, downloads the CSV and the workbook, compares the rounds;
 * 6. a delegate of Latvia is kept out of Estonia's reply;
 * 7. the administrator publishes a version from a file (a broken one first) and closes the 2010 round.
 * axe-core checks every page state on the way.
 */
const PASSWORD = 'a long and unusual passphrase';
const TITLE = 'National cooperation against trafficking in human beings';
const V1: ReplyAddress = { surveyId: SURVEY, version: 1, state: 'EE' };
const V2: ReplyAddress = { ...V1, version: 2 };
const fixture = (version: 1 | 2) =>
  JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, '..', 'fixtures', 'national-cooperation', `v${version}-complete.json`), 'utf8')) as Record<string, unknown>;

const PERIOD = 'Period to which the information in this reply refers';
const INSTITUTION = 'Which type of institution coordinated this reply?';
const CONSENT = 'May the TF-THB and UNODC publish this reply?';
const SHELTERS = 'How many shelter places are available to victims of trafficking?';
const QUESTION_COMMENT = 'Ten places for the whole country? Please check against the shelters’ own figures.';
const RETURN_MESSAGE = 'Thank you. One figure needs checking before we can accept the reply.';
const THREAD_ANSWER = 'Checked with the shelters: there are 14 places.';
const BOARD = 'Every member state’s reply to each questionnaire version';
const OPEN_ESTONIA_V1 = `Open Estonia’s reply to ${TITLE}, version 1`;
const TABLE = 'National coordination structures';
const ACTION_PLAN = 'Does your country currently have a national action plan or strategy against trafficking in human beings?';
const IN_PREPARATION = 'A plan is in preparation (a first plan, or a new one after the last expired)';
const CLOSED_BANNER = 'This questionnaire version is closed — the reply can no longer be changed.';

const CAST = {
  mari: { email: 'mari.kask@example.ee', name: 'Mari Kask', role: 'delegate', memberState: 'EE' },
  jaan: { email: 'jaan.tamm@example.ee', name: 'Jaan Tamm', role: 'delegate', memberState: 'EE' },
  consultant: { email: 'marta.lind@unodc.example', name: 'Marta Lind', role: 'consultant' },
  analyst: { email: 'anders.berg@unodc.example', name: 'Anders Berg', role: 'analyst' },
} as const;

/**
 * Waits for a UI state up to a minute rather than Playwright's 30 s, and gives a step four minutes
 * rather than the suite's two: the reply pages build a questionnaire of hundreds of questions, which
 * on a loaded machine of 2 cores can take longer. An idle machine runs the whole story far faster.
 */
const STEP_TIMEOUT = 240_000;
function patient(context: BrowserContext) {
  context.setDefaultTimeout(60_000);
}

describe('the whole story across the roles in a real browser', () => {
  let server: RunningServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  /** Each person's browser, signed in, and the page they work in. */
  const people: Record<string, { context: BrowserContext; page: Page }> = {};
  let latvia: { context: BrowserContext; page: Page };

  beforeAll(async () => {
    server = await startServer(3431);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await server?.stop();
    removeStoryFiles();
  });

  async function newContext(): Promise<BrowserContext> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    contexts.push(context);
    patient(context);
    return context;
  }

  /** axe-core on the page as it stands: no serious or critical violation, named by the story's step. */
  async function expectAccessible(page: Page, where: string) {
    expect(await seriousViolations(page), where).toEqual([]);
  }

  const saveState = (page: Page) => page.getByRole('group', { name: 'Save state' }).getByRole('status');
  const waitUntilSaved = (page: Page) => expect.poll(() => saveState(page).textContent(), { timeout: 30_000 }).toBe('Saved');
  const replyUrl = (reply: ReplyAddress) => `${server.url}${replyPage(reply)}`;
  /** Estonia's cell in the board's column of version 1. */
  const estoniaCell = (page: Page) =>
    page.getByRole('table', { name: BOARD }).getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Estonia' }) }).getByRole('cell').nth(1);

  it('1. the administrator invites two delegates of Estonia, a consultant and an analyst; each accepts in their own browser', async () => {
    const admin = await newContext();
    const adminPage = await admin.newPage();
    await adminPage.goto(`${server.url}/sign-in`);
    await adminPage.getByLabel('E-mail address').waitFor();
    await expectAccessible(adminPage, 'the sign-in page');
    await signInThroughPage(adminPage, server.url, ADMIN.email, ADMIN.password);
    await expectAccessible(adminPage, 'the administrator’s home');
    people.admin = { context: admin, page: adminPage };

    for (const [key, person] of Object.entries(CAST)) {
      const link = await inviteThroughPage(adminPage, server.url, person);
      if (key === 'mari') await expectAccessible(adminPage, 'the people page with an invitation link');
      const context = await newContext();
      const page = await context.newPage();
      await acceptThroughPage(page, link, person.name, PASSWORD);
      await page.getByRole('heading', { level: 1 }).waitFor();
      people[key] = { context, page };
    }

    // Each lands signed in on the home of their role.
    const mari = people.mari!.page;
    await mari.getByRole('link', { name: /^Fill in your reply to .*version 1$/ }).waitFor();
    expect(await mari.locator('main').textContent()).toMatch(/Estonia/);
    await mari.screenshot({ path: screenshotPath('story-invitation-accepted'), fullPage: true });
    await expectAccessible(mari, 'the delegate’s home after accepting');
    await people.consultant!.page.getByRole('table', { name: BOARD }).waitFor();
    await expectAccessible(people.consultant!.page, 'the consultant’s board after accepting');
    await people.analyst!.page.waitForURL((address) => address.pathname === '/analysis');
    await people.analyst!.page.getByRole('combobox', { name: 'Named table' }).waitFor();
    await expectAccessible(people.analyst!.page, 'the analyst’s workbench after accepting');
    // Each account has the role it was invited with (and a delegate the member state).
    for (const [key, person] of Object.entries(CAST)) {
      const { user } = (await (await people[key]!.context.request.get(`${server.url}/api/auth/me`)).json()) as { user: { email: string; name: string; role: string; memberState: string | null } };
      expect(user).toMatchObject({ email: person.email, name: person.name, role: person.role, memberState: 'memberState' in person ? person.memberState : null });
    }
  }, STEP_TIMEOUT);

  it('2. a delegate fills in part of version 1, reloads, loses the connection, meets the submit check and submits', async () => {
    const { context, page } = people.mari!;
    await page.getByRole('link', { name: /^Fill in your reply to .*version 1$/ }).click();
    await page.waitForURL(replyUrl(V1));

    await page.getByRole('textbox', { name: 'Name' }).fill('Mari Kask');
    await page.getByRole('textbox', { name: 'E-mail' }).fill('mari.kask@example.ee');
    await page.getByRole('radiogroup', { name: INSTITUTION }).getByText('Ministry or government office').click();
    await page.getByRole('textbox', { name: PERIOD }).fill('2008 – May 2009');
    await waitUntilSaved(page);
    await expectAccessible(page, 'the delegate’s draft, saved');

    // A reload shows every confirmed answer.
    await page.reload();
    await expect.poll(() => page.getByRole('textbox', { name: 'Name' }).inputValue()).toBe('Mari Kask');
    await expect.poll(() => page.getByRole('textbox', { name: PERIOD }).inputValue()).toBe('2008 – May 2009');
    expect(await page.getByRole('radio', { name: 'Ministry or government office' }).isChecked()).toBe(true);

    // Offline the change stays on this device; back online it reaches the server.
    await context.setOffline(true);
    await page.getByRole('textbox', { name: PERIOD }).fill('January 2008 – May 2009');
    await page.getByRole('textbox', { name: 'Name' }).click();
    await expect.poll(() => saveState(page).textContent(), { timeout: 30_000 }).toBe('Offline — changes kept on this device');
    await expectAccessible(page, 'the delegate’s draft, offline');
    expect((await storedReply(context, server.url, V1)).data.reference_period).toBe('2008 – May 2009');
    await context.setOffline(false);
    await waitUntilSaved(page);
    expect((await storedReply(context, server.url, V1)).data.reference_period).toBe('January 2008 – May 2009');

    // The rest of the reply, but for the consent question, comes from the delegate's other tab.
    const { consent_publish: _consent, contact_person: _contact, institution_type: _type, reference_period: _period, ...others } = fixture(1);
    await saveAnswers(context, server.url, V1, { ...others, shelter_places: 10 });
    await page.reload();
    await expect.poll(() => page.getByRole('textbox', { name: PERIOD }).inputValue()).toBe('January 2008 – May 2009');

    // Submitting with the consent missing lists it; its link moves the keyboard focus to the question.
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'L. Gaps and recommendations' }).click();
    await page.getByRole('button', { name: 'Submit for review' }).click();
    const problems = page.getByRole('alert').filter({ hasText: 'needs attention' });
    await expect.poll(() => problems.getByRole('heading').textContent()).toBe('1 answer needs attention');
    await expectAccessible(page, 'the submit errors');
    await problems.getByRole('button', { name: new RegExp(`^${escapeRegExp(CONSENT)}`) }).click();
    const consent = page.getByRole('radiogroup', { name: CONSENT });
    await expect.poll(() => consent.evaluate((group) => group.contains(group.ownerDocument.activeElement))).toBe(true);
    expect((await storedReply(context, server.url, V1)).status).toBe('draft');

    await consent.getByText('Yes, but only anonymised', { exact: false }).click();
    await waitUntilSaved(page);
    await page.getByRole('button', { name: 'Submit for review' }).click();
    await page.getByRole('button', { name: 'Submit', exact: true }).click();
    await page.getByText(/^Submitted on .* — read-only/).waitFor();
    await expectAccessible(page, 'the delegate’s submitted reply');
    const stored = await storedReply(context, server.url, V1);
    expect(stored.status).toBe('submitted');
    expect(stored.data).toMatchObject({ reference_period: 'January 2008 – May 2009', institution_type: 'ministry', consent_publish: 'anonymised', shelter_places: 10 });
  }, STEP_TIMEOUT);

  it('3. the consultant comments and returns; the delegate answers, changes and resubmits; the consultant compares and accepts', async () => {
    const { page } = people.consultant!;
    const { context: delegate, page: mine } = people.mari!;
    await page.goto(`${server.url}/`);
    await estoniaCell(page).getByText('Submitted', { exact: true }).waitFor();
    expect(await estoniaCell(page).getByText('by Mari Kask').isVisible()).toBe(true);
    await expectAccessible(page, 'the board, the reply submitted');
    await estoniaCell(page).getByRole('link', { name: OPEN_ESTONIA_V1 }).click();
    await page.waitForURL(replyUrl(V1));

    await page.getByRole('button', { name: `Comment on “${SHELTERS}”` }).click();
    await page.getByLabel('Your comment', { exact: true }).fill(QUESTION_COMMENT);
    await page.getByRole('button', { name: 'Add comment' }).click();
    await page.getByRole('region', { name: `Comments on “${SHELTERS}”` }).getByText(QUESTION_COMMENT).waitFor();
    await expectAccessible(page, 'the consultant’s reply, commented');
    await page.getByRole('button', { name: 'Return to the delegates' }).click();
    const dialog = page.getByRole('dialog', { name: 'Return the reply to the delegates' });
    // The dialog says which open comment goes with the message.
    expect(await dialog.getByText(QUESTION_COMMENT).isVisible()).toBe(true);
    await dialog.getByLabel('Message to the delegates').fill(RETURN_MESSAGE);
    expect(await seriousViolationsWithin(dialog), 'the return dialog').toEqual([]);
    await dialog.getByRole('button', { name: 'Return the reply' }).click();
    await page.getByRole('status').filter({ hasText: 'The reply was returned to the delegates.' }).waitFor();
    expect((await storedReply(delegate, server.url, V1)).status).toBe('returned');

    // The delegate sees the comment beside the question, answers it, changes the answer, resubmits.
    await mine.reload();
    const openList = mine.getByRole('region', { name: '2 open comments' });
    await openList.waitFor();
    expect(await openList.getByText(RETURN_MESSAGE).isVisible()).toBe(true);
    await openList.getByRole('button', { name: SHELTERS }).click();
    const thread = mine.getByRole('region', { name: `Comments on “${SHELTERS}”` });
    await thread.getByText(QUESTION_COMMENT).waitFor();
    const shelters = mine.getByRole('spinbutton', { name: new RegExp(`^${escapeRegExp(SHELTERS)}`) });
    const inputBox = (await shelters.boundingBox())!;
    const threadBox = (await thread.boundingBox())!;
    expect(threadBox.y).toBeGreaterThan(inputBox.y);
    expect(threadBox.y - (inputBox.y + inputBox.height)).toBeLessThan(200);
    await expectAccessible(mine, 'the delegate’s returned reply');
    await thread.getByRole('button', { name: /^Reply/ }).click();
    await thread.getByLabel('Your reply').fill(THREAD_ANSWER);
    await thread.getByRole('button', { name: 'Send reply' }).click();
    await thread.getByText(THREAD_ANSWER).waitFor();
    await shelters.fill('14');
    await waitUntilSaved(mine);
    await thread.scrollIntoViewIfNeeded();
    await mine.evaluate('window.scrollBy(0, -300)');
    await mine.screenshot({ path: screenshotPath('story-delegate-thread') });
    await expectAccessible(mine, 'the delegate’s returned reply, answered');
    await mine.getByRole('button', { name: 'Submit for review' }).click();
    await mine.getByRole('button', { name: 'Submit', exact: true }).click();
    await mine.getByText(/^Submitted on .* — read-only/).waitFor();
    expect((await storedReply(delegate, server.url, V1)).data.shelter_places).toBe(14);

    // The consultant sees it resubmitted, and what changed since the return: one figure.
    await page.goto(`${server.url}/`);
    await estoniaCell(page).getByText('Resubmitted', { exact: true }).waitFor();
    // The threads stay open until the consultant resolves them: the question's (now answered) and the return message.
    expect(await estoniaCell(page).getByText('3 open comments').isVisible()).toBe(true);
    await expectAccessible(page, 'the board, the reply resubmitted');
    await estoniaCell(page).getByRole('link', { name: OPEN_ESTONIA_V1 }).click();
    await page.getByRole('link', { name: 'Revision history' }).click();
    await page.getByRole('list', { name: 'Editing sessions and status changes, newest first' }).waitFor();
    await expectAccessible(page, 'the revision history');
    await page.getByRole('link', { name: 'Compare revisions' }).click();
    await page.getByRole('group', { name: 'Quick comparisons' }).getByRole('button', { name: /Since it was returned/ }).click();
    await expect.poll(() => page.getByText(/questions? changed from revision/).textContent()).toMatch(/^1 question changed from revision \d+ \(returned by Marta Lind/);
    expect(await page.getByRole('article', { name: SHELTERS }).getByRole('row').nth(1).textContent()).toBe('Answer (changed)1014');
    expect(await page.getByRole('article').count()).toBe(1);
    await expectAccessible(page, 'the comparison since the return');

    await page.goto(replyUrl(V1));
    await page.getByRole('button', { name: 'Accept the reply' }).click();
    await page.getByRole('button', { name: 'Accept', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'The reply was accepted.' }).waitFor();
    await expectAccessible(page, 'the accepted reply');
    await page.goto(`${server.url}/`);
    await estoniaCell(page).getByText('Accepted', { exact: true }).waitFor();
    expect(await estoniaCell(page).getByText('Resubmitted', { exact: true }).count()).toBe(0);
    await expectAccessible(page, 'the board, the reply accepted');
    expect((await storedReply(delegate, server.url, V1)).status).toBe('accepted');
  }, STEP_TIMEOUT);

  it('4. two delegates of Estonia edit version 2 at once: different answers both survive, the same one asks the second to choose', async () => {
    const mari = await people.mari!.context.newPage();
    const jaan = people.jaan!.page;
    await Promise.all([mari.goto(replyUrl(V2)), jaan.goto(replyUrl(V2))]);
    await Promise.all([mari, jaan].map((page) => page.getByRole('textbox', { name: PERIOD }).waitFor()));
    await expectAccessible(jaan, 'a new reply to version 2');

    await Promise.all([
      mari.getByRole('textbox', { name: PERIOD }).fill('2009 – 2010'),
      jaan.getByRole('radiogroup', { name: INSTITUTION }).getByText('Prosecution service').click(),
    ]);
    await Promise.all([waitUntilSaved(mari), waitUntilSaved(jaan)]);
    await expect.poll(async () => (await storedReply(people.jaan!.context, server.url, V2)).data).toMatchObject({ reference_period: '2009 – 2010', institution_type: 'prosecution' });

    // Mari saves the period again first; Jaan, who has not seen it, is asked to choose.
    await mari.getByRole('textbox', { name: PERIOD }).fill('2009 – June 2010');
    await waitUntilSaved(mari);
    await jaan.getByRole('textbox', { name: PERIOD }).fill('Calendar year 2009');
    const conflict = jaan.getByRole('dialog', { name: 'Someone else changed the same answers' });
    await conflict.waitFor();
    const question = conflict.getByRole('group', { name: PERIOD });
    expect(await question.textContent()).toContain('2009 – June 2010');
    expect(await question.textContent()).toContain('Mari Kask');
    expect(await seriousViolationsWithin(conflict), 'the edit conflict').toEqual([]);
    await question.getByLabel('Keep mine').check();
    await conflict.getByRole('button', { name: 'Apply my choices' }).click();
    await waitUntilSaved(jaan);
    expect((await storedReply(people.mari!.context, server.url, V2)).data).toMatchObject({ reference_period: 'Calendar year 2009', institution_type: 'prosecution' });
    await mari.close();

    // The rest of the 2010 reply comes from Mari's other tab, and she submits it: the analyst's second round.
    const { reference_period: _period, institution_type: _type, ...others } = fixture(2);
    await saveAnswers(people.mari!.context, server.url, V2, others);
    await submitThroughApi(people.mari!.context, server.url, V2);
    expect((await storedReply(people.mari!.context, server.url, V2)).status).toBe('submitted');
  }, STEP_TIMEOUT);

  it("5. the analyst reads Estonia's answer in a named table, chart and map, downloads the CSV and the workbook, and compares the rounds", async () => {
    const { page } = people.analyst!;
    await page.goto(`${server.url}/analysis`);
    await page.getByRole('combobox', { name: 'Named table' }).selectOption({ label: TABLE });
    const table = page.getByRole('table', { name: `${TABLE}: the answers of each member state` });
    const estonia = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: /^Estonia/ }) });
    await expect.poll(() => estonia.textContent()).toContain(IN_PREPARATION);
    expect(await estonia.textContent()).toContain('Submitted');
    expect(await page.getByText(/active member states have a submitted or accepted reply/).textContent()).toMatch(/^1 of 11 /);
    await expectAccessible(page, 'the named table');

    await page.getByRole('combobox', { name: 'Question to chart and map' }).selectOption('action_plan');
    const chart = page.getByRole('figure', { name: `Member states per answer: ${ACTION_PLAN}` });
    await expect.poll(() => chart.getByRole('img').getAttribute('aria-label')).toContain(`${IN_PREPARATION}: 1`);
    const map = page.getByRole('figure', { name: `Map: ${ACTION_PLAN}` });
    const drawing = map.getByRole('img', { name: /^Map of the CBSS member states/ });
    await expect.poll(() => drawing.getAttribute('aria-label'), { timeout: 30_000 }).toContain(`Estonia: ${IN_PREPARATION}`);
    expect(await drawing.getAttribute('aria-label')).toContain('Latvia: No counted reply');
    await expectAccessible(page, 'the chart and the map');

    // The downloads hold what Estonia submitted.
    const submitted = (await storedReply(people.mari!.context, server.url, V2)).data;
    const [csvDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /^Responses, wide, codes/ }).click()]);
    expect(csvDownload.suggestedFilename()).toMatch(/^national-cooperation_v2_responses-wide_\d{4}-\d{2}-\d{2}\.csv$/);
    const { text, rows } = await csvOf(csvDownload);
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(rows.map((row) => row.member_state)).toEqual(['EE']);
    const row = rows[0]!;
    expect(row).toMatchObject({ member_state_name: 'Estonia', status: 'submitted', action_plan: 'in_preparation', national_coordinator: String(submitted.national_coordinator) });
    const scalarColumns = Object.keys(row).filter((column) => ['string', 'number'].includes(typeof submitted[column]));
    expect(scalarColumns.length).toBeGreaterThanOrEqual(3);
    for (const column of scalarColumns) expect(row[column], column).toBe(String(submitted[column]));

    const [bookDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /^Workbook/ }).click()]);
    expect(bookDownload.suggestedFilename()).toMatch(/^national-cooperation_v2_workbook_\d{4}-\d{2}-\d{2}\.xlsx$/);
    const sheets = await workbookOf(bookDownload);
    expect([...sheets.keys()]).toEqual(expect.arrayContaining(['Responses', 'Summary', 'Codebook']));
    const [header, ...bookRows] = sheets.get('Responses')!;
    const estoniaRow = bookRows.find((cells) => cells[0] === 'EE')!;
    expect(bookRows).toHaveLength(1);
    const cell = (column: string) => estoniaRow[header!.indexOf(column)];
    expect(cell('status')).toBe('submitted');
    expect(cell('action_plan')).toBe(IN_PREPARATION);
    expect(cell('reference_period')).toBe('Calendar year 2009');
    expect(cell('specialised_ngo_count')).toBe(submitted.specialised_ngo_count);

    // Both rounds side by side: the plan was in force in 2009, in preparation in 2010.
    await page.getByRole('radio', { name: 'Two rounds side by side' }).click();
    const rounds = page.getByRole('table', { name: 'Each member state’s answers in 2009 and 2010' });
    const estoniaRounds = rounds.getByRole('row').filter({ has: page.getByRole('rowheader', { name: /^Estonia/ }) });
    await expect.poll(() => estoniaRounds.textContent()).toContain('Yes, a plan is in force');
    expect(await estoniaRounds.textContent()).toContain(`${IN_PREPARATION}changed`);
    await expectAccessible(page, 'the two rounds side by side');
  }, STEP_TIMEOUT);

  it("6. a delegate of Latvia can open Estonia's reply neither by link nor by API, and starts their own", async () => {
    const context = await delegateContext(browser, server.url, { email: 'laila.ozola@example.lv', name: 'Laila Ozola', memberState: 'LV' });
    contexts.push(context);
    patient(context);
    const page = await context.newPage();
    await page.setViewportSize({ width: 1280, height: 900 });
    latvia = { context, page };
    await page.goto(replyUrl(V1));
    await page.getByText('This reply could not be loaded').waitFor();
    expect(await page.locator('main').textContent()).toMatch(/not found|does not exist|no such/i);
    expect(await page.getByText(SHELTERS).count()).toBe(0);
    expect(await page.getByText(THREAD_ANSWER).count()).toBe(0);
    await expectAccessible(page, 'another state’s reply, refused');
    for (const route of ['', '/comments', '/revisions', '/history', '/audit', '/audit.csv']) {
      expect((await context.request.get(`${server.url}${replyPath(V1)}${route}`)).status(), route).toBe(404);
    }
    const write = await context.request.patch(`${server.url}${replyPath(V2)}`, { data: { baseRevision: 0, set: { reference_period: '2010' } }, headers: { 'x-csrf-token': await csrfTokenOf(context.request, server.url) } });
    expect([403, 404]).toContain(write.status());
    expect((await storedReply(people.mari!.context, server.url, V2)).data.reference_period).toBe('Calendar year 2009');

    // Latvia's own 2010 reply, begun: the round's closing finds it a draft.
    await page.goto(`${server.url}/`);
    await page.getByRole('link', { name: /^Fill in your reply to .*version 2$/ }).click();
    await page.getByRole('textbox', { name: PERIOD }).fill('2009');
    await waitUntilSaved(page);
    await expectAccessible(page, 'Latvia’s own draft');
  }, STEP_TIMEOUT);

  it('7. the administrator publishes a version from a file, a broken one first, and closes the 2010 round: the delegates can no longer change it', async () => {
    const { page } = people.admin!;
    await page.goto(`${server.url}/questionnaires`);
    const survey = page.getByRole('region', { name: TITLE });
    const form = survey.getByRole('region', { name: `Publish a new version of ${TITLE}` });
    await form.getByLabel('SurveyJS JSON file').waitFor();
    await expect.poll(() => survey.getByText(/^\d+ repl(y|ies):/).allTextContents()).toEqual(['2 replies: 1 draft, 1 submitted', '1 reply: 1 accepted']);
    await expectAccessible(page, 'the questionnaires page, version management');

    await form.getByLabel('SurveyJS JSON file').setInputFiles(definitionFile('follow-up-broken.json', followUpDefinition({ broken: true })));
    await form.getByRole('button', { name: 'Check and publish as version 3' }).click();
    const refused = form.getByRole('alert');
    await expect.poll(() => refused.textContent()).toMatch(/The version was not published: the check found 2 problems/);
    const problems = await refused.getByRole('listitem').allTextContents();
    // Each problem names the question it is about, in the file's own words.
    expect(problems).toHaveLength(2);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^Question ‘hotline’ \(“The hotline’s telephone number”\): The name 'hotline' is used twice$/),
        expect.stringMatching(/^Question ‘hotline_operator’ \(“Who runs the hotline\?”\): .*refers to 'hotline_exists', which is not a question$/),
      ]),
    );
    // The whole page: each version with its replies and round, and the refused file's problems below.
    await page.screenshot({ path: screenshotPath('story-questionnaires-publish-problems'), fullPage: true });
    await expectAccessible(page, 'the publish check’s problems');
    expect((await (await page.request.get(`${server.url}/api/surveys`)).json() as { id: string; versions: unknown[] }[]).find((s) => s.id === SURVEY)!.versions).toHaveLength(2);

    await form.getByLabel('SurveyJS JSON file').setInputFiles(definitionFile('follow-up.json', followUpDefinition({ broken: false })));
    await form.getByRole('button', { name: 'Check and publish as version 3' }).click();
    await expect.poll(() => form.getByRole('status').textContent()).toBe('Version 3 is published and open for replies.');
    await survey.getByText('Version 3', { exact: true }).waitFor();
    await expectAccessible(page, 'the questionnaires page, version 3 published');

    // Closing the 2010 round asks first, saying what closing does.
    await survey.getByRole('button', { name: `Close the round of ${TITLE}, version 2` }).click();
    const question = survey.getByRole('group').filter({ hasText: 'Close the round of' });
    expect(await question.textContent()).toMatch(/Delegates can then no longer change or submit their replies to it: what they have saved stays/);
    await question.scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshotPath('story-close-round-confirmation') });
    await expectAccessible(page, 'the close-round confirmation');
    await question.getByRole('button', { name: 'Close the round' }).click();
    await survey.getByRole('button', { name: `Open the round of ${TITLE}, version 2` }).waitFor();
    await expectAccessible(page, 'the questionnaires page, round closed');

    // Latvia's draft: the page says the round is closed and offers nothing to type in; the API refuses a save.
    const { context, page: theirs } = latvia;
    await theirs.reload();
    await theirs.getByRole('status').filter({ hasText: CLOSED_BANNER }).waitFor();
    expect(await theirs.getByRole('textbox', { name: PERIOD }).count()).toBe(0);
    expect(await theirs.getByText('2009', { exact: true }).count()).toBeGreaterThan(0);
    expect(await theirs.getByRole('button', { name: 'Submit for review' }).count()).toBe(0);
    await expectAccessible(theirs, 'a draft of a closed round');
    const { revision } = await storedReply(context, server.url, { ...V2, state: 'LV' });
    const refusedSave = await context.request.patch(`${server.url}${replyPath({ ...V2, state: 'LV' })}`, {
      data: { baseRevision: revision, set: { reference_period: '2010' } },
      headers: { 'x-csrf-token': await csrfTokenOf(context.request, server.url) },
    });
    expect(refusedSave.status()).toBe(409);
    expect(((await refusedSave.json()) as { error: { code: string } }).error.code).toBe('RESPONSE_LOCKED');
    expect((await storedReply(context, server.url, { ...V2, state: 'LV' })).data.reference_period).toBe('2009');

    // Both delegates' homes say the round is closed, and offer only to view the reply; version 3 is open.
    for (const home of [theirs, people.mari!.page]) {
      await home.goto(`${server.url}/`);
      const view = home.getByRole('link', { name: /^View your reply to .*version 2$/ });
      await view.waitFor();
      const version2 = home.getByRole('listitem').filter({ has: view });
      expect(await version2.getByText('Closed', { exact: true }).isVisible()).toBe(true);
      expect(await home.getByRole('link', { name: /^Fill in your reply to .*version 3$/ }).count()).toBe(1);
      await expectAccessible(home, 'a delegate’s home, the round closed');
    }
  }, STEP_TIMEOUT);
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
