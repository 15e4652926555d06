import { JsonRequiredPropertyError, Model } from 'survey-core';
import type { JsonError } from 'survey-core';
import { catalogueFromTree } from './catalogue.js';
import { customPropertyReasons } from './custom-properties.js';
import { collectNames } from './definition-names.js';
import { expressionReasons } from './expression-references.js';
import { isJsonObject } from './json.js';
import type { JsonObject } from './json.js';
import { readQuestionTree } from './read-questions.js';
import type { PageQuestion, SectionNode } from './question-tree.js';

/**
 * A SurveyJS definition as stored and served: a JSON object. It stays loose on purpose — its
 * meaning is survey-core's, and checkDefinition() is what makes one acceptable.
 */
export type SurveyDefinition = JsonObject;

export type DefinitionCheck =
  | { readonly ok: true; readonly definition: SurveyDefinition }
  | { readonly ok: false; readonly reasons: readonly string[] };

/**
 * Decides whether a definition may be published. Every reason is a sentence an author can act
 * on; the list is complete rather than stopping at the first problem.
 */
export function checkDefinition(json: unknown): DefinitionCheck {
  const examined = examineDefinition(json);
  return examined.ok ? { ok: true, definition: examined.definition } : examined;
}

/** checkDefinition's verdict with what it built on the way, so that compiling reuses them. */
export type ExaminedDefinition =
  | {
      readonly ok: true;
      readonly definition: SurveyDefinition;
      readonly model: Model;
      readonly questions: readonly PageQuestion[];
      readonly sections: readonly SectionNode[];
    }
  | { readonly ok: false; readonly reasons: readonly string[] };

export function examineDefinition(json: unknown): ExaminedDefinition {
  if (!isJsonObject(json)) return { ok: false, reasons: ['the definition must be a JSON object'] };
  let model: Model;
  try {
    model = new Model(json);
  } catch (error) {
    return { ok: false, reasons: [`survey-core cannot read the definition: ${(error as Error).message}`] };
  }
  const tree = readQuestionTree(model);
  const names = collectNames(json);
  const reasons = [
    ...(model.jsonErrors ?? []).filter((error) => !isMissingName(error)).map(describeJsonError),
    ...names.reasons,
    ...pageReasons(model, tree.questions.length),
    ...tree.reasons,
    ...customPropertyReasons(model),
    ...expressionReasons(json, names),
  ];
  // Only a tree without problems gives meaningful columns to compare.
  if (reasons.length === 0) reasons.push(...columnReasons(catalogueFromTree(tree).variables));
  return reasons.length === 0 ? { ok: true, definition: json, model, questions: tree.questions, sections: tree.sections } : { ok: false, reasons };
}

/** Reported by collectNames() with the element's position instead of survey-core's invented name. */
function isMissingName(error: JsonError): boolean {
  return error instanceof JsonRequiredPropertyError && error.propertyName === 'name';
}

function describeJsonError(error: JsonError): string {
  const json: unknown = error.jsonObj;
  if (error.type === 'incorrecttypeproperty' && isJsonObject(json) && typeof json.type === 'string') {
    const name = typeof json.name === 'string' ? ` '${json.name}'` : '';
    return `element${name}: unknown type '${json.type}'`;
  }
  const element = error.element as { name?: unknown } | undefined;
  const where = typeof element?.name === 'string' && element.name !== '' ? `'${element.name}': ` : '';
  return `${where}${error.message}`;
}

function pageReasons(model: Model, questionCount: number): string[] {
  const reasons: string[] = [];
  if (model.pages.length === 0) reasons.push('the definition has no pages');
  else if (questionCount === 0) reasons.push('the definition has no question to answer');
  const seen = new Set<string>();
  for (const page of model.pages) {
    if (seen.has(page.name)) reasons.push(`the page name '${page.name}' is used twice (page names are the catalogue's sections)`);
    seen.add(page.name);
  }
  return reasons;
}

/**
 * Two variables with one CSV column name would overwrite each other in every export: a
 * question named `a.b` beside a matrix `a` with row `b`, or a choice valued `other` next to the
 * "other" item.
 */
function columnReasons(variables: readonly { key: string }[]): string[] {
  const seen = new Set<string>();
  const reasons: string[] = [];
  for (const { key } of variables) {
    if (seen.has(key)) reasons.push(`two answers would share the CSV column '${key}'; rename a question or a choice`);
    seen.add(key);
  }
  return reasons;
}
