import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildCatalogue } from '../../../server/questionnaire/catalogue.js';
import { LONG_COLUMNS, WIDE_RESPONSE_COLUMNS, longRows, wideColumns, wideHeader, wideRow } from '../../../server/questionnaire/csv-layout.js';
import { encodeCsv } from '../../../server/analysis/export/csv-encoder.js';
import type { JsonObject } from '../../../server/questionnaire/json.js';
import { expandRepeats } from '../../../server/questionnaire/repeats.js';
import { readCell } from '../../../server/questionnaire/variable-values.js';
import { answerSets } from './support/answer-arbitraries.js';
import { parseCsv } from './support/csv-parser.js';
import { everyType, everyTypeComplete, questionTree, realFile } from './support/fixtures.js';
import { exportable, rebuildAnswers } from './support/rebuild-answers.js';

const definition = everyType();
const catalogue = buildCatalogue(definition);
const questions = questionTree(definition);
const complete = everyTypeComplete();

function wideCells(data: JsonObject, values: 'codes' | 'labels', dataSets: JsonObject[] = [data]): Record<string, string> {
  const columns = wideColumns(catalogue, dataSets);
  const row = wideRow(columns, data, { values });
  return Object.fromEntries(columns.map((column, index) => [column.key, row[index] as string]));
}

describe('wide layout', () => {
  it('starts with the response columns of API.md, then one column per variable in catalogue order', () => {
    const columns = wideColumns(catalogue, [complete]);
    const header = wideHeader(columns);
    expect(header.slice(0, 5)).toEqual(['member_state', 'member_state_name', 'status', 'revision', 'submitted_at']);
    expect(header.slice(0, 5)).toEqual([...WIDE_RESPONSE_COLUMNS]);
    expect(header.slice(5, 9)).toEqual(['respondent_name', 'staff_count', 'email', 'report_date']);
    expect(header).toContain('roles.other');
    expect(header).toContain('institution.other_text');
    expect(header).toContain('cooperation.police');
    expect(header).toContain('services.shelter.places');
    expect(header).toContain('contact.staff');
    expect(header).toContain('organisations.count');
    expect(header).toContain('organisations.2.org_roles.other_text');
    expect(header).not.toContain('organisations.3.org_name');
  });

  it('writes codes', () => {
    expect(wideCells(complete, 'codes')).toMatchObject({
      respondent_name: 'Maria Example',
      staff_count: '12',
      report_date: '2010-04-30',
      institution: 'other',
      'institution.other_text': 'Coordination office',
      level: '1',
      'roles.identification': '1',
      'roles.referral': '1',
      'roles.shelter': '0',
      'roles.none': '0',
      'roles.other': '1',
      'roles.other_text': 'Hotline',
      has_plan: '1',
      consent: '1',
      interest: '4',
      'recommendations.mou': '2',
      'recommendations.training': '1',
      'recommendations.return': '3',
      'cooperation.police': 'regular',
      'services.shelter.funded': '1',
      'services.shelter.channels': 'phone|email',
      'services.legal_aid.funded': '0',
      'services.legal_aid.places': '',
      'contact.staff': '3',
      'organisations.count': '2',
      'organisations.2.org_roles.other': '1',
      'organisations.2.org_roles.other_text': 'Investigation',
      'organisations.2.org_email': '',
      'agreements.count': '1',
      'agreements.1.forms': 'sexual|labour',
    });
  });

  it('writes labels: choice texts, Yes/No or the boolean’s own labels, a ticked choice’s label', () => {
    expect(wideCells(complete, 'labels')).toMatchObject({
      staff_count: '12',
      institution: 'Other (describe)',
      level: 'National',
      'roles.referral': 'Referral',
      'roles.shelter': '',
      has_plan: 'Yes',
      consent: 'I agree',
      priority: 'High',
      'recommendations.training': '1',
      'cooperation.prosecution': 'Ad hoc',
      'services.shelter.channels': 'Phone | E-mail',
      'services.legal_aid.funded': 'No',
      'organisations.1.org_type': 'NGO',
    });
  });

  it('leaves unanswered cells empty, a whole checkbox included', () => {
    const cells = wideCells({ respondent_name: '', roles: [], cooperation: {} }, 'codes');
    expect(Object.values(cells).every((cell) => cell === '')).toBe(true);
  });

  it('lays out dynamic panels up to the largest count across the data sets', () => {
    const many: JsonObject = { organisations: [{}, {}, { org_name: 'Third' }] };
    const cells = wideCells(complete, 'codes', [complete, many, {}]);
    expect(cells['organisations.3.org_name']).toBe('');
    expect(wideCells(many, 'codes', [complete, many])['organisations.3.org_name']).toBe('Third');
  });
});

describe('long layout', () => {
  it('has the columns of API.md', () => {
    expect([...LONG_COLUMNS]).toEqual(['member_state', 'variable', 'question', 'value', 'label']);
  });

  it('lists answered variables only, with codes and labels', () => {
    const rows = longRows(catalogue, complete, { values: 'codes' });
    expect(rows).toContainEqual({ variable: 'institution', question: 'institution', value: 'other', label: 'Other (describe)' });
    expect(rows).toContainEqual({ variable: 'roles.shelter', question: 'roles', value: '0', label: '' });
    expect(rows).toContainEqual({ variable: 'organisations.2.org_roles.other_text', question: 'organisations', value: 'Investigation', label: '' });
    expect(rows).toContainEqual({ variable: 'has_plan', question: 'has_plan', value: '1', label: 'Yes' });
    expect(rows.some((row) => row.variable === 'services.legal_aid.places')).toBe(false);
    expect(rows.some((row) => row.variable === 'organisations.2.org_email')).toBe(false);
    expect(rows.some((row) => row.value === '')).toBe(false);
  });

  it('shows labels in the value column in labels mode, for the same rows', () => {
    const codes = longRows(catalogue, complete, { values: 'codes' });
    const labels = longRows(catalogue, complete, { values: 'labels' });
    expect(labels.map((row) => row.variable)).toEqual(codes.map((row) => row.variable));
    expect(labels).toContainEqual({ variable: 'consent', question: 'consent', value: 'I agree', label: 'I agree' });
    expect(labels).toContainEqual({ variable: 'notes', question: 'notes', value: complete.notes, label: '' });
  });

  it('is empty for an empty response', () => {
    expect(longRows(catalogue, {}, { values: 'codes' })).toEqual([]);
  });
});

describe('round trips, property-based', () => {
  it('wide rows read each tick column as readCell does, though a checkbox is read once for all its ticks', () => {
    fc.assert(
      fc.property(fc.array(answerSets(questions), { minLength: 1, maxLength: 3 }), fc.constantFrom('codes' as const, 'labels' as const), (dataSets, values) => {
        const columns = wideColumns(catalogue, dataSets);
        for (const data of dataSets) {
          const cellByCell = columns.map((column) => {
            const cell = readCell(column, data);
            return cell === undefined ? '' : values === 'labels' ? (cell.label ?? cell.code) : cell.code;
          });
          expect(wideRow(columns, data, { values }, ['EE', 3])).toEqual(['EE', 3, ...cellByCell]);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('wide CSV: every answer set reads back from its row', () => {
    fc.assert(
      fc.property(fc.array(answerSets(questions), { minLength: 1, maxLength: 3 }), (dataSets) => {
        const columns = wideColumns(catalogue, dataSets);
        const text = encodeCsv([wideHeader(columns), ...dataSets.map((data, index) => [`S${index}`, 'State', 'submitted', '1', '', ...wideRow(columns, data, { values: 'codes' })])]);
        const [header, ...rows] = parseCsv(text);
        expect(header).toEqual(wideHeader(columns));
        rows.forEach((row, index) => {
          const cellOf = (key: string) => row[(header as string[]).indexOf(key)];
          expect(rebuildAnswers(columns, cellOf)).toEqual(exportable(dataSets[index] as JsonObject, questions));
        });
      }),
      { numRuns: 200 },
    );
  });

  it('long CSV: every answer set reads back from its lines', () => {
    fc.assert(
      fc.property(answerSets(questions), (data) => {
        const text = encodeCsv([[...LONG_COLUMNS], ...longRows(catalogue, data, { values: 'codes' }).map((row) => ['EE', row.variable, row.question, row.value, row.label])]);
        const [header, ...lines] = parseCsv(text);
        expect(header).toEqual([...LONG_COLUMNS]);
        const values = new Map(lines.map((line) => [line[1] as string, line[3] as string]));
        const counts = new Map(
          catalogue.variables.flatMap((variable) => (variable.repeat ? [[variable.repeat.question, Number(values.get(`${variable.repeat.question}.count`) ?? 0)] as const] : [])),
        );
        const columns = expandRepeats(catalogue, counts);
        expect(rebuildAnswers(columns, (key) => values.get(key))).toEqual(exportable(data, questions));
      }),
      { numRuns: 200 },
    );
  });

  const real = realFile('v2.json');
  it.skipIf(real === undefined)('wide CSV of the real v2 questionnaire reads back', () => {
    const v2 = real as JsonObject;
    const v2Catalogue = buildCatalogue(v2);
    const v2Questions = questionTree(v2);
    fc.assert(
      fc.property(answerSets(v2Questions), (data) => {
        const columns = wideColumns(v2Catalogue, [data]);
        const [header, row] = parseCsv(encodeCsv([wideHeader(columns), ['EE', 'Estonia', 'draft', '3', '', ...wideRow(columns, data, { values: 'codes' })]]));
        const cellOf = (key: string) => (row as string[])[(header as string[]).indexOf(key)];
        expect(rebuildAnswers(columns, cellOf)).toEqual(exportable(data, v2Questions));
      }),
      { numRuns: 50 },
    );
  });
});
