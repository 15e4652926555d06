import { describe, expect, it } from 'vitest';
import { buildCatalogue } from '../../../server/questionnaire/catalogue.js';
import { checkDefinition } from '../../../server/questionnaire/definition.js';
import type { JsonObject } from '../../../server/questionnaire/json.js';
import { onePage, realFile } from './support/fixtures.js';
import { roundOne } from './support/analysis-definitions.js';

function reasonsOf(json: unknown): readonly string[] {
  const result = checkDefinition(json);
  return result.ok ? [] : result.reasons;
}

const consent = (extra: JsonObject = {}): JsonObject => ({
  type: 'radiogroup',
  name: 'consent',
  publicationConsent: true,
  choices: ['as_received', 'anonymised', 'not_for_publication'],
  ...extra,
});

describe('the personalData and publicationConsent properties', () => {
  it('are known to survey-core, so a definition using them is accepted', () => {
    expect(reasonsOf(roundOne())).toEqual([]);
    // Without the registration survey-core reports "Unknown property in class 'text'".
    expect(reasonsOf(onePage({ type: 'text', name: 'who', personalData: true }, { type: 'text', name: 'what', personalData: false }))).toEqual([]);
  });

  it('mark catalogue variables: a question, every part of a marked question, a template field, a matrix column, an item', () => {
    const catalogue = buildCatalogue(
      onePage(
        { type: 'multipletext', name: 'contact', personalData: true, items: [{ name: 'name' }, { name: 'phone' }] },
        { type: 'multipletext', name: 'office', items: [{ name: 'street' }, { name: 'email', personalData: true }] },
        { type: 'paneldynamic', name: 'orgs', templateElements: [{ type: 'text', name: 'org_name' }, { type: 'text', name: 'org_contact', personalData: true }] },
        { type: 'matrixdropdown', name: 'staff', rows: ['police'], columns: [{ name: 'count', cellType: 'text' }, { name: 'head', cellType: 'text', personalData: true }] },
        { type: 'checkbox', name: 'helpers', personalData: true, choices: ['a'], showOtherItem: true },
        consent(),
      ),
    );
    const marked = (flag: 'personalData' | 'publicationConsent') => catalogue.variables.filter((variable) => variable[flag]).map((variable) => variable.key);
    expect(marked('personalData')).toEqual([
      'contact.name',
      'contact.phone',
      'office.email',
      'orgs.{n}.org_contact',
      'staff.police.head',
      'helpers.a',
      'helpers.other',
      'helpers.other_text',
    ]);
    expect(marked('publicationConsent')).toEqual(['consent']);
    expect(catalogue.variables.find((variable) => variable.key === 'orgs.count')).not.toHaveProperty('personalData');
  });

  it('refuse values that are not booleans', () => {
    expect(reasonsOf(onePage({ type: 'text', name: 'who', personalData: 'yes' }))).toEqual([`question 'who': "personalData" must be true or false`]);
    expect(reasonsOf(onePage(consent({ publicationConsent: 1 })))).toEqual([`question 'consent': "publicationConsent" must be true or false`]);
  });

  it('want the consent question on a page, as a radiogroup or dropdown offering the three choices, once', () => {
    expect(reasonsOf(onePage(consent({ type: 'dropdown' })))).toEqual([]);
    expect(reasonsOf(onePage(consent({ type: 'checkbox' })))).toEqual([`question 'consent': "publicationConsent" needs a radiogroup or dropdown, not a checkbox`]);
    expect(reasonsOf(onePage(consent({ choices: ['as_received', 'yes'] })))).toEqual([
      "question 'consent': a consent question offers the choices as_received, anonymised, not_for_publication; it lacks anonymised, not_for_publication",
    ]);
    expect(reasonsOf(onePage(consent(), consent({ name: 'consent_again' })))).toEqual([
      `"publicationConsent" marks 'consent', 'consent_again': a definition has at most one consent question`,
    ]);
    expect(reasonsOf(onePage({ type: 'paneldynamic', name: 'orgs', templateElements: [consent()] }))).toEqual([
      `question 'orgs' → 'consent': "publicationConsent" belongs on a question of a page, not inside a dynamic panel or matrix`,
    ]);
  });

  it('are survey-core errors where they mean nothing (a panel)', () => {
    expect(reasonsOf(onePage({ type: 'panel', name: 'box', personalData: true, elements: [{ type: 'text', name: 'a' }] }))).toContainEqual(
      expect.stringContaining("Unknown property in class 'panel': 'personalData'"),
    );
  });

  it('mark the contact person, the organisations’ contacts and the consent question in the real questionnaires', () => {
    for (const file of ['v1.json', 'v2.json']) {
      const definition = realFile(file);
      if (!definition) continue;
      expect(reasonsOf(definition)).toEqual([]);
      const variables = buildCatalogue(definition).variables;
      expect(variables.filter((variable) => variable.personalData).map((variable) => variable.question)).toEqual(
        expect.arrayContaining(['contact_person', 'organisations']),
      );
      expect(variables.filter((variable) => variable.personalData && variable.question === 'organisations').map((v) => v.key)).toContain('organisations.{n}.org_contact');
      expect(variables.filter((variable) => variable.publicationConsent).map((variable) => variable.key)).toEqual(['consent_publish']);
    }
  });
});
