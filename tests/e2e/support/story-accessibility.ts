import axe from 'axe-core';
import type { Locator } from 'playwright-core';

type Axe = typeof axe;

/**
 * The serious and critical axe-core violations inside one element, for a state that changes only
 * that element — a modal dialog over a page just checked whole with seriousViolations (in
 * accessibility.ts). axe on a whole reply page takes seconds (hundreds of questions); running it
 * again behind the dialog would find nothing new.
 */
export async function seriousViolationsWithin(element: Locator): Promise<string[]> {
  const page = element.page();
  if (!(await page.evaluate("typeof window.axe !== 'undefined'"))) await page.evaluate(axe.source);
  const handle = await element.elementHandle();
  // Runs in the page, where axe-core was just loaded; the suite's TypeScript knows no DOM types.
  const result = (await page.evaluate(
    (node) => (globalThis as unknown as { axe: Axe }).axe.run(node as Parameters<Axe['run']>[0], { resultTypes: ['violations'] }),
    handle,
  )) as axe.AxeResults;
  return result.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id} (${violation.impact}): ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}
