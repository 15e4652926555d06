import { DEMO_PASSWORD } from './accounts.js';
import { DEMO_SURVEY, type DemoReport } from './seed.js';

/** What `npm run cli -- demo` prints: what it made or found, and how to sign in. */
export function describeDemo(report: DemoReport): string {
  return [...demoSummary(report), '', ...demoAccounts(report), '', 'Start the server (npm start) and sign in as any of them.'].join('\n');
}

/** What the demo made and what it found already there. */
export function demoSummary(report: DemoReport): string[] {
  const lines: string[] = [];
  const made = report.accounts.filter((account) => account.created).length;
  lines.push(`Accounts: ${made} created, ${report.accounts.length - made} already there.`);
  for (const version of [...new Set(report.responses.map((r) => r.version))]) {
    const replies = report.responses.filter((r) => r.version === version);
    const created = replies.filter((r) => r.created).length;
    const statuses = countBy(replies.map((r) => r.status.replace('_', ' ')));
    lines.push(`${DEMO_SURVEY} v${version}: ${created} replies created, ${replies.length - created} already there (${statuses}).`);
  }
  if (report.skippedStates.length > 0) lines.push(`Skipped (member state missing or inactive): ${report.skippedStates.join(', ')}.`);
  return lines;
}

/** The accounts to sign in with, and their password. */
export function demoAccounts(report: DemoReport): string[] {
  return [
    `Demo accounts, all with the password  ${DEMO_PASSWORD}  (unless changed since):`,
    ...report.accounts.map((account) => `  ${account.role.padEnd(11)}${account.email.padEnd(30)}${account.memberState ?? ''}`.trimEnd()),
  ];
}

function countBy(values: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts].map(([value, count]) => `${count} ${value}`).join(', ');
}
