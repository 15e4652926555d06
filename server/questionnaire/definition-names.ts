import { settings } from 'survey-core';
import { isJsonObject } from './json.js';
import type { JsonObject } from './json.js';

/**
 * Name rules, checked on the raw JSON because survey-core quietly names unnamed questions
 * ("question1") when it builds its model — a name the author never chose and would not see —
 * and so reports them under that invented name. Every element but a panel needs a name
 * (survey-core's rule too, even for display-only html); panels only group.
 *
 * Scopes: top-level questions (also inside panels, which only group) share one namespace, since
 * their answers are the keys of a response's data. A dynamic panel's template is a namespace of
 * its own: its answers live inside each entry's object and its CSV columns carry the panel's name
 * (`orgs.1.name`), so a template question may reuse a top-level name. survey-core scopes them
 * the same way (`{panel.name}` in expressions).
 */

export type DefinitionNames = {
  /** Top-level element names (questions, also display-only and expression elements). */
  readonly topLevel: ReadonlySet<string>;
  /** The names inside each dynamic panel's template, by the dynamic panel's JSON object. */
  readonly templates: ReadonlyMap<JsonObject, ReadonlySet<string>>;
  readonly reasons: readonly string[];
};

export function collectNames(definition: JsonObject): DefinitionNames {
  const topLevel = new Set<string>();
  const templates = new Map<JsonObject, ReadonlySet<string>>();
  const reasons: string[] = [];
  const pages = Array.isArray(definition.pages) ? definition.pages : [];
  pages.forEach((page, index) => {
    if (isJsonObject(page)) walk(childElements(page), `pages[${index}]`, topLevel, templates, reasons);
  });
  walk(childElements(definition), 'survey', topLevel, templates, reasons);
  return { topLevel, templates, reasons };
}

function walk(
  elements: readonly { element: JsonObject; at: string }[],
  where: string,
  scope: Set<string>,
  templates: Map<JsonObject, ReadonlySet<string>>,
  reasons: string[],
): void {
  for (const { element, at } of elements) {
    const path = `${where}.${at}`;
    const type = typeof element.type === 'string' ? element.type : '';
    const name = typeof element.name === 'string' ? element.name.trim() : '';
    if (type === 'panel') {
      walk(childElements(element), path, scope, templates, reasons);
      continue;
    }
    if (name === '') {
      reasons.push(`${path}: an element of type '${type || '?'}' has no name`);
    } else {
      if (scope.has(name)) reasons.push(`${path}: the name '${name}' is used twice`);
      if (name.endsWith(settings.commentSuffix)) {
        reasons.push(`${path}: the name '${name}' ends with '${settings.commentSuffix}', which survey-core reserves for comments`);
      }
      scope.add(name);
    }
    if (type === 'paneldynamic') {
      const fields = new Set<string>();
      walk(elementList(element.templateElements, 'templateElements'), path, fields, templates, reasons);
      templates.set(element, fields);
    }
  }
}

/** Pages and panels hold their elements under `elements` (or the older `questions`). */
function childElements(container: JsonObject): { element: JsonObject; at: string }[] {
  return [...elementList(container.elements, 'elements'), ...elementList(container.questions, 'questions')];
}

function elementList(list: unknown, key: string): { element: JsonObject; at: string }[] {
  if (!Array.isArray(list)) return [];
  return list.flatMap((element, index) => (isJsonObject(element) ? [{ element, at: `${key}[${index}]` }] : []));
}
