import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** An unguessable token for a session, an invitation link or an API token (256 bits). */
export const newToken = (): string => randomBytes(32).toString('base64url');

/**
 * Tokens are stored only as hashes: a copy of the database does not hand out sessions.
 * SHA-256 suffices (unlike passwords, tokens have full entropy).
 */
export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

export function constantTimeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
