import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

export interface ThrottleRule {
  /** e.g. "login-account:anna@example.ee" or "login-address:203.0.113.7" */
  readonly key: string;
  readonly limit: number;
}

export const THROTTLE_WINDOW_MS = 15 * 60 * 1000;

/**
 * Counts failed attempts per key in PostgreSQL, so the limit holds however many app instances
 * run. Only failures are counted: people who sign in correctly are never slowed down.
 */
export function createFailureThrottle(db: Kysely<Database>) {
  /** Seconds until another attempt is allowed, or 0 when one is allowed now. */
  async function retryAfterSeconds(rules: readonly ThrottleRule[]): Promise<number> {
    let wait = 0;
    for (const rule of rules) {
      const rows = await db
        .selectFrom('auth_failures')
        .select('at')
        .where('key', '=', rule.key)
        .where('at', '>', sql<Date>`now() - ${`${THROTTLE_WINDOW_MS} milliseconds`}::interval`)
        .orderBy('at', 'desc')
        .limit(rule.limit)
        .execute();
      if (rows.length < rule.limit) continue;
      // Blocked until the oldest of the last `limit` failures leaves the window.
      const oldest = rows[rows.length - 1]!.at.getTime();
      wait = Math.max(wait, Math.ceil((oldest + THROTTLE_WINDOW_MS - Date.now()) / 1000));
    }
    return Math.max(wait, 0);
  }

  async function recordFailure(keys: readonly string[]): Promise<void> {
    await db.insertInto('auth_failures').values(keys.map((key) => ({ key }))).execute();
    // Old entries are useless: prune a few now and then rather than running a separate job.
    if (Math.random() < 0.05) {
      await db.deleteFrom('auth_failures').where('at', '<', sql<Date>`now() - interval '1 day'`).execute();
    }
  }

  async function clear(key: string): Promise<void> {
    await db.deleteFrom('auth_failures').where('key', '=', key).execute();
  }

  return { retryAfterSeconds, recordFailure, clear };
}

export type FailureThrottle = ReturnType<typeof createFailureThrottle>;
