import { ExpressionRunner } from 'survey-core';
import { isJsonObject } from './json.js';
import type { JsonObject, JsonValue } from './json.js';
import type { DefinitionNames } from './definition-names.js';

/**
 * Finds conditions and expressions that survey-core cannot parse or that name a question the
 * definition does not have. survey-core treats an unknown name as "empty", so a typo in a
 * `visibleIf` silently hides a follow-up question for ever — worth refusing at publish time.
 */

/** Properties holding a SurveyJS expression, wherever they occur (questions, pages, triggers…). */
const EXPRESSION_PROPERTIES = new Set([
  'visibleIf',
  'enableIf',
  'requiredIf',
  'choicesVisibleIf',
  'choicesEnableIf',
  'rowsVisibleIf',
  'columnsVisibleIf',
  'templateVisibleIf',
  'setValueIf',
  'resetValueIf',
  'setValueExpression',
  'defaultValueExpression',
  'minValueExpression',
  'maxValueExpression',
  'totalExpression',
  'expression',
]);

/**
 * Prefixes that address a scope rather than a question: the current matrix row, the current
 * dynamic-panel entry, the choice or row being filtered.
 */
const SCOPED_PREFIXES = new Set(['row', 'item', 'choice', 'self', '$self']);
const PANEL_PREFIXES = new Set(['panel', 'parentpanel', 'rootpanel']);

/** Suffixes survey-core appends to a question name to address a part of its value. */
const NAME_SUFFIXES = ['-Comment', '-unwrapped', '-total'];

export function expressionReasons(definition: JsonObject, names: DefinitionNames): string[] {
  const known = new Set([...names.topLevel, ...calculatedValueNames(definition)].map((name) => name.toLowerCase()));
  const templateNames = new Set([...names.template].map((name) => name.toLowerCase()));
  const reasons: string[] = [];
  visit(definition, 'survey', (where, property, expression) => {
    const runner = new ExpressionRunner(expression);
    if (!runner.canRun()) {
      reasons.push(`${where}: ${property} '${expression}' cannot be parsed`);
      return;
    }
    for (const variable of runner.getVariables()) {
      const unknown = unknownReference(variable, known, templateNames);
      if (unknown) reasons.push(`${where}: ${property} '${expression}' refers to '${unknown}', which is not a question`);
    }
  });
  return reasons;
}

/** Returns the name that does not exist, or undefined when the reference resolves. */
function unknownReference(variable: string, known: ReadonlySet<string>, templateNames: ReadonlySet<string>): string | undefined {
  const [first = '', second = ''] = variable.split(/[.[]/);
  const head = first.toLowerCase();
  if (SCOPED_PREFIXES.has(head)) return undefined;
  // survey-core matches names case-insensitively, so the check does too.
  if (PANEL_PREFIXES.has(head)) {
    const field = stripSuffix(second);
    return templateNames.has(field.toLowerCase()) || known.has(field.toLowerCase()) ? undefined : field;
  }
  const name = stripSuffix(first);
  return known.has(name.toLowerCase()) ? undefined : name;
}

function stripSuffix(name: string): string {
  const suffix = NAME_SUFFIXES.find((candidate) => name.endsWith(candidate));
  return suffix ? name.slice(0, -suffix.length) : name;
}

function calculatedValueNames(definition: JsonObject): string[] {
  const values = Array.isArray(definition.calculatedValues) ? definition.calculatedValues : [];
  return values.flatMap((value) => (isJsonObject(value) && typeof value.name === 'string' ? [value.name] : []));
}

function visit(value: JsonValue, where: string, found: (where: string, property: string, expression: string) => void): void {
  if (Array.isArray(value)) {
    value.forEach((item) => visit(item, where, found));
    return;
  }
  if (!isJsonObject(value)) return;
  const here = typeof value.name === 'string' && value.name !== '' ? `'${value.name}'` : where;
  for (const [property, child] of Object.entries(value)) {
    if (EXPRESSION_PROPERTIES.has(property) && typeof child === 'string' && child.trim() !== '') {
      found(here, property, child);
    } else {
      visit(child, here, found);
    }
  }
}
