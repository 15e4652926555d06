import { describe, expect, it } from 'vitest';
import {
  catalogueLocales,
  comparisonCells,
  comparisonColumn,
  createComparison,
  createSummaryCounter,
  expandRepeats,
  isCatalogueLocale,
  localizeCatalogue,
  repeatCounts,
  selectVariables,
  summarySpecs,
  wideColumns,
  wideRow,
} from '../../../server/questionnaire/index.js';
import type { Catalogue, Column } from '../../../server/questionnaire/index.js';
import { catalogueOf, roundOne } from './support/analysis-definitions.js';

const catalogue = catalogueOf(roundOne());

const estonia = {
  consent: 'as_received',
  contact: { name: 'Mari Maasikas', email: 'mari@example.ee' },
  plan: 'in_force',
  roles: ['shelter', 'other'],
  'roles-Comment': 'Legal aid',
  rapporteur: true,
  ngo_count: 12,
  interest: 2,
  orgs: [
    { org_name: 'Living for Tomorrow', org_type: 'ngo', org_contact: 'info@example.ee' },
    { org_name: 'Police Board', org_type: 'state' },
  ],
  intensity: { police: 'often' },
};
const latvia = { consent: 'anonymised', plan: 'none', roles: ['identification'], rapporteur: false, interest: 3, orgs: [{ org_type: 'ngo' }] };
const finland = { consent: 'as_received', plan: 'in_force' };

const columnsFor = (source: Catalogue, replies: unknown[]) => expandRepeats(source, repeatCounts(source, replies));
const cellsByKey = (columns: readonly Column[], data: unknown) => Object.fromEntries(comparisonCells(columns, data).map((cell) => [cell.key, { value: cell.value, label: cell.label }]));

describe('comparison columns', () => {
  it('are the selected variables, personal data out, dynamic panels to the largest entry count', () => {
    const selected = selectVariables(catalogue, { questions: new Set(['plan', 'orgs', 'contact']), personalData: 'exclude' });
    expect(columnsFor(selected, [estonia, latvia, finland]).map(comparisonColumn)).toEqual([
      { key: 'plan', question: 'plan', title: 'Is there an action plan?', section: 'coordination', type: 'choice', questionType: 'radiogroup' },
      { key: 'orgs.count', question: 'orgs', title: 'Organisations — number of entries', section: 'actors', type: 'count', questionType: 'paneldynamic' },
      { key: 'orgs.1.org_name', question: 'orgs', title: 'Organisations — Name', section: 'actors', type: 'text', questionType: 'text' },
      { key: 'orgs.1.org_type', question: 'orgs', title: 'Organisations — Type', section: 'actors', type: 'choice', questionType: 'dropdown' },
      { key: 'orgs.2.org_name', question: 'orgs', title: 'Organisations — Name', section: 'actors', type: 'text', questionType: 'text' },
      { key: 'orgs.2.org_type', question: 'orgs', title: 'Organisations — Type', section: 'actors', type: 'choice', questionType: 'dropdown' },
    ]);
  });

  it('keep personal data when it is asked for', () => {
    const selected = selectVariables(catalogue, { questions: new Set(['contact', 'orgs']), personalData: 'include' });
    expect(columnsFor(selected, [estonia]).map((column) => column.key)).toEqual(['contact.name', 'contact.email', 'orgs.count', 'orgs.1.org_name', 'orgs.1.org_type', 'orgs.1.org_contact', 'orgs.2.org_name', 'orgs.2.org_type', 'orgs.2.org_contact']);
  });
});

describe('comparison cells', () => {
  const columns = columnsFor(selectVariables(catalogue, { questions: null, personalData: 'exclude' }), [estonia, latvia]);

  it('hold the wide CSV’s code as a typed value and its label text', () => {
    expect(cellsByKey(columns, estonia)).toEqual({
      consent: { value: 'as_received', label: 'As received' },
      plan: { value: 'in_force', label: 'In force' },
      'roles.identification': { value: 0, label: '' },
      'roles.shelter': { value: 1, label: 'Shelter' },
      'roles.other': { value: 1, label: 'Other (describe)' },
      'roles.other_text': { value: 'Legal aid', label: 'Legal aid' },
      rapporteur: { value: 1, label: 'Yes' },
      ngo_count: { value: 12, label: '12' },
      interest: { value: 2, label: '2' },
      training: { value: null, label: null },
      good_practice: { value: null, label: null },
      nrm_text: { value: null, label: null },
      'orgs.count': { value: 2, label: '2' },
      'orgs.1.org_name': { value: 'Living for Tomorrow', label: 'Living for Tomorrow' },
      'orgs.1.org_type': { value: 'ngo', label: 'NGO' },
      'orgs.2.org_name': { value: 'Police Board', label: 'Police Board' },
      'orgs.2.org_type': { value: 'state', label: 'State body' },
      'intensity.police': { value: 'often', label: 'Often' },
      'intensity.social': { value: null, label: null },
    });
    expect(cellsByKey(columns, latvia)).toMatchObject({ rapporteur: { value: 0, label: 'No' }, 'orgs.2.org_type': { value: null, label: null } });
  });

  it('agree with the wide CSV, codes and labels, for every column', () => {
    const wide = wideColumns(selectVariables(catalogue, { questions: null, personalData: 'exclude' }), [estonia, latvia]);
    expect(wide.map((column) => column.key)).toEqual(columns.map((column) => column.key));
    for (const data of [estonia, latvia, finland]) {
      const cells = comparisonCells(columns, data);
      expect(cells.map((cell) => (cell.value === null ? '' : String(cell.value)))).toEqual(wideRow(wide, data, { values: 'codes' }));
      expect(cells.map((cell) => cell.label ?? '')).toEqual(wideRow(wide, data, { values: 'labels' }));
    }
  });
});

describe('summaries', () => {
  it('count each choice over the counted replies, zero counts included, a checkbox question as one', () => {
    const columns = columnsFor(selectVariables(catalogue, { questions: new Set(['plan', 'roles', 'rapporteur', 'ngo_count', 'interest', 'orgs', 'intensity']), personalData: 'exclude' }), [estonia, latvia, finland]);
    const counter = createSummaryCounter(summarySpecs(columns));
    for (const data of [estonia, latvia, finland]) counter.add(data);
    expect(counter.result()).toEqual([
      {
        question: 'plan',
        variable: 'plan',
        title: 'Is there an action plan?',
        answered: 3,
        counts: [
          { value: 'in_force', label: 'In force', count: 2 },
          { value: 'drafting', label: 'Being drafted', count: 0 },
          { value: 'none', label: 'No', count: 1 },
        ],
      },
      {
        question: 'roles',
        variable: 'roles',
        title: 'Roles of NGOs',
        answered: 2,
        counts: [
          { value: 'identification', label: 'Identification', count: 1 },
          { value: 'shelter', label: 'Shelter', count: 1 },
          { value: 'other', label: 'Other (describe)', count: 1 },
        ],
      },
      {
        question: 'rapporteur',
        variable: 'rapporteur',
        title: 'Is there a national rapporteur?',
        answered: 2,
        counts: [
          { value: 1, label: 'Yes', count: 1 },
          { value: 0, label: 'No', count: 1 },
        ],
      },
      {
        question: 'interest',
        variable: 'interest',
        title: 'Interest in a model MoU',
        answered: 2,
        counts: [
          { value: 1, label: '1', count: 0 },
          { value: 2, label: '2', count: 1 },
          { value: 3, label: '3', count: 1 },
        ],
      },
      {
        question: 'orgs',
        variable: 'orgs.1.org_type',
        title: 'Organisations — Type',
        answered: 2,
        counts: [
          { value: 'ngo', label: 'NGO', count: 2 },
          { value: 'state', label: 'State body', count: 0 },
        ],
      },
      {
        question: 'orgs',
        variable: 'orgs.2.org_type',
        title: 'Organisations — Type',
        answered: 1,
        counts: [
          { value: 'ngo', label: 'NGO', count: 0 },
          { value: 'state', label: 'State body', count: 1 },
        ],
      },
      {
        question: 'intensity',
        variable: 'intensity.police',
        title: 'Cooperation with — Police',
        answered: 1,
        counts: [
          { value: 'often', label: 'Often', count: 1 },
          { value: 'rarely', label: 'Rarely', count: 0 },
        ],
      },
      {
        question: 'intensity',
        variable: 'intensity.social',
        title: 'Cooperation with — Social services',
        answered: 0,
        counts: [
          { value: 'often', label: 'Often', count: 0 },
          { value: 'rarely', label: 'Rarely', count: 0 },
        ],
      },
    ]);
  });

  it('count a multi-choice matrix cell per choice', () => {
    const cells = catalogueOf({
      pages: [
        {
          name: 'p',
          elements: [{ type: 'matrixdropdown', name: 'help', rows: ['adults'], columns: [{ name: 'kinds', cellType: 'checkbox', choices: ['food', 'legal'] }] }],
        },
      ],
    });
    const counter = createSummaryCounter(summarySpecs(columnsFor(cells, [])));
    counter.add({ help: { adults: { kinds: ['food', 'legal'] } } });
    counter.add({ help: { adults: { kinds: ['legal'] } } });
    counter.add({});
    expect(counter.result()).toEqual([
      {
        question: 'help',
        variable: 'help.adults.kinds',
        title: 'help — adults — kinds',
        answered: 2,
        counts: [
          { value: 'food', label: 'food', count: 1 },
          { value: 'legal', label: 'legal', count: 2 },
        ],
      },
    ]);
  });
});

describe('a comparison built one reply at a time', () => {
  it('gives each reply’s cells and counts replies that are counted but not shown', () => {
    const columns = columnsFor(selectVariables(catalogue, { questions: new Set(['plan', 'roles']), personalData: 'exclude' }), []);
    const builder = createComparison(columns);
    expect(builder.add(estonia)).toEqual(comparisonCells(columns, estonia));
    builder.count(latvia);
    const counter = createSummaryCounter(summarySpecs(columns));
    counter.add(estonia);
    counter.add(latvia);
    expect(builder.summaries()).toEqual(counter.result());
    expect(builder.summaries()[0]).toMatchObject({ answered: 2, counts: [{ count: 1 }, { count: 0 }, { count: 1 }] });
  });
});

describe('labels in another locale', () => {
  it('lists the definition’s locales, and accepts the default language besides them', () => {
    expect(catalogueLocales(catalogue)).toEqual(['de']);
    expect(isCatalogueLocale(catalogue, 'de')).toBe(true);
    expect(isCatalogueLocale(catalogue, 'en')).toBe(true);
    expect(isCatalogueLocale(catalogue, 'fr')).toBe(false);
  });

  it('translates titles, labels and section titles where the definition does, default texts elsewhere', () => {
    const german = localizeCatalogue(catalogue, 'de');
    const columns = columnsFor(selectVariables(german, { questions: new Set(['plan', 'consent', 'rapporteur']), personalData: 'exclude' }), []);
    expect(columns.map((column) => column.title)).toEqual(['Dürfen wir diese Antwort veröffentlichen?', 'Gibt es einen Aktionsplan?', 'Is there a national rapporteur?']);
    expect(cellsByKey(columns, estonia)).toEqual({
      consent: { value: 'as_received', label: 'As received' },
      plan: { value: 'in_force', label: 'In Kraft' },
      rapporteur: { value: 1, label: 'Yes' },
    });
    expect(german.sections.map((section) => section.title)).toEqual(['Über die Antwort', 'Koordinierung', 'Actors']);
    expect(localizeCatalogue(catalogue, 'de')).toBe(german);
    expect(localizeCatalogue(catalogue, null)).toBe(catalogue);
  });
});
