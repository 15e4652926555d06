import { ExpressionRunner, settings } from 'survey-core';
import { expressionNames } from './array-functions.js';
import { COMMENT_SUFFIX } from './data-keys.js';
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
 * Prefixes that address a scope rather than a question: the current matrix row, the choice or
 * row being filtered.
 */
const SCOPED_PREFIXES = new Set(['row', 'item', 'choice', 'self', '$self']);

/**
 * What survey-core gives an expression that runs in a dynamic-panel entry — one inside the
 * template, or the panel's templateVisibleIf — before it looks for a question: the entry and its
 * neighbours, each followed by a field of the template (`{panel.kind}`, `{prevPanel.kind}`), and
 * the entry's index. Anywhere else these names are nobody's.
 */
const VARIABLES = settings.expressionVariables;
const ENTRY_PREFIXES = new Set([VARIABLES.panel, VARIABLES.prevPanel, VARIABLES.nextPanel].map(lower));
const ENTRY_INDEXES = new Set([VARIABLES.panelIndex, VARIABLES.visiblePanelIndex].map(lower));
/** survey-core's `{parentPanel.x}` reads the entry of a dynamic panel around this one; they do not nest here. */
const PARENT_PANEL = lower(VARIABLES.parentPanel);
const ENTRY_VARIABLES = new Set([...ENTRY_PREFIXES, ...ENTRY_INDEXES, PARENT_PANEL]);

/** Properties of a dynamic panel whose expressions run in each of its entries. */
const ENTRY_PROPERTIES = new Set(['templateElements', 'templateVisibleIf']);

/** Suffixes survey-core appends to a question name to address a part of its value. */
const NAME_SUFFIXES = [COMMENT_SUFFIX, '-unwrapped', '-total'];

/** Where an expression sits: the element named in reasons, and the fields of the entry it runs in, if any. */
type Place = { readonly where: string; readonly entry?: ReadonlySet<string> };

export function expressionReasons(definition: JsonObject, names: DefinitionNames): string[] {
  const known = new Set([...names.topLevel, ...calculatedValueNames(definition)].map(lower));
  const entries = new Map([...names.templates].map(([panel, fields]) => [panel, new Set([...fields].map(lower))]));
  const panelFields = new Map([...entries].map(([panel, fields]) => [lower(String(panel.name)), fields]));
  const reasons: string[] = [];
  visit(definition, { where: 'survey' }, entries, ({ where, entry }, property, expression) => {
    const parsed = new ExpressionRunner(expression).canRun() ? expressionNames(expression) : undefined;
    if (!parsed) {
      reasons.push(`${where}: ${property} '${expression}' cannot be parsed`);
      return;
    }
    const problems = parsed.survey.map((variable) => referenceProblem(variable, known, entry));
    for (const call of parsed.inArrayCalls) {
      if (call.array !== undefined) problems.push(referenceProblem(call.array, known, entry));
      // The filter runs on each entry of a dynamic panel: its names are the panel's fields.
      // (Other arrays keep the survey's names, as before.)
      const fields = call.array === undefined ? undefined : panelFields.get(lower(call.array));
      for (const name of call.entryNames) {
        if (fields === undefined) problems.push(referenceProblem(name, known, entry));
        else if (!fields.has(lower(stripSuffix(name)))) problems.push(notAnEntryField(name, call.array));
      }
    }
    for (const problem of problems) if (problem) reasons.push(`${where}: ${property} '${expression}' ${problem}`);
  });
  return reasons;
}

function notAnEntryField(name: string, array: string | undefined): string {
  return `refers to '${name}', which is not a field of the dynamic panel '${String(array)}'`;
}

/**
 * What is wrong with a reference, or undefined when it resolves. survey-core matches names
 * case-insensitively, so the check does too.
 */
function referenceProblem(variable: string, known: ReadonlySet<string>, entry: ReadonlySet<string> | undefined): string | undefined {
  const [first = '', second] = variable.split(/[.[]/);
  const head = lower(first);
  if (SCOPED_PREFIXES.has(head)) return undefined;
  if (entry && ENTRY_PREFIXES.has(head)) {
    if (second === undefined || second === '') return `refers to '${first}' without naming one of its fields`;
    const field = stripSuffix(second);
    return entry.has(lower(field)) ? undefined : notAQuestion(field);
  }
  if (entry && ENTRY_INDEXES.has(head)) return second === undefined ? undefined : `refers to '${variable}', but '${first}' is a number`;
  if (entry && head === PARENT_PANEL) return `refers to '${first}', which only a dynamic panel inside another has, and dynamic panels cannot nest`;
  const name = stripSuffix(first);
  if (known.has(lower(name))) return undefined;
  if (ENTRY_VARIABLES.has(head)) return `refers to '${first}', which exists only inside a dynamic panel`;
  return notAQuestion(name);
}

function notAQuestion(name: string): string {
  return `refers to '${name}', which is not a question`;
}

function lower(name: string): string {
  return name.toLowerCase();
}

function stripSuffix(name: string): string {
  const suffix = NAME_SUFFIXES.find((candidate) => name.endsWith(candidate));
  return suffix ? name.slice(0, -suffix.length) : name;
}

function calculatedValueNames(definition: JsonObject): string[] {
  const values = Array.isArray(definition.calculatedValues) ? definition.calculatedValues : [];
  return values.flatMap((value) => (isJsonObject(value) && typeof value.name === 'string' ? [value.name] : []));
}

/** `entries`: the (lower-cased) template fields of each dynamic panel, by its JSON object. */
function visit(
  value: JsonValue,
  place: Place,
  entries: ReadonlyMap<JsonObject, ReadonlySet<string>>,
  found: (place: Place, property: string, expression: string) => void,
): void {
  if (Array.isArray(value)) {
    value.forEach((item) => visit(item, place, entries, found));
    return;
  }
  if (!isJsonObject(value)) return;
  const here = { ...place, where: typeof value.name === 'string' && value.name !== '' ? `'${value.name}'` : place.where };
  const fields = entries.get(value);
  const inEntry = fields ? { ...here, entry: fields } : here;
  for (const [property, child] of Object.entries(value)) {
    const childPlace = ENTRY_PROPERTIES.has(property) ? inEntry : here;
    if (EXPRESSION_PROPERTIES.has(property) && typeof child === 'string' && child.trim() !== '') {
      found(childPlace, property, child);
    } else {
      visit(child, childPlace, entries, found);
    }
  }
}
