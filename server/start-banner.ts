import type { FirstAdmin } from './people/first-admin.js';

/**
 * What the terminal shows once the server listens: where it runs, and — only when there is
 * something to sign in with that nobody could know yet (a first administrator's one-time
 * password, the demo accounts) — those credentials in a box, so that they stand out among the
 * log lines around them.
 */
export function startBanner(url: string, extras: { firstAdmin?: FirstAdmin; demoAccounts?: readonly string[] } = {}): string {
  const lines = [`National cooperation survey is running at ${url}`];
  const { firstAdmin, demoAccounts } = extras;
  if (firstAdmin?.created) {
    lines.push('', `First administrator: ${firstAdmin.email}`);
    if (firstAdmin.oneTimePassword) {
      lines.push(`One-time password:   ${firstAdmin.oneTimePassword}`, '(you will choose your own at first sign-in; it is shown only now)');
    }
  }
  if (demoAccounts && demoAccounts.length > 0) lines.push('', ...demoAccounts);
  return `\n${box(lines)}\n`;
}

/** Lines framed with box-drawing characters, padded to the longest. */
export function box(lines: readonly string[]): string {
  const width = Math.max(...lines.map((line) => line.length));
  return [`╔${'═'.repeat(width + 2)}╗`, ...lines.map((line) => `║ ${line.padEnd(width)} ║`), `╚${'═'.repeat(width + 2)}╝`].join('\n');
}
