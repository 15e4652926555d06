import { describe, expect, it } from 'vitest';
import { labelsByQuestion } from '../../../../client/src/features/response-history/components/question-labels';

describe('Question labels from the catalogue', () => {
  it('cuts the part off the first variable for the title, also when the title has a dash of its own', () => {
    const labels = labelsByQuestion([
      { key: 'staff.police.full', question: 'staff', section: 's', type: 'number', title: 'Staff — specialised — Police — Full time' },
      { key: 'staff.police.part', question: 'staff', section: 's', type: 'number', title: 'Staff — specialised — Police — Part time' },
      { key: 'staff.courts.full', question: 'staff', section: 's', type: 'number', title: 'Staff — specialised — Courts — Full time' },
    ]).get('staff')!;

    expect(labels.title).toBe('Staff — specialised');
    expect(Object.fromEntries(labels.parts)).toEqual({
      police: 'Police',
      'police.full': 'Full time',
      'police.part': 'Part time',
      courts: 'Courts',
      'courts.full': 'Full time',
    });
  });

  it('keeps the choices of a cell, of ticks and of panel fields where their values are', () => {
    const labels = labelsByQuestion([
      { key: 'tools.a', question: 'tools', section: 's', type: 'rank', title: 'Tools — Hotline', choice: { value: 'a', label: 'Hotline' } },
      { key: 'tools.b', question: 'tools', section: 's', type: 'rank', title: 'Tools — Website', choice: { value: 'b', label: 'Website' } },
      { key: 'tools.comment', question: 'tools', section: 's', type: 'comment-text', title: 'Tools — comment' },
    ]).get('tools')!;

    expect(labels.title).toBe('Tools');
    expect(Object.fromEntries(labels.choices.get('')!)).toEqual({ a: 'Hotline', b: 'Website' });
    expect(labels.parts.size).toBe(0);
    expect(labels.commentTitle).toBe('Comment');
  });
});
