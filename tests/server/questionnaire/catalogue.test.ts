import { describe, expect, it } from 'vitest';
import { buildCatalogue } from '../../../server/questionnaire/catalogue.js';
import { ENTRY_PLACEHOLDER } from '../../../server/questionnaire/repeats.js';
import type { Variable } from '../../../server/questionnaire/catalogue.js';
import { expandRepeats, repeatCounts } from '../../../server/questionnaire/repeats.js';
import { everyType, onePage } from './support/fixtures.js';

const catalogue = buildCatalogue(everyType());
const byKey = (key: string): Variable => {
  const found = catalogue.variables.find((variable) => variable.key === key);
  if (!found) throw new Error(`no variable ${key}`);
  return found;
};

describe('buildCatalogue', () => {
  it('has one variable per answerable leaf, in definition order, with its section', () => {
    expect(catalogue.variables.map((variable) => [variable.key, variable.type, variable.section])).toEqual([
      ['respondent_name', 'text', 'respondent'],
      ['staff_count', 'number', 'respondent'],
      ['email', 'text', 'respondent'],
      ['report_date', 'date', 'respondent'],
      ['notes', 'text', 'respondent'],
      ['institution', 'choice', 'respondent'],
      ['institution.other_text', 'other-text', 'respondent'],
      ['level', 'choice', 'respondent'],
      ['roles.identification', 'checkbox-choice', 'respondent'],
      ['roles.referral', 'checkbox-choice', 'respondent'],
      ['roles.shelter', 'checkbox-choice', 'respondent'],
      ['roles.none', 'checkbox-choice', 'respondent'],
      ['roles.other', 'checkbox-choice', 'respondent'],
      ['roles.other_text', 'other-text', 'respondent'],
      ['has_plan', 'boolean', 'respondent'],
      ['plan_period', 'text', 'respondent'],
      ['consent', 'boolean', 'respondent'],
      ['interest', 'choice', 'assessment'],
      ['priority', 'choice', 'assessment'],
      ['recommendations.mou', 'rank', 'assessment'],
      ['recommendations.training', 'rank', 'assessment'],
      ['recommendations.return', 'rank', 'assessment'],
      ['cooperation.police', 'choice', 'assessment'],
      ['cooperation.prosecution', 'choice', 'assessment'],
      ['services.shelter.provider', 'choice', 'assessment'],
      ['services.shelter.places', 'number', 'assessment'],
      ['services.shelter.funded', 'boolean', 'assessment'],
      ['services.shelter.channels', 'choices', 'assessment'],
      ['services.legal_aid.provider', 'choice', 'assessment'],
      ['services.legal_aid.places', 'number', 'assessment'],
      ['services.legal_aid.funded', 'boolean', 'assessment'],
      ['services.legal_aid.channels', 'choices', 'assessment'],
      ['contact.name', 'text', 'assessment'],
      ['contact.phone', 'text', 'assessment'],
      ['contact.staff', 'number', 'assessment'],
      ['victims_total', 'number', 'assessment'],
      ['organisations.count', 'count', 'assessment'],
      ['organisations.{n}.org_name', 'text', 'assessment'],
      ['organisations.{n}.org_type', 'choice', 'assessment'],
      ['organisations.{n}.org_roles.identification', 'checkbox-choice', 'assessment'],
      ['organisations.{n}.org_roles.referral', 'checkbox-choice', 'assessment'],
      ['organisations.{n}.org_roles.other', 'checkbox-choice', 'assessment'],
      ['organisations.{n}.org_roles.other_text', 'other-text', 'assessment'],
      ['organisations.{n}.org_email', 'text', 'assessment'],
      ['agreements.count', 'count', 'assessment'],
      ['agreements.{n}.partner', 'text', 'assessment'],
      ['agreements.{n}.signed', 'number', 'assessment'],
      ['agreements.{n}.forms', 'choices', 'assessment'],
    ]);
  });

  it('titles a question by its title, falling back to its name, and carries translations', () => {
    expect(byKey('respondent_name')).toMatchObject({ question: 'respondent_name', title: 'Your name', titles: { de: 'Ihr Name' }, questionType: 'text' });
    const untitled = buildCatalogue(onePage({ type: 'text', name: 'untitled' })).variables[0];
    expect(untitled).toMatchObject({ title: 'untitled' });
    expect(untitled).not.toHaveProperty('titles');
  });

  it('gives single-choice questions their choices, with the "other" item and its text variable', () => {
    expect(byKey('institution')).toMatchObject({
      type: 'choice',
      questionType: 'radiogroup',
      choices: [
        { value: 'ngo', label: 'NGO', labels: { de: 'NRO' } },
        { value: 'police', label: 'Police' },
        { value: 'ministry', label: 'Ministry' },
        { value: 'other', label: 'Other (describe)' },
      ],
    });
    expect(byKey('institution.other_text')).toMatchObject({ question: 'institution', path: ['institution-Comment'], title: 'Institution type — Other (describe)' });
  });

  it('keeps numeric choice values as numbers and adds the "none" item', () => {
    expect(byKey('level')).toMatchObject({
      questionType: 'dropdown',
      choices: [
        { value: 1, label: 'National' },
        { value: 2, label: 'Regional' },
        { value: 3, label: 'Local' },
        { value: 'none', label: 'None' },
      ],
    });
  });

  it('makes a checkbox one 1/0 variable per choice, "none" included, "select all" not', () => {
    expect(byKey('roles.referral')).toMatchObject({
      question: 'roles',
      questionType: 'checkbox',
      title: 'Roles — Referral',
      choice: { value: 'referral', label: 'Referral' },
      part: { choice: 'referral' },
      path: ['roles'],
    });
    expect(byKey('roles.other')).toMatchObject({ choice: { value: 'other', label: 'Other (describe)' } });
    expect(catalogue.variables.some((variable) => variable.key.startsWith('roles.select'))).toBe(false);
  });

  it('codes booleans 1/0 with their labels, remembering custom stored values', () => {
    expect(byKey('has_plan')).toMatchObject({
      choices: [
        { value: 1, label: 'Yes' },
        { value: 0, label: 'No' },
      ],
      stored: { yes: true, no: false },
    });
    expect(byKey('consent')).toMatchObject({
      choices: [
        { value: 1, label: 'I agree' },
        { value: 0, label: 'I do not agree' },
      ],
      stored: { yes: 'yes', no: 'no' },
    });
  });

  it('lists the rating scale as choices, from min…max or rateValues', () => {
    expect(byKey('interest')).toMatchObject({ questionType: 'rating', choices: [1, 2, 3, 4, 5].map((value) => ({ value, label: String(value) })) });
    expect(byKey('priority')).toMatchObject({
      choices: [
        { value: 'low', label: 'Low' },
        { value: 'high', label: 'High' },
      ],
    });
  });

  it('gives a ranking one rank column per choice', () => {
    expect(byKey('recommendations.training')).toMatchObject({ type: 'rank', choice: { value: 'training', label: 'Training' }, path: ['recommendations'] });
  });

  it('gives matrix rows the column choices and their own path', () => {
    expect(byKey('cooperation.prosecution')).toMatchObject({
      title: 'Cooperation with NGOs — Prosecution',
      part: { row: 'prosecution' },
      path: ['cooperation', 'prosecution'],
      choices: [
        { value: 'none', label: 'None' },
        { value: 'ad_hoc', label: 'Ad hoc' },
        { value: 'regular', label: 'Regular' },
      ],
    });
  });

  it('types matrixdropdown cells by their column, choices from the column or the matrix', () => {
    expect(byKey('services.legal_aid.provider')).toMatchObject({
      title: 'Services — Legal aid — Provider',
      questionType: 'dropdown',
      part: { row: 'legal_aid', column: 'provider' },
      path: ['services', 'legal_aid', 'provider'],
      choices: [
        { value: 'state', label: 'State' },
        { value: 'ngo', label: 'NGO' },
        { value: 'both', label: 'Both' },
      ],
    });
    expect(byKey('services.shelter.channels')).toMatchObject({ questionType: 'checkbox', choices: [{ value: 'phone' }, { value: 'email' }] });
    expect(byKey('services.shelter.funded')).toMatchObject({ type: 'boolean', questionType: 'boolean' });
  });

  it('gives multipletext items their own variables, numeric where the input is', () => {
    expect(byKey('contact.staff')).toMatchObject({ type: 'number', part: { item: 'staff' }, path: ['contact', 'staff'], title: 'Contact person — Staff' });
  });

  it('flattens panels and leaves out html and expressions', () => {
    expect(byKey('victims_total')).toMatchObject({ question: 'victims_total', section: 'assessment' });
    expect(catalogue.variables.some((variable) => ['intro', 'victims_per_staff', 'victims_panel'].includes(variable.question))).toBe(false);
  });

  it('marks dynamic-panel fields as repeated, with paths inside one entry', () => {
    expect(byKey('organisations.count')).toMatchObject({ type: 'count', path: ['organisations'] });
    expect(byKey('organisations.count')).not.toHaveProperty('repeat');
    expect(byKey('organisations.{n}.org_roles.other_text')).toMatchObject({
      question: 'organisations',
      repeat: { question: 'organisations', maxCount: 5 },
      part: { field: 'org_roles' },
      path: ['org_roles-Comment'],
      title: 'Organisations — Roles — Other (describe)',
    });
  });

  it('handles dynamic matrices, tagboxes, comment areas and multi-choice matrices', () => {
    const variables = buildCatalogue(
      onePage(
        { type: 'matrixdynamic', name: 'agreements', columns: [{ name: 'partner', cellType: 'text' }, { name: 'forms', cellType: 'tagbox', choices: ['labour', 'sexual'] }] },
        { type: 'tagbox', name: 'states', choices: ['EE', 'LV'] },
        { type: 'radiogroup', name: 'budget', choices: ['up', 'down'], showCommentArea: true },
        { type: 'matrix', name: 'grid', cellType: 'checkbox', rows: ['r'], columns: ['a', 'b'] },
      ),
    ).variables;
    expect(variables.map((variable) => [variable.key, variable.type])).toEqual([
      ['agreements.count', 'count'],
      ['agreements.{n}.partner', 'text'],
      ['agreements.{n}.forms', 'choices'],
      ['states.EE', 'checkbox-choice'],
      ['states.LV', 'checkbox-choice'],
      ['budget', 'choice'],
      ['budget.comment', 'comment-text'],
      ['grid.r', 'choices'],
    ]);
    expect(variables[6]).toMatchObject({ path: ['budget-Comment'] });
  });
});

describe('question and part titles', () => {
  const titlesOf = (key: string) => {
    const { questionTitle, questionTitles, partTitles, partTitlesByLocale } = byKey(key);
    return { questionTitle, questionTitles, partTitles, partTitlesByLocale };
  };

  it('gives a whole question its own title, with its translations, and no part titles', () => {
    expect(titlesOf('respondent_name')).toEqual({ questionTitle: 'Your name', questionTitles: { de: 'Ihr Name' }, partTitles: undefined, partTitlesByLocale: undefined });
    expect(byKey('institution')).not.toHaveProperty('partTitles');
  });

  it.each([
    ['a matrix row', 'cooperation.prosecution', 'Cooperation with NGOs', ['Prosecution']],
    ['a matrixdropdown row and column', 'services.legal_aid.provider', 'Services', ['Legal aid', 'Provider']],
    ['a multipletext item', 'contact.staff', 'Contact person', ['Staff']],
    ['a checkbox choice', 'roles.referral', 'Roles', ['Referral']],
    ['a rank', 'recommendations.training', 'Rank the recommendations', ['Training']],
    ['the "other" text', 'institution.other_text', 'Institution type', ['Other (describe)']],
    ['the number of dynamic-panel entries', 'organisations.count', 'Organisations', ['number of entries']],
    ['a dynamic-panel field', 'organisations.{n}.org_name', 'Organisations', ['Name']],
    ['a checkbox choice in a dynamic-panel field', 'organisations.{n}.org_roles.referral', 'Organisations', ['Roles', 'Referral']],
    ['the "other" text of a dynamic-panel field', 'organisations.{n}.org_roles.other_text', 'Organisations', ['Roles', 'Other (describe)']],
    ['a dynamic-matrix column', 'agreements.{n}.partner', 'Agreements', ['Partner']],
  ])('titles %s by its question and one part title per named key segment', (_, key, questionTitle, partTitles) => {
    expect(byKey(key)).toMatchObject({ questionTitle, partTitles });
  });

  it('joins to the title for every variable: the question title, then the part titles', () => {
    for (const variable of catalogue.variables) {
      const named = variable.key.split('.').slice(1).filter((segment) => segment !== ENTRY_PLACEHOLDER);
      expect(variable.partTitles ?? [], variable.key).toHaveLength(named.length);
      expect([variable.questionTitle, ...(variable.partTitles ?? [])].join(' — '), variable.key).toBe(variable.title);
    }
  });

  it('keeps titles whole that hold " — " themselves', () => {
    const [full, part] = buildCatalogue(
      onePage({
        type: 'matrixdropdown',
        name: 'staff',
        title: 'Staff — specialised',
        rows: [{ value: 'police', text: 'Police — border guard' }],
        columns: [
          { name: 'full', title: 'Full time', cellType: 'text', inputType: 'number' },
          { name: 'part', title: 'Part — time', cellType: 'text', inputType: 'number' },
        ],
      }),
    ).variables;
    expect(full).toMatchObject({ title: 'Staff — specialised — Police — border guard — Full time', questionTitle: 'Staff — specialised', partTitles: ['Police — border guard', 'Full time'] });
    expect(part).toMatchObject({ questionTitle: 'Staff — specialised', partTitles: ['Police — border guard', 'Part — time'] });
  });

  it('translates question and part titles as it translates the title, a missing translation falling back', () => {
    const [adults, children] = buildCatalogue(
      onePage({
        type: 'matrix',
        name: 'shelters',
        title: { default: 'Shelters', de: 'Unterkünfte' },
        rows: [
          { value: 'adults', text: { default: 'Adults', fi: 'Aikuiset' } },
          { value: 'children', text: 'Children' },
        ],
        columns: ['yes', 'no'],
      }),
    ).variables;
    expect(adults).toMatchObject({
      titles: { de: 'Unterkünfte — Adults', fi: 'Shelters — Aikuiset' },
      questionTitles: { de: 'Unterkünfte' },
      partTitles: ['Adults'],
      partTitlesByLocale: { fi: ['Aikuiset'] },
    });
    expect(children).toMatchObject({ titles: { de: 'Unterkünfte — Children' }, questionTitles: { de: 'Unterkünfte' }, partTitles: ['Children'] });
    expect(children).not.toHaveProperty('partTitlesByLocale');
  });
});

describe('expandRepeats', () => {
  it('lays out repeated variables entry by entry up to the given count', () => {
    const columns = expandRepeats(catalogue, new Map([['organisations', 2]]));
    const keys = columns.map((column) => column.key);
    expect(keys.slice(keys.indexOf('organisations.count'), keys.indexOf('agreements.count'))).toEqual([
      'organisations.count',
      ...[1, 2].flatMap((n) => [
        `organisations.${n}.org_name`,
        `organisations.${n}.org_type`,
        `organisations.${n}.org_roles.identification`,
        `organisations.${n}.org_roles.referral`,
        `organisations.${n}.org_roles.other`,
        `organisations.${n}.org_roles.other_text`,
        `organisations.${n}.org_email`,
      ]),
    ]);
    expect(columns.find((column) => column.key === 'organisations.2.org_roles.other_text')).toMatchObject({
      entry: 2,
      path: ['organisations', '1', 'org_roles-Comment'],
    });
    expect(columns.some((column) => 'repeat' in column)).toBe(false);
  });

  it('counts the largest number of entries across data sets', () => {
    const counts = repeatCounts(catalogue, [{ organisations: [{}, {}] }, { organisations: [{}, {}, {}] }, {}, 'not data']);
    expect(counts).toEqual(
      new Map([
        ['organisations', 3],
        ['agreements', 0],
      ]),
    );
    expect(expandRepeats(catalogue, new Map()).some((column) => column.key.startsWith('organisations.1'))).toBe(false);
  });
});
