import { Serializer } from 'survey-core';
import type { Model, Question } from 'survey-core';
import { isChoiceValue } from './read-choices.js';

/**
 * The two SurveyJS properties the platform adds to definitions, registered with survey-core's
 * Serializer so that it reads them (instead of reporting an unknown property), and checked when
 * a version is published:
 *
 * - `"personalData": true` on a question, a dynamic-panel template field, a matrix column or a
 *   multiple-text item: what it holds identifies a person ("used only by the project team and
 *   never published"), so analysis and exports leave it out unless an administrator asks.
 * - `"publicationConsent": true` on the one radiogroup or dropdown whose answer says whether the
 *   reply may be published as received, only anonymised, or not at all.
 *
 * Importing this module registers them; the questionnaire core imports it before it builds a
 * Model, so no definition is read without them.
 */

export const PERSONAL_DATA = 'personalData';
export const PUBLICATION_CONSENT = 'publicationConsent';

/** The choice values the consent question must offer, in the order of decreasing openness. */
export const PUBLICATION_CONSENTS = ['as_received', 'anonymised', 'not_for_publication'] as const;
export type PublicationConsent = (typeof PUBLICATION_CONSENTS)[number];

const CONSENT_TYPES = new Set(['radiogroup', 'dropdown']);

registerCustomProperties();

/** Idempotent: survey-core keeps one registry per process. */
export function registerCustomProperties(): void {
  for (const className of ['question', 'matrixdropdowncolumn', 'multipletextitem']) {
    if (!Serializer.findProperty(className, PERSONAL_DATA)) {
      Serializer.addProperty(className, { name: PERSONAL_DATA, type: 'boolean', default: false, category: 'data' });
    }
  }
  if (!Serializer.findProperty('question', PUBLICATION_CONSENT)) {
    Serializer.addProperty('question', { name: PUBLICATION_CONSENT, type: 'boolean', default: false, category: 'data' });
  }
}

/** Whether an element (question, column, item) carries the flag as `true`. */
export function hasFlag(element: { getPropertyValue(name: string): unknown }, property: string): boolean {
  return element.getPropertyValue(property) === true;
}

/**
 * Reasons to refuse a definition's use of the two properties: a value that is not a boolean
 * (survey-core would keep `"yes"` as it is), a consent question that is not a top-level
 * radiogroup or dropdown, lacks one of the three choices, or is not the only one.
 */
export function customPropertyReasons(model: Model): string[] {
  const reasons: string[] = [];
  const consent: Question[] = [];
  const check = (element: FlaggedElement, label: string, where: 'page' | 'nested') => {
    for (const property of [PERSONAL_DATA, PUBLICATION_CONSENT]) {
      const value = element.getPropertyValue(property);
      if (value !== undefined && value !== null && typeof value !== 'boolean') {
        reasons.push(`${label}: "${property}" must be true or false`);
      }
    }
    if (element.getPropertyValue(PUBLICATION_CONSENT) !== true) return;
    if (where === 'nested') reasons.push(`${label}: "${PUBLICATION_CONSENT}" belongs on a question of a page, not inside a dynamic panel or matrix`);
    else consent.push(element as Question);
  };
  for (const question of model.getAllQuestions(false, false, false)) {
    const label = `question '${question.name}'`;
    check(question, label, 'page');
    for (const [name, nested] of nestedElements(question)) check(nested, `${label} → '${name}'`, 'nested');
  }
  if (consent.length > 1) {
    reasons.push(`"${PUBLICATION_CONSENT}" marks ${consent.map((q) => `'${q.name}'`).join(', ')}: a definition has at most one consent question`);
  }
  for (const question of consent) reasons.push(...consentQuestionReasons(question));
  return reasons;
}

type FlaggedElement = { getPropertyValue(name: string): unknown };

/** Template fields, matrix columns and multiple-text items: where the flags may also sit. */
function nestedElements(question: Question): Array<[string, FlaggedElement]> {
  const record = question as unknown as {
    template?: { questions?: Question[] };
    columns?: Array<{ name: string } & FlaggedElement>;
    items?: Array<{ name: string } & FlaggedElement>;
  };
  const nested: Array<[string, FlaggedElement]> = [];
  if (question.getType() === 'paneldynamic') for (const field of record.template?.questions ?? []) nested.push([field.name, field]);
  if (question.getType().startsWith('matrixd')) for (const column of record.columns ?? []) nested.push([column.name, column]);
  if (question.getType() === 'multipletext') for (const item of record.items ?? []) nested.push([item.name, item]);
  return nested;
}

function consentQuestionReasons(question: Question): string[] {
  const label = `question '${question.name}'`;
  if (!CONSENT_TYPES.has(question.getType())) {
    return [`${label}: "${PUBLICATION_CONSENT}" needs a radiogroup or dropdown, not a ${question.getType()}`];
  }
  const choices = (question as unknown as { choices: Array<{ value: unknown }> }).choices;
  const values = new Set(choices.map((choice) => choice.value).filter(isChoiceValue).map(String));
  const missing = PUBLICATION_CONSENTS.filter((value) => !values.has(value));
  return missing.length === 0 ? [] : [`${label}: a consent question offers the choices ${PUBLICATION_CONSENTS.join(', ')}; it lacks ${missing.join(', ')}`];
}

/** A consent answer as stored, or null when unanswered or not one of the three. */
export function readConsent(value: unknown): PublicationConsent | null {
  return (PUBLICATION_CONSENTS as readonly unknown[]).includes(value) ? (value as PublicationConsent) : null;
}
