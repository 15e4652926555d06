import { describe, expect, it } from 'vitest';
import { answerDiffer } from '../../../server/questionnaire/answer-diff.js';
import type { QuestionDiff } from '../../../server/questionnaire/answer-diff.js';
import { buildCatalogue } from '../../../server/questionnaire/index.js';
import { everyType, everyTypeComplete, onePage } from './support/fixtures.js';

/**
 * The comparison of two answer sets in the questionnaire's words (issue 11, items 5 and 7):
 * every question type of tests/fixtures/questionnaire/every-type.json, changed one at a time
 * from its complete answers, with the exact words expected.
 */

const differ = answerDiffer(buildCatalogue(everyType()));
const complete = everyTypeComplete() as Record<string, unknown>;

/** The complete answers with some changed (undefined removes an answer). */
function changed(changes: Record<string, unknown>): Record<string, unknown> {
  const data: Record<string, unknown> = { ...structuredClone(complete), ...structuredClone(changes) };
  for (const [key, value] of Object.entries(changes)) if (value === undefined) delete data[key];
  return data;
}

/** The one changed question, with only its changed parts, as [label, old, new]. */
function onlyChange(after: Record<string, unknown>, before: Record<string, unknown> = complete): { question: string; title: string; parts: Array<[string | null, string | null, string | null]> } {
  const diffs = differ.diff(before, after);
  expect(diffs.map((diff) => diff.question)).toHaveLength(1);
  const diff = diffs[0]!;
  return { question: diff.question, title: diff.title, parts: diff.parts.filter((part) => part.changed).map((part) => [part.label, part.old, part.new]) };
}

describe('the diff of two answer sets', () => {
  it('finds nothing between equal answers', () => {
    expect(differ.diff(complete, structuredClone(complete))).toEqual([]);
  });

  it('text: the old and the new text', () => {
    expect(onlyChange(changed({ respondent_name: 'Mari Näide' }))).toEqual({
      question: 'respondent_name',
      title: 'Your name',
      parts: [[null, 'Maria Example', 'Mari Näide']],
    });
  });

  it('number: the numbers as written, an answer removed reads as null', () => {
    expect(onlyChange(changed({ staff_count: 14 })).parts).toEqual([[null, '12', '14']]);
    expect(onlyChange(changed({ staff_count: undefined })).parts).toEqual([[null, '12', null]]);
  });

  it('single choice: labels, not codes', () => {
    expect(onlyChange(changed({ level: 3 }))).toEqual({ question: 'level', title: 'Level', parts: [[null, 'National', 'Local']] });
  });

  it('checkbox: the ticked labels in the questionnaire’s order; ticks in another order are no change', () => {
    expect(onlyChange(changed({ roles: ['shelter', 'identification'], 'roles-Comment': undefined })).parts).toEqual([
      [null, 'Identification, Referral, Other (describe): “Hotline”', 'Identification, Shelter'],
    ]);
    expect(differ.diff(complete, changed({ roles: ['identification', 'other', 'referral'] }))).toEqual([]);
  });

  it('"other" text: a change of the text alone shows with its choice', () => {
    expect(onlyChange(changed({ 'institution-Comment': 'Coordination unit' }))).toEqual({
      question: 'institution',
      title: 'Institution type',
      parts: [[null, 'Other (describe): “Coordination office”', 'Other (describe): “Coordination unit”']],
    });
  });

  it('boolean: the question’s own labels for yes and no, also with valueTrue/valueFalse', () => {
    expect(onlyChange(changed({ has_plan: false })).parts).toEqual([[null, 'Yes', 'No']]);
    expect(onlyChange(changed({ consent: 'no' })).parts).toEqual([[null, 'I agree', 'I do not agree']]);
  });

  it('rating: the rate value', () => {
    expect(onlyChange(changed({ interest: 2 })).parts).toEqual([[null, '4', '2']]);
  });

  it('ranking: the labels in rank order', () => {
    expect(onlyChange(changed({ recommendations: ['return', 'training', 'mou'] }))).toEqual({
      question: 'recommendations',
      title: 'Rank the recommendations',
      parts: [[null, '1. Training, 2. Model MoU, 3. Safe return', '1. Safe return, 2. Training, 3. Model MoU']],
    });
  });

  it('matrix: row by row, "row: column label"', () => {
    const diff = differ.diff(complete, changed({ cooperation: { police: 'ad_hoc', prosecution: 'ad_hoc' } }))[0]!;
    expect(diff.parts).toEqual([
      { label: 'Police', old: 'Regular', new: 'Ad hoc', changed: true },
      { label: 'Prosecution', old: 'Ad hoc', new: 'Ad hoc', changed: false },
    ]);
    expect(diff.old.text).toBe('Police: Regular; Prosecution: Ad hoc');
    expect(diff.new.text).toBe('Police: Ad hoc; Prosecution: Ad hoc');
  });

  it('matrixdropdown: cell by cell, "row — column", choices and booleans in words', () => {
    const services = structuredClone(complete.services) as Record<string, Record<string, unknown>>;
    services.shelter!.places = 30;
    services.shelter!.channels = ['email'];
    services.legal_aid!.funded = true;
    expect(onlyChange(changed({ services }))).toEqual({
      question: 'services',
      title: 'Services',
      parts: [
        ['Shelter — Places', '25', '30'],
        ['Shelter — Channels', 'Phone, E-mail', 'E-mail'],
        ['Legal aid — State-funded', 'No', 'Yes'],
      ],
    });
  });

  it('multipletext: item by item', () => {
    expect(onlyChange(changed({ contact: { name: 'Maria Example', phone: '+372 555 0202', staff: 3 } }))).toEqual({
      question: 'contact',
      title: 'Contact person',
      parts: [['Phone', '+372 555 0101', '+372 555 0202']],
    });
  });

  it('dynamic panel: entry by entry, field by field, with its "other" text', () => {
    const organisations = structuredClone(complete.organisations) as Array<Record<string, unknown>>;
    organisations[1]!.org_name = 'Police, anti-trafficking unit';
    organisations[1]!['org_roles-Comment'] = 'Investigation and victim support';
    organisations[0]!.org_roles = ['referral', 'identification'];
    expect(onlyChange(changed({ organisations }))).toEqual({
      question: 'organisations',
      title: 'Organisations',
      parts: [
        ['Entry 1: Roles', 'Referral', 'Identification, Referral'],
        ['Entry 2: Name', 'Police, "THB" unit', 'Police, anti-trafficking unit'],
        ['Entry 2: Roles', 'Identification, Other (describe): “Investigation”', 'Identification, Other (describe): “Investigation and victim support”'],
      ],
    });
  });

  it('dynamic panel: an added and a removed entry each read as one part', () => {
    const organisations = structuredClone(complete.organisations) as Array<Record<string, unknown>>;
    const added = changed({ organisations: [...organisations, { org_name: 'Labour inspectorate', org_type: 'police' }] });
    expect(differ.diff(complete, added)[0]!.parts.filter((part) => part.changed)).toEqual([
      { label: 'Entry 3', old: null, new: 'Name: Labour inspectorate; Type: Police', changed: true, entry: 'added' },
    ]);
    const removed = changed({ organisations: [organisations[0]] });
    expect(differ.diff(complete, removed)[0]!.parts.filter((part) => part.changed)).toEqual([
      { label: 'Entry 2', old: 'Name: Police, "THB" unit; Type: Police; Roles: Identification, Other (describe): “Investigation”', new: null, changed: true, entry: 'removed' },
    ]);
    expect(differ.diff(complete, changed({ organisations: [...organisations, {}] }))[0]!.parts.at(-1)).toEqual({
      label: 'Entry 3', old: null, new: 'an empty entry', changed: true, entry: 'added',
    });
  });

  it('dynamic matrix: rows as entries, a checkbox cell as its labels', () => {
    expect(onlyChange(changed({ agreements: [{ partner: 'Latvia', signed: 2009, forms: ['labour'] }] })).parts).toEqual([
      ['Entry 1: Year signed', '2008', '2009'],
      ['Entry 1: Forms', 'Sexual, Labour', 'Labour'],
    ]);
  });

  it('a comment area reads as a part of its own', () => {
    const catalogue = buildCatalogue(onePage({ type: 'radiogroup', name: 'plan', title: 'Plan', choices: [{ value: 'yes', text: 'In force' }, 'no'], showCommentArea: true }));
    const [diff] = answerDiffer(catalogue).diff({ plan: 'yes', 'plan-Comment': 'Since 2019' }, { plan: 'yes', 'plan-Comment': 'Since 2020' });
    expect(diff!.parts).toEqual([
      { label: null, old: 'In force', new: 'In force', changed: false },
      { label: 'Comment', old: 'Since 2019', new: 'Since 2020', changed: true },
    ]);
  });

  it('from nothing: every answered question in questionnaire order, each side with its value and its words', () => {
    const diffs = differ.diff({}, complete);
    expect(diffs.map((diff) => diff.question)).toEqual(differ.questions.filter((question) => question !== 'victims_per_staff'));
    const institution = diffs.find((diff) => diff.question === 'institution') as QuestionDiff;
    expect(institution).toEqual({
      question: 'institution',
      title: 'Institution type',
      section: 'respondent',
      sectionTitle: 'respondent',
      changed: true,
      old: { value: null, text: null },
      new: { value: 'other', comment: 'Coordination office', text: 'Other (describe): “Coordination office”' },
      parts: [{ label: null, old: null, new: 'Other (describe): “Coordination office”', changed: true }],
    });
  });

  it('all: every question, changed or not; questions: only those named', () => {
    const all = differ.diff(complete, changed({ level: 2 }), { all: true });
    expect(all.map((diff) => diff.question)).toEqual(differ.questions);
    expect(all.filter((diff) => diff.changed).map((diff) => diff.question)).toEqual(['level']);
    expect(differ.diff({}, complete, { questions: new Set(['level', 'contact']) }).map((diff) => diff.question)).toEqual(['level', 'contact']);
  });

  it('a code the questionnaire does not know reads as itself', () => {
    expect(onlyChange(changed({ level: 9 })).parts).toEqual([[null, 'National', '9']]);
  });
});
