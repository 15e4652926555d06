import { unprocessable } from '../http/errors.js';
import { isStorableText } from '../http/storable-text.js';

export const MESSAGE_MAX_LENGTH = 5000;

/** A comment, return message or reopen reason: trimmed, 1–5000 characters, not blank (422 otherwise). */
export function cleanMessage(raw: string, code: string, what: string): string {
  const text = raw.trim();
  if (text.length === 0 || text.length > MESSAGE_MAX_LENGTH) {
    throw unprocessable(code, `${what} must be 1–${MESSAGE_MAX_LENGTH} characters and not blank.`);
  }
  if (!isStorableText(text)) throw unprocessable(code, `${what} contains a character that cannot be stored (NUL or an unpaired surrogate).`);
  return text;
}
