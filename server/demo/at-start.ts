import type { FastifyInstance } from 'fastify';
import { demoAccounts, demoSummary } from './report.js';
import { seedDemo } from './seed.js';
import type { DemoArguments } from './arguments.js';

/**
 * Fills the database in the server's own process before it listens — with the embedded engine
 * only one process may open the data directory — and returns the accounts to show once it
 * runs. Throws DemoRefusedError, having written nothing, where the demo must not go.
 */
export async function prepareDemo(app: FastifyInstance, args: DemoArguments, say: (line: string) => void): Promise<readonly string[]> {
  say('Filling the database with the demo data (a first run takes a little while)…');
  const report = await seedDemo(app, { production: process.env.NODE_ENV === 'production', force: args.force });
  for (const line of demoSummary(report)) say(`  ${line}`);
  return demoAccounts(report);
}
