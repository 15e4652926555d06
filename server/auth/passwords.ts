import { hash, verify } from '@node-rs/argon2';
import { COMMON_PASSWORDS } from './common-passwords.js';

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 256;

/** argon2id with the library's defaults (OWASP's minimum: 19 MiB, 2 passes). */
export const hashPassword = (password: string): Promise<string> => hash(password);

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/**
 * Verifying against this hash when the e-mail is unknown makes an unknown account cost as much
 * time as a wrong password, so timing does not tell which e-mails have accounts.
 */
let dummyHash: Promise<string> | undefined;
export async function burnPasswordCheck(password: string): Promise<void> {
  dummyHash ??= hash('not a real password: equalises sign-in timing');
  await verifyPassword(await dummyHash, password);
}

/** Why a new password is refused, or null when it is acceptable. */
export function passwordWeakness(password: string, context: { email?: string; name?: string } = {}): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return `The password must have at least ${MIN_PASSWORD_LENGTH} characters.`;
  if (password.length > MAX_PASSWORD_LENGTH) return `The password must have at most ${MAX_PASSWORD_LENGTH} characters.`;
  const folded = password.toLowerCase();
  if (COMMON_PASSWORDS.has(folded)) return 'This password is one of the most common passwords; choose another.';
  if (new Set(folded).size <= 3) return 'The password repeats too few characters; choose a longer phrase.';
  const local = context.email?.split('@')[0]?.toLowerCase();
  if (local && local.length >= 4 && folded.includes(local)) return 'The password must not contain your e-mail address.';
  return null;
}
