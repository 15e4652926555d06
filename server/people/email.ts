import { unprocessable } from '../http/errors.js';

const EMAIL = /^[^\s@\p{C}]{1,64}@[^\s@\p{C}]+\.[^\s@\p{C}]{2,}$/u;

/**
 * E-mail addresses are compared case-insensitively and in one Unicode form, so "Anna@EXAMPLE.ee"
 * and "anna@example.ee" are one account.
 */
export function normaliseEmail(raw: string): string {
  return raw.normalize('NFC').trim().toLowerCase();
}

export function validEmail(raw: string): string {
  const email = normaliseEmail(raw);
  if (email.length > 254 || !EMAIL.test(email)) throw unprocessable('INVALID_EMAIL', 'Enter a valid e-mail address.');
  return email;
}

export function validPersonName(raw: string): string {
  const name = raw.normalize('NFC').trim().replace(/\s+/g, ' ');
  if (name.length < 1 || name.length > 200 || /\p{C}/u.test(name)) {
    throw unprocessable('INVALID_NAME', 'The name must be 1–200 printable characters.');
  }
  return name;
}
