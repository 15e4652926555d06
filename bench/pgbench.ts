import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * The floor of a commit-per-request workload on this machine, measured in the same run as what
 * it is compared with (the machine's speed varies from hour to hour): pgbench's simple-update
 * transactions per second (`-N`), on a scratch table set it makes in the bench database.
 */
export async function pgbenchTps(databaseUrl: string, { clients, seconds }: { clients: number; seconds: number }): Promise<number> {
  await run('pgbench', ['-i', '-q', '-s', '1', databaseUrl]);
  const { stdout } = await run('pgbench', ['-N', '-n', '-c', String(clients), '-j', '2', '-T', String(seconds), databaseUrl]);
  const tps = /tps = ([\d.]+)/.exec(stdout);
  if (!tps) throw new Error(`pgbench printed no tps:\n${stdout}`);
  return Number(tps[1]);
}
