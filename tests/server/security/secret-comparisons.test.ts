import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { constantTimeEqual } from '../../../server/auth/secrets.js';

/**
 * Secrets are never compared with === in JavaScript, whose early exit tells an attacker how many
 * characters were right. Session, API and invitation tokens are looked up by their SHA-256 hash
 * in SQL (nothing to time: the database matches a hash of a guess, not the secret), the CSRF
 * token goes through constantTimeEqual. This scan holds every server file to that rule.
 */
const SERVER = path.resolve(import.meta.dirname, '..', '..', '..', 'server');
const SECRET_NAME = /(token|password|secret|csrf|cookie)/i;
/** Comparisons a reviewer has read, and why they leak nothing. */
const REVIEWED = new Set([
  // Both sides come from the same request body: the caller already knows them.
  'passwords.current === passwords.next',
]);
/** Comparisons with these say whether a value is there at all, not what it is. */
const HARMLESS_OPERAND = /^(null|undefined|''|""|`[^`]*`|'[^']*'|"[^"]*"|\d+|true|false|typeof\b.*)$/;
const COMPARISON = /([\w.$?![\]'"()]+)\s*[!=]==?\s*([\w.$?![\]'"`()]+)/g;

function serverFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return serverFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

/** Comparisons in which one side names a secret and the other is not a mere presence check. */
function secretComparisons(source: string): string[] {
  const found: string[] = [];
  for (const line of source.split('\n')) {
    if (/^\s*(\/\/|\*)/.test(line)) continue;
    for (const [whole, left, right] of line.matchAll(COMPARISON)) {
      const sides = [left!, right!].map((side) => side.replace(/^[(!]+|[)]+$/g, ''));
      if ([...REVIEWED].some((reviewed) => whole.includes(reviewed)) || sides.some((side) => HARMLESS_OPERAND.test(side)) || /typeof\s+$/.test(line.slice(0, line.indexOf(whole)))) continue;
      if (sides.some((side) => SECRET_NAME.test(side) && !/\.length$/.test(side))) found.push(line.trim());
    }
  }
  return found;
}

describe('timing-safe secret comparisons', () => {
  it('the scan finds a secret compared with === (so the test below would catch one)', () => {
    expect(secretComparisons('if (row.csrf_token === given) return null;')).toHaveLength(1);
    expect(secretComparisons('return hashToken(token) !== stored;')).toHaveLength(1);
    expect(secretComparisons("if (authorization !== undefined && typeof token === 'string') {}")).toEqual([]);
  });

  it('no server file compares a token, password, CSRF token or cookie with === or !==', () => {
    const offences = serverFiles(SERVER).flatMap((file) =>
      secretComparisons(fs.readFileSync(file, 'utf8')).map((line) => `${path.relative(SERVER, file)}: ${line}`),
    );
    expect(offences).toEqual([]);
  });

  it('constantTimeEqual tells equal from unequal, including different lengths', () => {
    expect(constantTimeEqual('abc', 'abc')).toBe(true);
    expect(constantTimeEqual('abc', 'abd')).toBe(false);
    expect(constantTimeEqual('abc', 'abcd')).toBe(false);
  });
});
