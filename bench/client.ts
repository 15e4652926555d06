import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page, Request } from 'playwright-core';
import { launchBrowser } from '../tests/e2e/support/browser.js';
import { DEMO, demoContext, startDemoServer } from '../tests/e2e/support/demo-server.js';
import { machine, writeSection } from './report.js';

/**
 * What a person's browser loads (issue 15, Measure), on the production build served by the real
 * server on the demo's data (`--demo`, embedded engine), in Debian's Chromium:
 * - the JavaScript the first page (sign-in) loads, gzip as the server sends it to a browser
 *   that asks for gzip, and brotli as it sends it to Chromium;
 * - which pages load the SurveyJS chunk (only the questionnaire pages should);
 * - the time from navigating to a delegate's v2 reply to its first question being usable
 *   (visible and editable), with an empty cache and with the cache warm.
 *
 * `npm run build && npm run bench -- client`
 */
const ROOT = path.resolve(import.meta.dirname, '..');
const PORT = 3971;
const RUNS = 5;
const REPLY_V2 = '/questionnaires/national-cooperation/versions/2/responses/PL';
const TARGETS = { firstPageGzipKb: 120, firstQuestionMs: 2_000 };

type Script = { readonly url: string; readonly gzipBytes: number; readonly brotliBytes: number };

export async function runClientBench(): Promise<void> {
  if (!fs.existsSync(path.join(ROOT, 'dist', 'client', 'index.html'))) throw new Error('Build first: npm run build');
  const loadAtStart = os.loadavg()[0] ?? 0;
  const server = await startDemoServer(PORT);
  const browser = await launchBrowser();
  try {
    const sizes = new Map<string, Script>();
    const sizeOf = async (url: string): Promise<Script> => {
      let known = sizes.get(url);
      if (!known) {
        known = { url, gzipBytes: await encodedBytes(url, 'gzip'), brotliBytes: await encodedBytes(url, 'br') };
        sizes.set(url, known);
      }
      return known;
    };

    // The first page: a visitor not signed in.
    const visitor = await browser.newContext();
    const first = await visitor.newPage();
    const firstScripts = await scriptsOf(first, () => first.goto(`${server.url}/`, { waitUntil: 'networkidle' }));
    const firstPage = await Promise.all(firstScripts.map(sizeOf));
    await visitor.close();

    // Which pages bring in SurveyJS.
    const surveyChunk = (url: string) => /\/assets\/surveyjs[-.]/.test(url);
    const pages: Array<{ who: string; path: string; email: string }> = [
      { who: 'delegate', path: '/', email: DEMO.delegate('PL') },
      { who: 'delegate', path: REPLY_V2, email: DEMO.delegate('PL') },
      { who: 'consultant', path: '/review', email: DEMO.consultant },
      { who: 'analyst', path: '/analysis', email: DEMO.analyst },
      { who: 'administrator', path: '/people', email: DEMO.admin },
    ];
    const surveyjsOn: Array<{ who: string; path: string; loads: boolean }> = [];
    for (const { who, path: at, email } of pages) {
      const context = await demoContext(browser, server.url, email);
      const page = await context.newPage();
      const scripts = await scriptsOf(page, () => page.goto(`${server.url}${at}`, { waitUntil: 'networkidle' }));
      surveyjsOn.push({ who, path: at, loads: scripts.some(surveyChunk) });
      await context.close();
    }

    // The first question of v2, empty cache (a new context each run) and warm (the same page again).
    const cold: number[] = [];
    const warm: number[] = [];
    for (let run = 0; run < RUNS; run += 1) {
      const context = await demoContext(browser, server.url, DEMO.delegate('PL'));
      const page = await context.newPage();
      cold.push(await untilFirstQuestion(page, `${server.url}${REPLY_V2}`));
      warm.push(await untilFirstQuestion(page, `${server.url}${REPLY_V2}`));
      await context.close();
    }

    const body = report({ loadAtStart, firstPage, surveyjsOn, cold, warm });
    writeSection('Client: first page, SurveyJS chunk, first question (production build, Chromium)', body);
    console.log(body);
  } finally {
    await browser.close();
    await server.stop();
  }
}

/** The script URLs the page requests while `navigate` runs (to network idle). */
async function scriptsOf(page: Page, navigate: () => Promise<unknown>): Promise<string[]> {
  const scripts = new Set<string>();
  const listener = (request: Request) => {
    if (request.resourceType() === 'script') scripts.add(request.url());
  };
  page.on('request', listener);
  await navigate();
  page.off('request', listener);
  return [...scripts];
}

/**
 * The bytes the server sends for `url` to a client that accepts only `encoding`: compressed, or
 * as it is for a file too small to be worth compressing (scripts/compress-assets.mjs).
 */
async function encodedBytes(url: string, encoding: 'gzip' | 'br'): Promise<number> {
  const answer = await fetch(url, { headers: { 'accept-encoding': encoding } });
  // fetch decodes the body; the length on the wire is the header's (static files have one).
  const length = Number(answer.headers.get('content-length'));
  const sent = answer.headers.get('content-encoding');
  await answer.arrayBuffer();
  if ((sent !== null && sent !== encoding) || !Number.isFinite(length) || length <= 0) throw new Error(`${url} was sent as ${sent ?? 'identity'} without a length`);
  return length;
}

/** Navigates and waits for the questionnaire's first text field to take typing: the time it took. */
async function untilFirstQuestion(page: Page, url: string): Promise<number> {
  const started = performance.now();
  await page.goto(url);
  const field = page.locator('.sd-question input:not([type=hidden]):not([type=radio]):not([type=checkbox]), .sd-question textarea').first();
  await field.waitFor({ state: 'visible', timeout: 30_000 });
  for (;;) {
    if (await field.isEditable()) return performance.now() - started;
    await page.waitForTimeout(10);
  }
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const median = (values: readonly number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const ms = (value: number) => `${Math.round(value).toLocaleString('en-GB')} ms`;
const met = (ok: boolean) => (ok ? 'met' : 'NOT met');

function report(run: {
  loadAtStart: number;
  firstPage: readonly Script[];
  surveyjsOn: ReadonlyArray<{ who: string; path: string; loads: boolean }>;
  cold: readonly number[];
  warm: readonly number[];
}): string {
  const gzip = run.firstPage.reduce((sum, script) => sum + script.gzipBytes, 0);
  const brotli = run.firstPage.reduce((sum, script) => sum + script.brotliBytes, 0);
  const onlyQuestionnaire = run.surveyjsOn.every(({ path: at, loads }) => loads === at.startsWith('/questionnaires/'));
  const coldMedian = median(run.cold);
  return [
    `Command: \`npm run build && npm run bench -- client\` · ${machine()} · Chromium (Debian) headless through playwright-core · load average ${run.loadAtStart.toFixed(1)} at the start, ${(os.loadavg()[0] ?? 0).toFixed(1)} at the end`,
    '',
    'The production build served by the built server on a fresh embedded database filled by the demo (`--demo`), on the same machine as the browser.',
    '',
    '**The first page** (sign-in, not signed in), every script it loads up to network idle — sizes as sent (pre-compressed files):',
    '',
    '| script | gzip | brotli |',
    '|---|---|---|',
    ...run.firstPage.map((script) => `| \`${new URL(script.url).pathname}\` | ${kb(script.gzipBytes)} | ${kb(script.brotliBytes)} |`),
    `| **all** | **${kb(gzip)}** | **${kb(brotli)}** |`,
    '',
    '**The SurveyJS chunk** (`assets/surveyjs-…js`) loaded by:',
    '',
    '| who | page | loads SurveyJS |',
    '|---|---|---|',
    ...run.surveyjsOn.map(({ who, path: at, loads }) => `| ${who} | \`${at}\` | ${loads ? 'yes' : 'no'} |`),
    '',
    `**A delegate's v2 reply** (\`${REPLY_V2}\`, Poland's draft), from \`page.goto\` to its first text field visible and editable, ${RUNS} runs: with an empty cache (a new browser context) median ${ms(coldMedian)} (${run.cold.map(ms).join(', ')}); the same page again with the cache warm median ${ms(median(run.warm))} (${run.warm.map(ms).join(', ')}).`,
    '',
    `Targets: the first page's JavaScript ≤ ${TARGETS.firstPageGzipKb} KB gzip — ${met(gzip / 1024 <= TARGETS.firstPageGzipKb)} (${kb(gzip)}); the SurveyJS chunk only on questionnaire pages — ${met(onlyQuestionnaire)}; the first question of v2 usable ≤ ${TARGETS.firstQuestionMs / 1000} s (empty cache, median) — ${met(coldMedian <= TARGETS.firstQuestionMs)} (${ms(coldMedian)}).`,
  ].join('\n');
}
