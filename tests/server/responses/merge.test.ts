import { describe, expect, it } from 'vitest';
import { applyChange, changedQuestions, effectiveChange, findOverlaps, isEmptyChange, sameJson, type LaterRevision } from '../../../server/responses/merge.js';

const at = new Date('2026-11-28T10:00:00Z');
const rev = (revision: number, author: string | null, changed: string[]): LaterRevision => ({ revision, author, authorName: `name of ${author}`, at, changed });
const questionOf = (key: string) => key.replace(/-Comment$/, '');

describe('field-level merge', () => {
  it('keeps only what differs from the current answers', () => {
    const current = { a: 1, b: { x: [1, 2] }, c: 'c' };
    const change = effectiveChange(current, { set: { a: 1, b: { x: [1, 2] }, d: '' }, unset: ['c', 'e', 'c'] });
    expect(change).toEqual({ set: { d: '' }, unset: ['c'] });
    expect(isEmptyChange(effectiveChange(current, { set: { a: 1 }, unset: ['zzz'] }))).toBe(true);
    expect(effectiveChange(current, { set: { b: { x: [2, 1] } }, unset: [] }).set).toEqual({ b: { x: [2, 1] } });
  });

  it('applies a change without touching the current answers', () => {
    const current = Object.freeze({ a: 1, b: 2 });
    expect(applyChange(current, { set: { b: 3, c: 4 }, unset: ['a'] })).toEqual({ b: 3, c: 4 });
    expect(current).toEqual({ a: 1, b: 2 });
  });

  it('counts an "other" text as its question', () => {
    expect(changedQuestions({ set: { 'q-Comment': 'x', r: 1 }, unset: ['q'] }, questionOf)).toEqual(['q', 'r']);
  });

  it('finds overlaps with the latest change by someone else only', () => {
    const later = [rev(3, 'anna', ['q']), rev(4, 'bert', ['q', 'r']), rev(5, 'anna', ['r'])];
    // q: last changed by bert; r: last changed by anna herself.
    expect(findOverlaps(['q', 'r', 's'], later, 'anna')).toEqual([{ question: 'q', changedBy: 'name of bert', changedAt: at, revision: 4 }]);
    expect(findOverlaps(['q', 'r'], later, 'bert').map((o) => o.question)).toEqual(['r']);
    // A deleted author is someone else.
    expect(findOverlaps(['q'], [rev(2, null, ['q'])], 'anna')).toHaveLength(1);
    expect(findOverlaps(['q'], [], 'anna')).toEqual([]);
  });

  it('compares JSON values regardless of key order', () => {
    expect(sameJson({ a: [1, { b: 2, c: 3 }] }, { a: [1, { c: 3, b: 2 }] })).toBe(true);
    expect(sameJson([1, 2], [2, 1])).toBe(false);
    expect(sameJson({ a: undefined }, {})).toBe(false);
    expect(sameJson(0, '0')).toBe(false);
    expect(sameJson(null, {})).toBe(false);
    expect(sameJson([], {})).toBe(false);
  });
});
