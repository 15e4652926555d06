import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where the database lives: a PostgreSQL server, or the embedded engine in a directory. */
export type DatabaseConfig =
  | { readonly kind: 'server'; readonly url: string }
  | { readonly kind: 'embedded'; readonly dataDir: string };

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

export interface Config {
  readonly port: number;
  readonly host: string;
  readonly database: DatabaseConfig;
  /** Local state of this installation (embedded database, lock file). */
  readonly dataDir: string;
  readonly firstAdmin: { readonly email: string; readonly password: string | null } | null;
  /** Base of links shown to people (invitations); null means "derive from the request". */
  readonly publicUrl: URL | null;
  readonly logLevel: LogLevel;
  /** Folder of versioned questionnaire definitions, imported at start-up. */
  readonly definitionsDir: string;
  /** Built client to serve at `/`, or null to serve the API only. */
  readonly clientDir: string | null;
  /** Requests bodies larger than this are refused with 413. */
  readonly bodyLimitBytes: number;
  /** Beyond this, requests are turned away with 503 and Retry-After (http/load-shedding.ts). */
  readonly overload: { readonly maxEventLoopDelayMs: number; readonly sampleIntervalMs: number };
}

/** A configuration problem: start-up stops and names the variable. */
export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), findRootFromHere());

/** server/config.ts runs from `server/` (tsx) or `dist/server/` (compiled). */
function findRootFromHere(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  return path.basename(path.dirname(here)) === 'dist' ? '../..' : '..';
}

/**
 * A request that waits more than a second for the event loop is better told "busy, try again"
 * at once than answered late: the autosave keeps the change and retries (README, Operating).
 */
const DEFAULT_MAX_EVENT_LOOP_DELAY_MS = 1000;

const LOG_LEVELS: readonly LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

type Env = Readonly<Record<string, string | undefined>>;

export function loadConfig(env: Env = process.env): Config {
  const problems: string[] = [];
  const value = (name: string): string | undefined => {
    const raw = env[name];
    return raw === undefined || raw.trim() === '' ? undefined : raw.trim();
  };

  const port = parsePort(value('PORT') ?? '3000');
  if (port === null) problems.push(`PORT must be a whole number from 0 to 65535 (got "${env.PORT}")`);

  const host = value('HOST') ?? '127.0.0.1';

  const dataDir = path.resolve(projectRoot, value('DATA_DIR') ?? 'data');

  const databaseUrl = value('DATABASE_URL');
  let database: DatabaseConfig = { kind: 'embedded', dataDir: path.join(dataDir, 'pg') };
  if (databaseUrl !== undefined) {
    if (!/^postgres(ql)?:\/\//.test(databaseUrl) || !isUrl(databaseUrl)) {
      problems.push('DATABASE_URL must be a postgres:// or postgresql:// URL');
    } else {
      database = { kind: 'server', url: databaseUrl };
    }
  }

  const adminEmail = value('ADMIN_EMAIL');
  const adminPassword = value('ADMIN_PASSWORD');
  if (adminEmail !== undefined && !EMAIL.test(adminEmail)) problems.push('ADMIN_EMAIL must be an e-mail address');
  if (adminPassword !== undefined && adminEmail === undefined) problems.push('ADMIN_PASSWORD is set but ADMIN_EMAIL is not');
  if (adminPassword !== undefined && adminPassword.length < 12) problems.push('ADMIN_PASSWORD must have at least 12 characters');

  let publicUrl: URL | null = null;
  const rawPublicUrl = value('PUBLIC_URL');
  if (rawPublicUrl !== undefined) {
    if (!/^https?:\/\//.test(rawPublicUrl) || !isUrl(rawPublicUrl)) problems.push('PUBLIC_URL must be an http:// or https:// URL');
    else publicUrl = new URL(rawPublicUrl.endsWith('/') ? rawPublicUrl : `${rawPublicUrl}/`);
  }

  const logLevel = (value('LOG_LEVEL') ?? 'info').toLowerCase() as LogLevel;
  if (!LOG_LEVELS.includes(logLevel)) problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}`);

  const rawDelay = value('MAX_EVENT_LOOP_DELAY_MS');
  const maxEventLoopDelayMs = rawDelay === undefined ? DEFAULT_MAX_EVENT_LOOP_DELAY_MS : /^\d+$/.test(rawDelay) ? Number(rawDelay) : null;
  if (maxEventLoopDelayMs === null || maxEventLoopDelayMs < 10) problems.push(`MAX_EVENT_LOOP_DELAY_MS must be a whole number of milliseconds, 10 or more (got "${rawDelay}")`);

  if (problems.length > 0) throw new ConfigError(problems);

  return {
    port: port!,
    host,
    database,
    dataDir,
    firstAdmin: adminEmail === undefined ? null : { email: adminEmail, password: adminPassword ?? null },
    publicUrl,
    logLevel,
    definitionsDir: path.join(projectRoot, 'survey-definitions'),
    clientDir: path.join(projectRoot, 'dist', 'client'),
    bodyLimitBytes: 1024 * 1024,
    overload: { maxEventLoopDelayMs: maxEventLoopDelayMs!, sampleIntervalMs: 1000 },
  };
}

function parsePort(raw: string): number | null {
  if (!/^\d+$/.test(raw)) return null;
  const port = Number(raw);
  return port <= 65535 ? port : null;
}

function isUrl(raw: string): boolean {
  try {
    new URL(raw);
    return true;
  } catch {
    return false;
  }
}
