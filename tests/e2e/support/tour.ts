import { expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { seriousViolations } from './accessibility.js';
import { screenshotPath } from './browser.js';

/**
 * Steps of the role tour (role-tour.e2e.test.ts): a page opened until it has settled and checked
 * with axe-core, the main navigation's links, and the README's screenshots.
 */

/** Waits until the page's content has come: a heading in main, nothing loading any more. */
export async function settled(page: Page): Promise<void> {
  await page.locator('main h1').first().waitFor();
  await expect.poll(() => page.locator('main[aria-busy="true"], .state--loading').count(), { timeout: 15_000 }).toBe(0);
  await page.waitForLoadState('networkidle');
}

/** No serious or critical axe-core violation on the page as it stands; the failure names the page. */
export async function expectAccessible(page: Page): Promise<void> {
  expect(await seriousViolations(page), new URL(page.url()).pathname + new URL(page.url()).search).toEqual([]);
}

/** Opens `path` and waits for it: a page checked elsewhere, or checked once something is done on it. */
export async function open(page: Page, url: string, path: string): Promise<void> {
  await page.goto(`${url}${path}`);
  await settled(page);
}

/** Opens `path`, waits for it and checks it with axe-core. */
export async function visit(page: Page, url: string, path: string): Promise<void> {
  await open(page, url, path);
  await expectAccessible(page);
}

/** The addresses the main navigation links to, as the page shows them. */
export async function navigationLinks(page: Page): Promise<string[]> {
  const nav = page.getByRole('navigation', { name: 'Main' });
  await nav.waitFor();
  return nav.getByRole('link').evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
}

/** Follows each link of the main navigation by clicking it, and checks every page it leads to. */
export async function everyNavigationPage(page: Page): Promise<string[]> {
  const links = await navigationLinks(page);
  expect(links.length).toBeGreaterThan(0);
  for (const href of links) {
    await page.getByRole('navigation', { name: 'Main' }).locator(`a[href="${href}"]`).click();
    await page.waitForURL((address) => address.pathname === href);
    await settled(page);
    await expectAccessible(page);
  }
  return links;
}

/** The README tour's screenshot `tour-<name>`: the window as it is, or the page from `top` for a window's height. */
export async function tourScreenshot(page: Page, name: string, options: { top?: Locator; fullPage?: boolean } = {}): Promise<void> {
  const path = screenshotPath(`tour-${name}`);
  if (!options.top) {
    await page.screenshot({ path, fullPage: options.fullPage ?? false });
    return;
  }
  const viewport = page.viewportSize()!;
  const box = (await options.top.boundingBox())!;
  const scrolled = (await page.evaluate('window.scrollY')) as number;
  await page.screenshot({ path, fullPage: true, clip: { x: 0, y: Math.max(0, box.y + scrolled - 16), width: viewport.width, height: viewport.height } });
}

/** How the element's focus is drawn (an outline or a box shadow, by its computed style), or 'none'. */
export function focusIndicator(locator: Locator): Promise<string> {
  return locator.evaluate((element) => {
    const style = element.ownerDocument.defaultView!.getComputedStyle(element);
    if (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) return `outline ${style.outlineWidth} ${style.outlineStyle}`;
    if (style.boxShadow !== 'none') return `box-shadow ${style.boxShadow}`;
    return 'none';
  });
}
