/**
 * The publish check's reasons (422 INVALID_DEFINITION) say where a problem is as the check
 * found it: a path into the file (`pages[0].elements[3]: …`) or a question's name
 * (`question 'r': …`, `'a': visibleIf …`). An administrator thinks in questions, so each is told
 * here by the question it is about — its name and title, read from the file that was uploaded —
 * or by its page when the element has no name.
 */
export interface DefinitionProblem {
  /** Which question (or page) it is about, in words; null for the file as a whole. */
  where: string | null;
  problem: string;
}

type Json = Record<string, unknown>;

const PATH = /^(pages\[\d+\](?:\.(?:elements|templateElements)\[\d+\])*)(?:\.[\w.[\]]+)?:\s*/;
const NAMED = /^(?:question\s+)?'([^']+)':?\s*/;

export function describeProblems(reasons: unknown, definition: unknown): DefinitionProblem[] {
  const list = Array.isArray(reasons) ? reasons.filter((r): r is string => typeof r === 'string') : [];
  return list.map((reason) => describeProblem(reason, definition));
}

export function describeProblem(reason: string, definition: unknown): DefinitionProblem {
  const atPath = PATH.exec(reason);
  if (atPath) {
    const found = elementAt(definition, atPath[1]!);
    const rest = capitalise(reason.slice(atPath[0].length));
    if (found && typeof found.element.name === 'string' && found.element.name !== '') {
      return { where: questionWords(found.element), problem: rest };
    }
    if (found) return { where: `${ordinal(found.index + 1)} element of page ${pageWords(found.page, found.pageIndex)}`, problem: rest };
    return { where: null, problem: capitalise(reason) };
  }
  const named = NAMED.exec(reason);
  if (named) {
    const question = findQuestion(definition, named[1]!);
    return { where: question ? questionWords(question) : `Question ‘${named[1]}’`, problem: capitalise(reason.slice(named[0].length)) };
  }
  return { where: null, problem: capitalise(reason) };
}

function elementAt(definition: unknown, path: string): { element: Json; page: Json; pageIndex: number; index: number } | null {
  const steps = [...path.matchAll(/(\w+)\[(\d+)\]/g)].map((m) => ({ key: m[1]!, index: Number(m[2]) }));
  let node: unknown = definition;
  let page: Json | null = null;
  let pageIndex = 0;
  for (const step of steps) {
    const list = isObject(node) ? node[step.key] : undefined;
    if (!Array.isArray(list) || !isObject(list[step.index])) return null;
    node = list[step.index];
    if (step.key === 'pages') {
      page = node as Json;
      pageIndex = step.index;
    }
  }
  const last = steps.at(-1)!;
  return page && isObject(node) && node !== page ? { element: node, page, pageIndex, index: last.index } : null;
}

function findQuestion(node: unknown, name: string): Json | null {
  if (Array.isArray(node)) {
    for (const item of node) {
      const found = findQuestion(item, name);
      if (found) return found;
    }
    return null;
  }
  if (!isObject(node)) return null;
  if (node.name === name && typeof node.type === 'string') return node;
  for (const key of ['pages', 'elements', 'templateElements']) {
    const found = findQuestion(node[key], name);
    if (found) return found;
  }
  return null;
}

function questionWords(element: Json): string {
  const title = textOf(element.title);
  return title ? `Question ‘${String(element.name)}’ (“${title}”)` : `Question ‘${String(element.name)}’`;
}

function pageWords(page: Json, index: number): string {
  const title = textOf(page.title);
  return title ? `“${title}”` : typeof page.name === 'string' ? `‘${page.name}’` : String(index + 1);
}

/** A title may be a string or translations ({ default, de, … }). */
function textOf(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (isObject(value)) {
    const text = value.default ?? value.en ?? Object.values(value)[0];
    return typeof text === 'string' ? text : null;
  }
  return null;
}

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const ORDINALS = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth'];
const ordinal = (n: number) => capitalise(ORDINALS[n - 1] ?? `${n}th`);
