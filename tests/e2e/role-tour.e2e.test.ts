import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser } from './support/browser.js';
import { DEMO, DEMO_PASSWORD, demoContext, startDemoServer } from './support/demo-server.js';
import { csrfTokenOf, inviteThroughPage, replyPath, storedReply, type ReplyAddress } from './support/people.js';
import type { RunningServer } from './support/server.js';
import { everyNavigationPage, expectAccessible, focusIndicator, open, settled, tourScreenshot, visit } from './support/tour.js';

/**
 * Every role's pages in Chromium, against the production build started with the demo data
 * (`--demo`, as `npm run demo` does) on a fresh embedded database: each page the navigation
 * leads to and the main pages below them checked with axe-core; a section filled in with the
 * keyboard alone; the reply page on a phone; the read-only reply and the country profile printed;
 * and the README's tour screenshots (docs/screenshots/tour-*.png) taken on the way.
 */
const SURVEY = 'national-cooperation';
const reply = (version: number, state: string): ReplyAddress => ({ surveyId: SURVEY, version, state });
const replyPage = ({ surveyId, version, state }: ReplyAddress) => `/questionnaires/${surveyId}/versions/${version}/responses/${state}`;

// In the demo: Poland and Iceland have drafts of the 2010 reply, Latvia's came back with two
// comment threads, Finland's was returned, corrected and accepted, Estonia's is submitted.
const POLAND_2010 = reply(2, 'PL');
const ICELAND_2010 = reply(2, 'IS');
const LATVIA_2010 = reply(2, 'LV');
const FINLAND_2010 = reply(2, 'FI');
const ESTONIA_2010 = reply(2, 'EE');

const PERIOD = 'Period to which the information in this reply refers';
const CONSENT = 'May the TF-THB and UNODC publish this reply?';
const INSTITUTION_TYPE = 'Which type of institution coordinated this reply?';
const NGO_INPUT = 'Were non-governmental organisations consulted in preparing this reply?';

describe('every role’s pages, from the demo data', () => {
  let server: RunningServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  beforeAll(async () => {
    [server, browser] = await Promise.all([startDemoServer(3447), launchBrowser()]);
  });
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await server?.stop();
  });

  async function signedIn(email: string, options: Parameters<Browser['newContext']>[0] = {}): Promise<{ context: BrowserContext; page: Page }> {
    const context = await demoContext(browser, server.url, email, options);
    contexts.push(context);
    return { context, page: await context.newPage() };
  }
  const saveState = (page: Page) => page.getByRole('group', { name: 'Save state' });
  const waitUntilSaved = (page: Page) => expect.poll(() => saveState(page).getByRole('status').textContent(), { timeout: 15_000 }).toBe('Saved');

  it('signs a delegate in, who reaches every page of theirs', { timeout: 240_000 }, async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    contexts.push(context);
    const page = await context.newPage();
    await visit(page, server.url, '/sign-in');
    await tourScreenshot(page, 'sign-in');
    await page.getByLabel('E-mail address').fill(DEMO.delegate('PL'));
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((address) => address.pathname === '/');
    await settled(page);
    await expectAccessible(page);
    await tourScreenshot(page, 'delegate-home', { fullPage: true });

    expect(await everyNavigationPage(page)).toEqual(['/']);
    for (const path of [replyPage(POLAND_2010), `${replyPage(POLAND_2010)}/history`, replyPage(reply(1, 'PL')), '/account/tokens', '/account/password']) {
      await visit(page, server.url, path);
    }
  });

  it('keeps the save state in view while the delegate scrolls, and lists what is missing on submit', async () => {
    const { page } = await signedIn(DEMO.delegate('PL'));
    await open(page, server.url, replyPage(POLAND_2010));
    await page.getByRole('textbox', { name: PERIOD }).fill('January 2009 – March 2010');
    await waitUntilSaved(page);
    await page.getByRole('heading', { level: 1 }).scrollIntoViewIfNeeded();
    await page.mouse.wheel(0, -10_000);
    await tourScreenshot(page, 'reply-save-state');

    // Far down the section the save state is still in the window.
    await page.evaluate('window.scrollTo(0, document.scrollingElement.scrollHeight)');
    await expect.poll(() => page.evaluate('window.scrollY')).toBeGreaterThan(800);
    const box = (await saveState(page).boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height).toBeLessThanOrEqual(900);
    expect(await saveState(page).isVisible()).toBe(true);

    await page.getByRole('button', { name: 'Submit for review' }).click();
    const problems = page.getByRole('alert').filter({ hasText: 'need attention' });
    await problems.waitFor();
    await expectAccessible(page);
    await problems.scrollIntoViewIfNeeded();
    await tourScreenshot(page, 'submit-errors', { top: problems });
  });

  it('lets a delegate fill in a section with the keyboard alone, the focus always shown', async () => {
    const { context, page } = await signedIn(DEMO.delegate('IS'));
    // The section starts empty: the test types all of it.
    const { revision } = await storedReply(context, server.url, ICELAND_2010);
    const cleared = await context.request.patch(`${server.url}${replyPath(ICELAND_2010)}`, {
      data: { baseRevision: revision, unset: ['contact_person', 'institution_type', 'ngo_input', 'reference_period', 'consent_publish'] },
      headers: { 'x-csrf-token': await csrfTokenOf(context.request, server.url) },
    });
    expect(cleared.ok()).toBe(true);
    await open(page, server.url, replyPage(ICELAND_2010));
    await page.getByRole('textbox', { name: PERIOD }).waitFor();

    // The skip link is the first stop and moves the focus to the main content.
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to main content' });
    expect(await skip.evaluate((link) => link === link.ownerDocument.activeElement)).toBe(true);
    expect(await skip.isVisible()).toBe(true);
    expect(await focusIndicator(skip)).not.toBe('none');
    await page.keyboard.press('Enter');
    expect(await page.evaluate('document.activeElement.id')).toBe('main-content');

    // Tab on to the first field of the section, every stop on the way drawn as focused.
    const active = page.locator(':focus');
    for (let stops = 0; ; stops++) {
      expect(stops, 'the first field of the section is reached by Tab').toBeLessThan(60);
      await page.keyboard.press('Tab');
      const label = (await active.getAttribute('aria-label')) ?? '';
      if (label.startsWith('Name')) break;
      const tag = await active.evaluate((element) => element.tagName);
      // SurveyJS hides its radio and checkbox inputs and draws their focus on the label beside them.
      if (tag !== 'INPUT') expect(await focusIndicator(active), `${tag} ${await active.textContent()}`).not.toBe('none');
    }
    // A SurveyJS field draws its focus on its box (the outer one of a multiple-text item).
    const fieldBox = page.locator('.sd-formbox:focus-within').first();
    for (const value of ['Sigríður Einarsdóttir', 'Legal Adviser', 'Ministry of Justice', 'sigridur.einarsdottir@example.is']) {
      expect(await focusIndicator(fieldBox)).toMatch(/^outline 3px/);
      await page.keyboard.type(value);
      await page.keyboard.press('Tab');
    }
    // A radio group: Tab into it, arrows to the answer (an arrow also chooses it), Space to make sure.
    const radioFocus = (group: string) => page.getByRole('radiogroup', { name: group }).locator('.sd-item__control:focus + .sd-item__decorator');
    expect(await radioFocus(INSTITUTION_TYPE).count()).toBe(1);
    expect(await focusIndicator(radioFocus(INSTITUTION_TYPE))).toMatch(/^outline 3px/);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    expect(await focusIndicator(fieldBox)).toMatch(/^outline 3px/);
    await page.keyboard.type('2009');
    await page.keyboard.press('Tab');
    expect(await focusIndicator(radioFocus(CONSENT))).toMatch(/^outline 3px/);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Tab');
    await waitUntilSaved(page);

    const { data } = await storedReply(context, server.url, ICELAND_2010);
    expect(data).toMatchObject({
      contact_person: { name: 'Sigríður Einarsdóttir', position: 'Legal Adviser', institution: 'Ministry of Justice', email: 'sigridur.einarsdottir@example.is' },
      reference_period: '2009',
    });
    expect(data.institution_type).toEqual(expect.any(String));
    expect(data.ngo_input).toEqual(expect.any(String));
    expect(data.consent_publish).toEqual(expect.any(String));
    expect(await page.getByRole('radiogroup', { name: NGO_INPUT }).getByRole('radio', { checked: true }).count()).toBe(1);
    expect(await page.getByRole('radiogroup', { name: CONSENT }).getByRole('radio', { checked: true }).count()).toBe(1);
  });

  it('shows two delegates of a state who changed the same answer what the other saved', async () => {
    // A second delegate of Poland, invited by the administrator.
    const admin = await demoContext(browser, server.url, DEMO.admin);
    contexts.push(admin);
    const invitation = await admin.request.post(`${server.url}/api/invitations`, {
      data: { email: 'tomasz.wisniewski@example.pl', name: 'Tomasz Wiśniewski', role: 'delegate', memberState: 'PL' },
      headers: { 'x-csrf-token': await csrfTokenOf(admin.request, server.url) },
    });
    expect(invitation.ok()).toBe(true);
    const second = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    contexts.push(second);
    const { token } = (await invitation.json()) as { token: string };
    expect((await second.request.post(`${server.url}/api/invitations/${token}/accept`, { data: { name: 'Tomasz Wiśniewski', password: 'a long and unusual passphrase' } })).ok()).toBe(true);

    const { page: first } = await signedIn(DEMO.delegate('PL'));
    const tomasz = await second.newPage();
    await Promise.all([first.goto(`${server.url}${replyPage(POLAND_2010)}`), tomasz.goto(`${server.url}${replyPage(POLAND_2010)}`)]);
    await Promise.all([first, tomasz].map((page) => page.getByRole('textbox', { name: PERIOD }).waitFor()));
    await first.getByRole('textbox', { name: PERIOD }).fill('2009 and the first quarter of 2010');
    await waitUntilSaved(first);
    await tomasz.getByRole('textbox', { name: PERIOD }).fill('Calendar year 2009');
    const conflict = tomasz.getByRole('dialog', { name: 'Someone else changed the same answers' });
    await expect.poll(() => conflict.isVisible(), { timeout: 15_000 }).toBe(true);
    expect(await conflict.getByRole('group', { name: PERIOD }).textContent()).toContain('2009 and the first quarter of 2010');
    await expectAccessible(tomasz);
    await tourScreenshot(tomasz, 'edit-conflict');
    await conflict.getByRole('group', { name: PERIOD }).getByLabel('Keep mine').check();
    await conflict.getByRole('button', { name: 'Apply my choices' }).click();
    await waitUntilSaved(tomasz);
  });

  it('shows a delegate of Latvia the consultant’s comments on their returned reply, beside the questions', async () => {
    const { page } = await signedIn(DEMO.delegate('LV'));
    await open(page, server.url, replyPage(LATVIA_2010));
    const openComments = page.getByRole('region', { name: /open comments$/ });
    await openComments.getByText('Two answers need a look before we can accept the reply', { exact: false }).waitFor();
    await openComments.getByRole('button', { name: /^Is there a national referral mechanism/ }).click();
    const thread = page.getByRole('region', { name: /^Comments on “Is there a national referral mechanism/ });
    await thread.getByText('Yes, the Cabinet adopted it in February 2010.', { exact: false }).waitFor();
    await expectAccessible(page);
    await tourScreenshot(page, 'delegate-returned-reply', {
      top: page.getByText('Is there a national referral mechanism (NRM) for victims of trafficking?', { exact: true }).last(),
    });
  });

  it('fits the delegate’s home and reply page on a phone', async () => {
    const { page } = await signedIn(DEMO.delegate('PL'), { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
    const noSideways = () => page.evaluate('document.scrollingElement.scrollWidth');
    await visit(page, server.url, '/');
    expect(await noSideways()).toBeLessThanOrEqual(390);
    await tourScreenshot(page, 'phone-home');

    await visit(page, server.url, replyPage(POLAND_2010));
    const period = page.getByRole('textbox', { name: PERIOD });
    await period.waitFor();
    expect(await noSideways()).toBeLessThanOrEqual(390);
    expect(await saveState(page).isVisible()).toBe(true);
    const field = (await period.boundingBox())!;
    expect(field.x).toBeGreaterThanOrEqual(0);
    expect(field.x + field.width).toBeLessThanOrEqual(390);
    // The sections are one row to swipe along, not a column that pushes the questionnaire down.
    const sections = (await page.getByRole('navigation', { name: 'Sections' }).boundingBox())!;
    expect(sections.height).toBeLessThan(120);
    expect(sections.x + sections.width).toBeLessThanOrEqual(390);
    await tourScreenshot(page, 'phone-reply');
    // Scrolled down to a question, the save state is still in view.
    await period.scrollIntoViewIfNeeded();
    const box = (await saveState(page).boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height).toBeLessThanOrEqual(844);
    expect(await noSideways()).toBeLessThanOrEqual(390);
    await tourScreenshot(page, 'phone-reply-question');
  });

  // Whole replies on one page take axe-core some seconds each: more time than the default.
  it('takes the consultant from the board to a commented reply, a comparison of revisions and a printout', { timeout: 300_000 }, async () => {
    const { page } = await signedIn(DEMO.consultant);
    await visit(page, server.url, '/');
    expect(await page.getByRole('table').first().getByRole('rowheader', { name: 'Latvia' }).count()).toBe(1);
    await tourScreenshot(page, 'review-board');
    expect(await everyNavigationPage(page)).toEqual(['/', '/questionnaires', '/analysis']);

    // Latvia's returned reply with the consultant's two threads and the delegate's answers
    // (checked once a thread is open: axe-core takes a while on a whole reply).
    await open(page, server.url, replyPage(LATVIA_2010));
    const marker = page.getByRole('button', { name: /^2 comments/ }).first();
    await marker.waitFor();
    if ((await marker.getAttribute('aria-expanded')) !== 'true') await marker.click();
    const thread = page.getByRole('region', { name: /^Comments on “Is there a national referral mechanism/ });
    await thread.getByText('Yes, the Cabinet adopted it in February 2010.', { exact: false }).waitFor();
    await expectAccessible(page);
    await thread.scrollIntoViewIfNeeded();
    await page.evaluate('window.scrollBy(0, -300)');
    await tourScreenshot(page, 'commented-reply');

    // Finland's: returned, corrected and accepted; what changed since it was returned.
    await visit(page, server.url, `${replyPage(FINLAND_2010)}/history`);
    await tourScreenshot(page, 'reply-history');
    await visit(page, server.url, `${replyPage(FINLAND_2010)}/history/compare`);
    await page.getByRole('link', { name: 'Since it was returned' }).or(page.getByRole('button', { name: 'Since it was returned' })).first().click();
    await page.getByText('January 2009 – March 2010').first().waitFor();
    await expectAccessible(page);
    await tourScreenshot(page, 'revision-comparison');
    await visit(page, server.url, `${replyPage(FINLAND_2010)}/history/audit`);

    // Estonia's submitted reply, read-only and printed: every section, no navigation nor buttons.
    await visit(page, server.url, replyPage(ESTONIA_2010));
    const contact = page.getByText('kadri.tamm@example.ee', { exact: true });
    expect(await contact.isVisible()).toBe(true);
    await page.emulateMedia({ media: 'print' });
    try {
      for (const name of ['Main', 'Sections']) expect(await page.getByRole('navigation', { name }).isVisible()).toBe(false);
      expect(await page.getByRole('button').filter({ visible: true }).count()).toBe(0);
      for (const section of ['A. Respondent', 'F. Identification and referral', 'M. Gaps and recommendations']) {
        expect(await page.getByText(section, { exact: true }).last().isVisible()).toBe(true);
      }
      // The questionnaire takes the sheet's width, not the column beside the (hidden) sections.
      expect((await page.locator('.sd-page').first().boundingBox())!.width).toBeGreaterThan(900);
      await tourScreenshot(page, 'print-reply');
    } finally {
      await page.emulateMedia({ media: 'screen' });
    }
  });

  it('leads the analyst through the workbench: table, chart, map, rounds, codebook and a printed profile', async () => {
    const { page } = await signedIn(DEMO.analyst);
    await page.goto(`${server.url}/`);
    await page.waitForURL((address) => address.pathname === '/analysis');
    await settled(page);
    await expectAccessible(page);
    await tourScreenshot(page, 'analyst-home');
    expect(await everyNavigationPage(page)).toEqual(['/analysis', '/questionnaires', '/account/tokens']);

    await open(page, server.url, '/analysis');
    const named = page.getByRole('combobox', { name: 'Named table' });
    const firstTable = (await named.locator('option').nth(1).textContent())!;
    await named.selectOption({ index: 1 });
    const table = page.getByRole('table', { name: `${firstTable}: the answers of each member state` });
    await table.getByRole('rowheader', { name: /^Estonia/ }).waitFor();
    await settled(page);
    await expectAccessible(page);
    await tourScreenshot(page, 'workbench-table', { top: page.getByRole('heading', { level: 2, name: firstTable }) });

    await page.getByRole('combobox', { name: 'Question to chart and map' }).selectOption('action_plan');
    const chart = page.getByRole('figure', { name: /^Member states per answer/ });
    await chart.locator('svg rect').first().waitFor();
    const map = page.getByRole('figure', { name: /^Map:/ });
    await expect.poll(() => map.getByRole('img', { name: /^Map of the CBSS member states/ }).getAttribute('aria-label'), { timeout: 15_000 }).toContain('Estonia');
    await expectAccessible(page);
    await tourScreenshot(page, 'workbench-chart', { top: chart });
    await tourScreenshot(page, 'workbench-map', { top: map });

    await page.getByRole('radio', { name: 'Two rounds side by side' }).click();
    const rounds = page.getByRole('heading', { level: 2, name: '2009 and 2010 side by side' });
    await rounds.waitFor();
    await settled(page);
    await expectAccessible(page);
    await tourScreenshot(page, 'workbench-rounds', { top: rounds });

    await visit(page, server.url, `/analysis/codebook?survey=${SURVEY}&version=2`);
    await tourScreenshot(page, 'codebook');

    await visit(page, server.url, `/analysis/profiles/EE?survey=${SURVEY}`);
    await page.getByRole('region', { name: /National coordination/ }).waitFor();
    await page.emulateMedia({ media: 'print' });
    try {
      expect(await page.getByRole('navigation', { name: 'Main' }).isVisible()).toBe(false);
      expect(await page.getByRole('button').filter({ visible: true }).count()).toBe(0);
      expect(await page.getByRole('region', { name: /Gaps and recommendations/ }).isVisible()).toBe(true);
      await tourScreenshot(page, 'print-profile');
    } finally {
      await page.emulateMedia({ media: 'screen' });
    }
  });

  it('shows the administrator every administration page', async () => {
    const { page } = await signedIn(DEMO.admin);
    await visit(page, server.url, '/');
    await tourScreenshot(page, 'admin-home');
    expect(await everyNavigationPage(page)).toEqual(['/', '/admin/people', '/admin/member-states', '/admin/audit', '/review', '/questionnaires', '/analysis']);
    // An invitation made on the people page: its link to send, and the invitation pending below.
    const link = await inviteThroughPage(page, server.url, { email: 'juris.ozols@example.lv', role: 'delegate', memberState: 'LV' });
    expect(link).toMatch(/\/invitations\/[\w-]+$/);
    await page.getByRole('cell', { name: 'juris.ozols@example.lv' }).first().waitFor();
    await expectAccessible(page);
    await tourScreenshot(page, 'admin-people');
    for (const [path, name] of [
      ['/admin/member-states', 'admin-member-states'],
      ['/admin/audit', 'admin-audit'],
      ['/questionnaires', 'admin-questionnaires'],
    ] as const) {
      await open(page, server.url, path);
      await tourScreenshot(page, name);
    }
    // The audit log filtered by an action chosen from its list.
    await open(page, server.url, '/admin/audit');
    await page.getByLabel('Action', { exact: true }).selectOption({ index: 1 });
    await page.getByRole('button', { name: 'Show', exact: true }).click();
    await page.waitForURL((address) => address.searchParams.has('action'));
    await settled(page);
    await expectAccessible(page);
  });
});
