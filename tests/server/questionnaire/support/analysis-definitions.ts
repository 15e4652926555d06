import { compileQuestionnaire } from '../../../../server/questionnaire/index.js';
import type { Catalogue, JsonObject } from '../../../../server/questionnaire/index.js';

/**
 * Small definitions for the analysis core's tests: every kind of coded variable the comparison
 * counts, the two custom marks, a German translation, and a second round with a rename, a
 * recode, a drop and an addition. Independent of the real questionnaire files.
 */

const consent = {
  type: 'radiogroup',
  name: 'consent',
  title: { default: 'May we publish this reply?', de: 'Dürfen wir diese Antwort veröffentlichen?' },
  publicationConsent: true,
  choices: [
    { value: 'as_received', text: 'As received' },
    { value: 'anonymised', text: 'Anonymised' },
    { value: 'not_for_publication', text: 'Not for publication' },
  ],
};

export function roundOne(): JsonObject {
  return {
    title: 'Round one',
    pages: [
      {
        name: 'about',
        title: { default: 'About the reply', de: 'Über die Antwort' },
        elements: [
          { type: 'multipletext', name: 'contact', title: 'Contact person', personalData: true, items: [{ name: 'name', title: 'Name' }, { name: 'email', title: 'E-mail' }] },
          consent,
        ],
      },
      {
        name: 'coordination',
        title: { default: 'Coordination', de: 'Koordinierung' },
        elements: [
          {
            type: 'radiogroup',
            name: 'plan',
            title: { default: 'Is there an action plan?', de: 'Gibt es einen Aktionsplan?' },
            choices: [
              { value: 'in_force', text: { default: 'In force', de: 'In Kraft' } },
              { value: 'drafting', text: { default: 'Being drafted', de: 'In Arbeit' } },
              { value: 'none', text: { default: 'No', de: 'Nein' } },
            ],
          },
          {
            type: 'checkbox',
            name: 'roles',
            title: 'Roles of NGOs',
            choices: [
              { value: 'identification', text: 'Identification' },
              { value: 'shelter', text: 'Shelter' },
            ],
            showOtherItem: true,
          },
          { type: 'boolean', name: 'rapporteur', title: 'Is there a national rapporteur?' },
          { type: 'text', name: 'ngo_count', title: 'How many NGOs?', inputType: 'number' },
          { type: 'rating', name: 'interest', title: 'Interest in a model MoU', rateMin: 1, rateMax: 3 },
          {
            type: 'radiogroup',
            name: 'training',
            title: 'Joint training?',
            choices: [
              { value: 'regular', text: 'Regularly' },
              { value: 'occasional', text: 'Occasionally' },
              { value: 'no', text: 'No' },
            ],
          },
          { type: 'comment', name: 'good_practice', title: 'Good practice' },
          { type: 'comment', name: 'nrm_text', title: 'Describe the referral mechanism' },
        ],
      },
      {
        name: 'actors',
        title: 'Actors',
        elements: [
          {
            type: 'paneldynamic',
            name: 'orgs',
            title: 'Organisations',
            templateElements: [
              { type: 'text', name: 'org_name', title: 'Name' },
              { type: 'dropdown', name: 'org_type', title: 'Type', choices: [{ value: 'ngo', text: 'NGO' }, { value: 'state', text: 'State body' }] },
              { type: 'text', name: 'org_contact', title: 'Contact', personalData: true },
            ],
          },
          {
            type: 'matrix',
            name: 'intensity',
            title: 'Cooperation with',
            rows: [{ value: 'police', text: 'Police' }, { value: 'social', text: 'Social services' }],
            columns: [{ value: 'often', text: 'Often' }, { value: 'rarely', text: 'Rarely' }],
          },
        ],
      },
    ],
  };
}

/** Round two: `nrm_text` renamed `referral_text`, `training` recoded, `good_practice` dropped, `stockholm` added. */
export function roundTwo(): JsonObject {
  const definition = roundOne();
  const pages = definition.pages as Array<{ name: string; elements: JsonObject[] }>;
  const coordination = pages[1]!;
  coordination.elements = coordination.elements
    .filter((element) => element.name !== 'good_practice')
    .map((element) => {
      if (element.name === 'nrm_text') return { ...element, name: 'referral_text' };
      if (element.name === 'training') {
        return {
          ...element,
          choices: [
            { value: 'none', text: 'No' },
            { value: 'ad_hoc', text: 'Ad hoc' },
            { value: 'regular', text: 'Regularly' },
          ],
        };
      }
      return element;
    });
  coordination.elements.push({ type: 'boolean', name: 'stockholm', title: 'Followed the Stockholm recommendations?' });
  return { ...definition, title: 'Round two' };
}

export const crosswalkOneTwo = {
  steps: [{ from: 1, to: 2, renamed: { nrm_text: 'referral_text' }, recoded: { training: { occasional: 'ad_hoc', no: 'none' } }, dropped: ['good_practice'] }],
};

export function catalogueOf(definition: JsonObject): Catalogue {
  return compileQuestionnaire(definition).catalogue;
}
