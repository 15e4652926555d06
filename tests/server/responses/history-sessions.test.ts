import { describe, expect, it } from 'vitest';
import { editingSessions, SESSION_GAP_MS, type HistoryRevision } from '../../../server/responses/history-sessions.js';

/** How revisions group into editing sessions: author, status changes and pauses (history-sessions.ts). */

const start = Date.parse('2026-12-01T09:00:00Z');
let number = 0;
const rev = (minutes: number, author: string | null, authorName: string, changed: string[] = [], kind: HistoryRevision['kind'] = 'save'): HistoryRevision => ({
  revision: ++number,
  kind,
  status: kind === 'submit' ? 'submitted' : 'draft',
  author,
  authorName,
  at: new Date(start + minutes * 60_000),
  changed,
});
const order = new Map([['a', 0], ['b', 1], ['c', 2]]);
const summary = (revisions: HistoryRevision[]) =>
  editingSessions(revisions, order).map((item) => (item.type === 'session' ? `${item.author} ${item.firstRevision}-${item.lastRevision} [${item.questions.join(',')}]` : `${item.kind} ${item.revision}`));

describe('editing sessions', () => {
  it('joins a person’s consecutive saves; the questions are their union in questionnaire order', () => {
    number = 0;
    expect(summary([rev(0, 'u1', 'Anna', ['c']), rev(5, 'u1', 'Anna', ['a', 'c']), rev(6, 'u2', 'Bert', ['b']), rev(7, 'u1', 'Anna', ['zz', 'b'])])).toEqual([
      'Anna 1-2 [a,c]',
      'Bert 3-3 [b]',
      'Anna 4-4 [b,zz]',
    ]);
  });

  it('ends a session at a status change, which is a milestone of its own', () => {
    number = 0;
    expect(summary([rev(0, 'u1', 'Anna', ['a']), rev(1, 'u1', 'Anna', [], 'submit'), rev(2, 'u1', 'Anna', ['b'])])).toEqual(['Anna 1-1 [a]', 'submit 2', 'Anna 3-3 [b]']);
  });

  it('ends a session after a pause of more than 30 minutes between two saves, not at exactly 30', () => {
    expect(SESSION_GAP_MS).toBe(30 * 60_000);
    number = 0;
    expect(summary([rev(0, 'u1', 'Anna', ['a']), rev(30, 'u1', 'Anna', ['b']), rev(60.5, 'u1', 'Anna', ['c'])])).toEqual(['Anna 1-2 [a,b]', 'Anna 3-3 [c]']);
  });

  it('tells deleted users apart by name, and a deleted user from a living one with that name', () => {
    number = 0;
    expect(summary([rev(0, null, 'Anna', ['a']), rev(1, null, 'Anna', ['b']), rev(2, null, 'Bert', ['a']), rev(3, 'u1', 'Bert', ['a'])])).toEqual([
      'Anna 1-2 [a,b]',
      'Bert 3-3 [a]',
      'Bert 4-4 [a]',
    ]);
  });

  it('gives the session’s time span and its number of saves', () => {
    number = 0;
    const [session] = editingSessions([rev(0, 'u1', 'Anna'), rev(10, 'u1', 'Anna'), rev(25, 'u1', 'Anna')], order);
    expect(session).toEqual({ type: 'session', author: 'Anna', from: new Date(start), to: new Date(start + 25 * 60_000), firstRevision: 1, lastRevision: 3, saves: 3, questions: [] });
  });
});
