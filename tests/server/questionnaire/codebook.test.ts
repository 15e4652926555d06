import { describe, expect, it } from 'vitest';
import { CODEBOOK_COLUMNS, codebookRows, codebookVariables, localizeCatalogue } from '../../../server/questionnaire/index.js';
import { catalogueOf, roundOne } from './support/analysis-definitions.js';

const catalogue = catalogueOf(roundOne());

describe('the codebook', () => {
  it('lists every variable with its section title, type, codes and the personal-data mark', () => {
    const variables = codebookVariables(catalogue);
    expect(variables.map((variable) => variable.key)).toEqual(catalogue.variables.map((variable) => variable.key));
    const byKey = Object.fromEntries(variables.map((variable) => [variable.key, variable]));
    expect(byKey['contact.email']).toEqual({
      key: 'contact.email', question: 'contact', section: 'about', sectionTitle: 'About the reply', type: 'text', questionType: 'text',
      title: 'Contact person — E-mail', personalData: true, choices: [],
    });
    expect(byKey['plan']).toEqual({
      key: 'plan', question: 'plan', section: 'coordination', sectionTitle: 'Coordination', type: 'choice', questionType: 'radiogroup',
      title: 'Is there an action plan?', personalData: false,
      choices: [{ value: 'in_force', label: 'In force' }, { value: 'drafting', label: 'Being drafted' }, { value: 'none', label: 'No' }],
    });
    expect(byKey['rapporteur']?.choices).toEqual([{ value: 1, label: 'Yes' }, { value: 0, label: 'No' }]);
    expect(byKey['roles.shelter']?.choices).toEqual([{ value: 1, label: 'Shelter' }, { value: 0, label: '' }]);
    expect(byKey['orgs.{n}.org_contact']).toMatchObject({ personalData: true, sectionTitle: 'Actors' });
  });

  it('as CSV rows: one per code, one for a variable without codes', () => {
    const rows = codebookRows(catalogue);
    expect(Object.keys(rows[0]!)).toEqual(expect.arrayContaining([...CODEBOOK_COLUMNS]));
    expect(rows.filter((row) => row.variable === 'contact.name' || row.variable === 'rapporteur')).toEqual([
      { variable: 'contact.name', question: 'contact', section: 'about', type: 'text', title: 'Contact person — Name', value: '', label: '', personal_data: '1', section_title: 'About the reply' },
      { variable: 'rapporteur', question: 'rapporteur', section: 'coordination', type: 'boolean', title: 'Is there a national rapporteur?', value: '1', label: 'Yes', personal_data: '0', section_title: 'Coordination' },
      { variable: 'rapporteur', question: 'rapporteur', section: 'coordination', type: 'boolean', title: 'Is there a national rapporteur?', value: '0', label: 'No', personal_data: '0', section_title: 'Coordination' },
    ]);
  });

  it('speaks the catalogue’s locale', () => {
    const german = codebookVariables(localizeCatalogue(catalogue, 'de'));
    expect(german.find((variable) => variable.key === 'plan')).toMatchObject({
      title: 'Gibt es einen Aktionsplan?',
      sectionTitle: 'Koordinierung',
      choices: [{ value: 'in_force', label: 'In Kraft' }, { value: 'drafting', label: 'In Arbeit' }, { value: 'none', label: 'Nein' }],
    });
  });
});
