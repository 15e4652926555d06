/**
 * Whether a failure means "the database cannot be reached just now" rather than "this request
 * is wrong" or "our code is wrong": the server is down or restarting, refuses connections, or
 * dropped the connection. Such a request is answered 503 with Retry-After (http/error-handler.ts)
 * and the pool reconnects by itself once the database is back.
 */
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

/** SQLSTATE: connection exceptions (08…), shutdown or start-up in progress (57P01–57P03), too many connections. */
const UNAVAILABLE_STATES = /^(08...|57P0[123]|53300)$/;

/** What `pg` says when a connection ends or cannot be had; it sets no code for these. */
const PG_MESSAGES = [
  'Connection terminated',
  'timeout exceeded when trying to connect',
  'Client has encountered a connection error and is not queryable',
  'Connection ended',
];

export function isDatabaseUnavailable(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, message, errors } = error as { code?: unknown; message?: unknown; errors?: unknown };
  if (typeof code === 'string' && (NETWORK_CODES.has(code) || UNAVAILABLE_STATES.test(code))) return true;
  if (typeof message === 'string' && PG_MESSAGES.some((known) => message.startsWith(known))) return true;
  // Node's connection attempts to every address of a host fail together as an AggregateError.
  return Array.isArray(errors) && errors.some(isDatabaseUnavailable);
}

/** How long a client should wait before trying again: a restart of PostgreSQL takes seconds. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;
