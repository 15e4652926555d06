import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import axe from 'axe-core';
import { parse } from 'csv-parse/sync';
import { request, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeReplies, type MadeReplies } from './support/analysis-replies.js';
import { launchBrowser, screenshotPath } from './support/browser.js';
import { startServer, type RunningServer } from './support/server.js';

/**
 * The analyst's workbench in Chromium, against the production build: replies of five member
 * states to both rounds, made through the API; then an analyst opens a named table, reads
 * Estonia's answer, the chart and the map, downloads the wide CSV, puts the two rounds side by
 * side, and opens Estonia's country profile and its print version.
 */
const TABLE = 'National coordination structures';
const ACTION_PLAN = 'Does your country currently have a national action plan or strategy against trafficking in human beings?';
const IN_PREPARATION = 'A plan is in preparation (a first plan, or a new one after the last expired)';

describe("the analyst's workbench in a real browser", () => {
  let server: RunningServer;
  let browser: Browser;
  let made: MadeReplies;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    server = await startServer(3413);
    browser = await launchBrowser();
    made = await makeReplies(server.url, () => request.newContext());
    context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    page = await context.newPage();
    await page.goto(`${server.url}/sign-in`);
    await page.getByLabel('E-mail address').fill(made.analystEmail);
    await page.getByLabel('Password').fill(made.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    // The analyst's start page is the workbench.
    await page.waitForURL((address) => address.pathname === '/analysis');
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const table = () => page.getByRole('table', { name: `${TABLE}: the answers of each member state` });

  /** A screenshot of the page from `top` down: a viewport's height, or to the bottom of `until`. */
  async function screenshotFrom(top: Locator, name: string, until?: Locator) {
    const start = (await top.boundingBox())!.y - 16;
    const end = until ? (await until.boundingBox())!.y + (await until.boundingBox())!.height + 16 : start + 900;
    const scrolled = await page.evaluate('window.scrollY') as number;
    await page.screenshot({ path: screenshotPath(name), fullPage: true, clip: { x: 0, y: start + scrolled, width: 1280, height: end - start } });
  }

  it("opens a named table and shows Estonia's answer, with the chart and the map of it", async () => {
    await page.getByRole('combobox', { name: 'Named table' }).selectOption({ label: TABLE });

    const estonia = table().getByRole('row').filter({ has: page.getByRole('rowheader', { name: /^Estonia/ }) });
    await expect.poll(() => estonia.textContent()).toContain(IN_PREPARATION);
    expect(await estonia.textContent()).toContain('Submitted');
    expect(await page.getByText(/active member states have a submitted or accepted reply/).textContent()).toMatch(/^3 of 11 /);
    const lithuania = table().getByRole('row').filter({ has: page.getByRole('rowheader', { name: /^Lithuania/ }) });
    expect(await lithuania.textContent()).toContain('No counted reply');
    await screenshotFrom(page.getByRole('heading', { level: 2, name: TABLE }), 'analysis-table');

    await page.getByRole('combobox', { name: 'Question to chart and map' }).selectOption('action_plan');
    const chart = page.getByRole('figure', { name: `Member states per answer: ${ACTION_PLAN}` });
    await expect.poll(() => chart.getByRole('img').getAttribute('aria-label')).toContain(`${IN_PREPARATION}: 2`);
    expect(await chart.locator('svg rect').count()).toBeGreaterThanOrEqual(3);

    const map = page.getByRole('figure', { name: `Map: ${ACTION_PLAN}` });
    const drawing = map.getByRole('img', { name: /^Map of the CBSS member states/ });
    await expect.poll(() => drawing.getAttribute('aria-label'), { timeout: 15_000 }).toContain(`Estonia: ${IN_PREPARATION}`);
    expect(await drawing.getAttribute('aria-label')).toContain('Iceland: No counted reply');
    expect(await map.getByRole('list', { name: 'Legend' }).textContent()).toContain('No counted reply');
    await screenshotFrom(page.getByRole('heading', { level: 3, name: 'Chart and map' }), 'analysis-map', map);
  });

  it('has no accessibility violations that axe-core finds', async () => {
    // Evaluated rather than added as a script tag, which the app's Content-Security-Policy refuses.
    // Strings, run in the page: this suite's TypeScript knows no DOM.
    await page.evaluate(axe.source);
    const result = (await page.evaluate("axe.run(document, { resultTypes: ['violations'] })")) as axe.AxeResults;
    expect(result.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual([]);
  });

  it('downloads the wide CSV of what is on screen', async () => {
    const link = page.getByRole('link', { name: /^Responses, wide, codes/ });
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toMatch(/^national-cooperation_v2_responses-wide_\d{4}-\d{2}-\d{2}\.csv$/);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ncs-download-')), download.suggestedFilename());
    await download.saveAs(file);
    const text = fs.readFileSync(file, 'utf8');

    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text).toContain('\r\n');
    const rows = parse(text, { bom: true, columns: true }) as Record<string, string>[];
    expect(rows.map((row) => row.member_state)).toEqual(['EE', 'FI', 'LV']);
    const estonia = rows.find((row) => row.member_state === 'EE')!;
    expect(estonia).toMatchObject({ member_state_name: 'Estonia', status: 'submitted', action_plan: 'in_preparation', specialised_ngo_count: '2' });
    expect(rows.find((row) => row.member_state === 'LV')!.action_plan).toBe('in_force');
    // The table's questions only, and never the contact person (personal data).
    expect(Object.keys(estonia)).toContain('national_coordinator');
    expect(Object.keys(estonia).some((column) => column.startsWith('contact_person'))).toBe(false);
    expect(Object.keys(estonia).some((column) => column.startsWith('joint_training'))).toBe(false);
  });

  it('puts the 2009 and 2010 rounds side by side, with what changed', async () => {
    // A click, not check(): the radio follows the page's address, which changes a moment later.
    await page.getByRole('radio', { name: 'Two rounds side by side' }).click();

    const rounds = page.getByRole('table', { name: 'Each member state’s answers in 2009 and 2010' });
    const estonia = rounds.getByRole('row').filter({ has: page.getByRole('rowheader', { name: /^Estonia/ }) });
    await expect.poll(() => estonia.textContent()).toContain('Yes, a plan is in force');
    expect(await estonia.textContent()).toContain(`${IN_PREPARATION}changed`);
    const denmark = rounds.getByRole('row').filter({ has: page.getByRole('rowheader', { name: /^Denmark/ }) });
    expect(await denmark.getByRole('cell').nth(1).textContent()).toBe('No counted reply');
    const counts = page.getByRole('region', { name: 'Counts in each round' });
    expect(await counts.textContent()).toContain('Yes, a plan is in force: 3 of 11 states in 2009, 1 of 11 in 2010');
    await screenshotFrom(page.getByRole('heading', { level: 2, name: '2009 and 2010 side by side' }), 'analysis-rounds');
  });

  it("opens Estonia's country profile, which prints without the site's navigation", async () => {
    await page.getByRole('table', { name: 'Each member state’s answers in 2009 and 2010' }).getByRole('link', { name: /^Estonia/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Estonia: country profile' }).waitFor();
    const coordination = page.getByRole('region', { name: /National coordination/ });
    await expect.poll(() => coordination.textContent()).toContain(IN_PREPARATION);
    expect(await coordination.textContent()).toContain('Yes, a plan is in force');
    await page.screenshot({ path: screenshotPath('analysis-profile') });

    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('navigation', { name: 'Main' }).isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'Print or save as PDF' }).isVisible()).toBe(false);
    expect(await coordination.isVisible()).toBe(true);
    const pdf = await page.pdf({ format: 'A4', margin: { top: '15mm', bottom: '15mm', left: '15mm', right: '15mm' } });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    if (process.env.PROFILE_PDF) fs.writeFileSync(process.env.PROFILE_PDF, pdf);
    await page.emulateMedia({ media: 'screen' });
  });
});
