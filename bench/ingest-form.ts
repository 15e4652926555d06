import type { JsonObject } from '../server/questionnaire/index.js';

/**
 * The ingest benchmark's form: 100 fields as a typical field-data form has them — 40 texts, 20
 * numbers, 20 single choices, 15 checkboxes and a dynamic panel of 5 fields — and one complete
 * answer to it. The same shape was used to measure ODK Central on this machine (issue 13).
 */
const COUNTS = { text: 40, number: 20, single: 20, checkbox: 15 } as const;
const PANEL_FIELDS = 5;
const PANEL_ENTRIES = 3;
const CHOICES = ['a', 'b', 'c', 'd', 'e'].map((value) => ({ value, text: `Choice ${value.toUpperCase()}` }));

const numbered = (prefix: string, count: number) => Array.from({ length: count }, (_, i) => `${prefix}_${String(i + 1).padStart(2, '0')}`);

export const INGEST_QUESTIONS = {
  text: numbered('text', COUNTS.text),
  number: numbered('number', COUNTS.number),
  single: numbered('single', COUNTS.single),
  checkbox: numbered('checkbox', COUNTS.checkbox),
  panelFields: numbered('panel_field', PANEL_FIELDS),
};

export function ingestDefinition(): JsonObject {
  const { text, number, single, checkbox, panelFields } = INGEST_QUESTIONS;
  return {
    title: 'Ingest benchmark form (100 fields)',
    pages: [
      {
        name: 'fields',
        elements: [
          // A required field of each kind, so that the submit check has something to refuse.
          ...text.map((name, i) => ({ type: 'text', name, title: `Text ${i + 1}`, isRequired: i < 5 })),
          ...number.map((name, i) => ({ type: 'text', inputType: 'number', name, title: `Number ${i + 1}`, isRequired: i < 5 })),
          ...single.map((name, i) => ({ type: 'radiogroup', name, title: `Single choice ${i + 1}`, choices: CHOICES, isRequired: i < 5 })),
          ...checkbox.map((name, i) => ({ type: 'checkbox', name, title: `Checkbox ${i + 1}`, choices: CHOICES })),
          {
            type: 'paneldynamic',
            name: 'panel',
            title: 'Repeated entries',
            templateElements: panelFields.map((name, i) => ({ type: 'text', name, title: `Entry field ${i + 1}` })),
          },
        ],
      },
    ],
  };
}

/** A complete answer; `seed` varies the values so that rows are not all alike. */
export function ingestAnswers(seed: number): JsonObject {
  const { text, number, single, checkbox, panelFields } = INGEST_QUESTIONS;
  const choice = (i: number) => CHOICES[(seed + i) % CHOICES.length]!.value;
  return {
    ...Object.fromEntries(text.map((name, i) => [name, `Answer ${seed} to text question ${i + 1}, a sentence of ordinary length.`])),
    ...Object.fromEntries(number.map((name, i) => [name, seed * 10 + i])),
    ...Object.fromEntries(single.map((name, i) => [name, choice(i)])),
    ...Object.fromEntries(checkbox.map((name, i) => [name, [choice(i), choice(i + 2)]])),
    panel: Array.from({ length: PANEL_ENTRIES }, (_, entry) => Object.fromEntries(panelFields.map((name, i) => [name, `Entry ${entry + 1} field ${i + 1}`]))),
  };
}
