import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser } from './support/browser.js';
import { delegateContext } from './support/people.js';
import { ADMIN, startServer, type RunningServer } from './support/server.js';

/**
 * The built client works under the server's Content-Security-Policy (no inline scripts, no
 * eval): sign-in, the home page and the SurveyJS questionnaire load in Chromium with not one
 * violation reported, neither as a securitypolicyviolation event nor as a "Refused to" message.
 */
/** Runs in the page before its own scripts (as text: this project's server types know no DOM). */
const RECORD_VIOLATIONS = `
  window.__cspViolations = [];
  document.addEventListener('securitypolicyviolation', (event) => {
    window.__cspViolations.push(event.violatedDirective + ' blocked ' + (event.blockedURI || '(inline)') + ' at ' + event.sourceFile + ':' + event.lineNumber);
  });`;
const INJECT_INLINE_SCRIPT = `{
  const script = document.createElement('script');
  script.textContent = 'window.__inlineRan = true';
  document.head.append(script);
}`;

describe('Content-Security-Policy in a real browser', () => {
  let server: RunningServer;
  let browser: Browser;
  beforeAll(async () => {
    server = await startServer(3431);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  /** Records every violation the page reports, from before its first script runs. */
  async function watched(context: BrowserContext): Promise<{ page: Page; violations: () => Promise<string[]> }> {
    await context.addInitScript({ content: RECORD_VIOLATIONS });
    const page = await context.newPage();
    const refused: string[] = [];
    page.on('console', (message) => {
      if (/Refused to|Content Security Policy/i.test(message.text())) refused.push(message.text());
    });
    return { page, violations: async () => [...refused, ...((await page.evaluate('window.__cspViolations ?? []')) as string[])] };
  }

  it('serves a policy without unsafe-inline or unsafe-eval for scripts', async () => {
    const response = await fetch(`${server.url}/sign-in`);
    const policy = response.headers.get('content-security-policy') ?? '';
    const scriptSrc = /script-src ([^;]*)/.exec(policy)?.[1] ?? '';
    expect(scriptSrc).toBe("'self'");
    expect(policy).toMatch(/script-src-attr 'none'/);
    expect(policy).toMatch(/object-src 'none'/);
  });

  it('the watch reports an inline script, which the policy blocks (so a clean run means something)', async () => {
    const context = await browser.newContext();
    const { page, violations } = await watched(context);
    await page.goto(`${server.url}/sign-in`);
    await page.evaluate(INJECT_INLINE_SCRIPT);
    await expect.poll(violations).not.toEqual([]);
    expect(await page.evaluate('window.__inlineRan')).toBeUndefined();
    await context.close();
  });

  it('sign-in and the home page load and work with no violation', async () => {
    const context = await browser.newContext();
    const { page, violations } = await watched(context);
    await page.goto(`${server.url}/sign-in`);
    await page.getByLabel('E-mail address').fill(ADMIN.email);
    await page.getByLabel('Password').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toMatch(/Welcome/);
    expect(await violations()).toEqual([]);
    await context.close();
  });

  it('the questionnaire (SurveyJS) renders and saves an answer with no violation', async () => {
    const context = await delegateContext(browser, server.url, { email: 'csp.delegate@example.ee', name: 'Csp Delegate', memberState: 'EE' });
    const { page, violations } = await watched(context);
    await page.goto(`${server.url}/questionnaires/national-cooperation/versions/1/responses/EE`);
    const name = page.getByRole('textbox', { name: 'Name' });
    await name.fill('Csp Delegate');
    const saveState = page.getByRole('group', { name: 'Save state' }).getByRole('status');
    await expect.poll(() => saveState.textContent(), { timeout: 15_000 }).toBe('Saved');
    expect(await violations()).toEqual([]);
    await context.close();
  });
});
