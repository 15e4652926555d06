import { describe, expect, it } from 'vitest';
import type { CatalogueVariable } from '../../../../client/src/api/get-catalogue';
import { labelsByQuestion } from '../../../../client/src/features/response-history/components/question-labels';

/** A variable as the catalogue serves it: `title` is the question's and the parts' titles joined. */
function variable(key: string, type: string, questionTitle: string, partTitles: string[] = [], more: Partial<CatalogueVariable> = {}): CatalogueVariable {
  const question = key.split('.')[0]!;
  const title = [questionTitle, ...partTitles].join(' — ');
  return { key, question, section: 's', type, title, questionTitle, ...(partTitles.length > 0 ? { partTitles } : {}), ...more };
}

describe('Question labels from the catalogue', () => {
  it('takes the question and part titles whole, also when they hold " — " themselves', () => {
    const labels = labelsByQuestion([
      variable('staff.police.full', 'number', 'Staff — specialised', ['Police — border guard', 'Full time']),
      variable('staff.police.part', 'number', 'Staff — specialised', ['Police — border guard', 'Part time']),
      variable('staff.courts.full', 'number', 'Staff — specialised', ['Courts', 'Full time']),
    ]).get('staff')!;

    expect(labels.title).toBe('Staff — specialised');
    expect(Object.fromEntries(labels.parts)).toEqual({
      police: 'Police — border guard',
      'police.full': 'Full time',
      'police.part': 'Part time',
      courts: 'Courts',
      'courts.full': 'Full time',
    });
  });

  it('names a question whose first variable is a part with a dash in its title', () => {
    const labels = labelsByQuestion([
      variable('shelters.adults', 'choice', 'Shelters', ['Adults — over 18'], { choices: [{ value: 'yes', label: 'Available' }] }),
      variable('shelters.children', 'choice', 'Shelters', ['Children'], { choices: [{ value: 'yes', label: 'Available' }] }),
    ]).get('shelters')!;

    expect(labels.title).toBe('Shelters');
    expect(Object.fromEntries(labels.parts)).toEqual({ adults: 'Adults — over 18', children: 'Children' });
  });

  it('titles the fields of dynamic-panel entries, and their ticks by choice', () => {
    const labels = labelsByQuestion([
      variable('orgs.count', 'count', 'Partner — organisations', ['number of entries']),
      variable('orgs.{n}.name', 'text', 'Partner — organisations', ['Name — official']),
      variable('orgs.{n}.roles.shelter', 'checkbox-choice', 'Partner — organisations', ['Roles', 'Shelter'], { choice: { value: 'shelter', label: 'Shelter' } }),
      variable('orgs.{n}.roles.other_text', 'other-text', 'Partner — organisations', ['Roles', 'Other (describe)']),
    ]).get('orgs')!;

    expect(labels.title).toBe('Partner — organisations');
    expect(Object.fromEntries(labels.parts)).toEqual({ '{n}.name': 'Name — official', '{n}.roles': 'Roles' });
    expect(Object.fromEntries(labels.choices.get('{n}.roles')!)).toEqual({ shelter: 'Shelter' });
    expect(labels.commentTitle).toBe('Comment');
  });

  it('keeps the choices of ticks and ranks where their values are, and names the text beside them', () => {
    const labels = labelsByQuestion([
      variable('tools.a', 'rank', 'Tools', ['Hotline'], { choice: { value: 'a', label: 'Hotline' } }),
      variable('tools.b', 'rank', 'Tools', ['Website'], { choice: { value: 'b', label: 'Website' } }),
      variable('tools.comment', 'comment-text', 'Tools', ['comment']),
      variable('areas.other', 'checkbox-choice', 'Areas', ['Other (describe)'], { choice: { value: 'other', label: 'Other (describe)' } }),
      variable('areas.other_text', 'other-text', 'Areas', ['Other (describe)']),
    ]);
    const tools = labels.get('tools')!;

    expect(tools.title).toBe('Tools');
    expect(Object.fromEntries(tools.choices.get('')!)).toEqual({ a: 'Hotline', b: 'Website' });
    expect(tools.parts.size).toBe(0);
    expect(tools.commentTitle).toBe('Comment');
    expect(labels.get('areas')!.commentTitle).toBe('Other (describe)');
  });
});
