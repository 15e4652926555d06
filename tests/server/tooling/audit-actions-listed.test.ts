import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AUDIT_ACTION_GROUPS } from '../../../client/src/features/admin/components/audit-actions.js';

// The audit log's filter offers the actions by what they mean (client/…/audit-actions.ts). An
// action the server writes but the list lacks cannot be chosen there (user.renamed was missed
// once): every action literal in server/ must be listed, and every listed one written somewhere.
const ROOT = path.resolve(import.meta.dirname, '..', '..', '..');

function serverSources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? serverSources(full) : entry.name.endsWith('.ts') ? [full] : [];
  });
}

const listed = AUDIT_ACTION_GROUPS.flatMap((group) => group.actions.map(([code]) => code));
const namespaces = [...new Set(listed.map((code) => code.split('.')[0]!))];
/** 'namespace.name' literals of the audit's namespaces; file names such as 'survey.json' are not actions. */
const ACTION_LITERAL = new RegExp(`'((?:${namespaces.join('|')})\\.[a-z_]+)'`, 'g');
const NOT_ACTIONS = /\.(json|csv|xlsx)$/;

describe('the audit actions the filter lists', () => {
  const written = new Set(
    serverSources(path.join(ROOT, 'server')).flatMap((file) =>
      [...fs.readFileSync(file, 'utf8').matchAll(ACTION_LITERAL)].map((match) => match[1]!).filter((code) => !NOT_ACTIONS.test(code)),
    ),
  );

  it('include every action the server writes', () => {
    expect(written.size).toBeGreaterThan(20);
    expect([...written].filter((code) => !listed.includes(code))).toEqual([]);
  });

  it('are all written by the server, each listed once', () => {
    expect(listed.filter((code) => !written.has(code))).toEqual([]);
    expect(new Set(listed).size).toBe(listed.length);
  });
});
