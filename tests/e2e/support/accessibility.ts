import axe from 'axe-core';
import type { Page } from 'playwright-core';

/**
 * The serious and critical violations axe-core finds on the page as it stands, one string each
 * (rule, then the elements), so a failing test names what to fix. Evaluated rather than added as
 * a script tag, which the app's Content-Security-Policy refuses; strings run in the page, as this
 * suite's TypeScript knows no DOM.
 */
export async function seriousViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate("typeof window.axe !== 'undefined'"))) await page.evaluate(axe.source);
  const result = (await page.evaluate("axe.run(document, { resultTypes: ['violations'] })")) as axe.AxeResults;
  return result.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id} (${violation.impact}): ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}
