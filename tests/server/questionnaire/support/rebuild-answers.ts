import type { Column } from '../../../../server/questionnaire/repeats.js';
import type { JsonObject, JsonValue } from '../../../../server/questionnaire/json.js';
import type { ChoiceValue, PageQuestion, QuestionNode } from '../../../../server/questionnaire/question-tree.js';

/**
 * Rebuilds a response's data from CSV cells (codes), and brings original data to the form a CSV
 * can carry, so that round trips compare like with like: empty answers vanish (they are empty
 * cells), checkbox ticks come back in choice order, expressions are not exported.
 */

export function rebuildAnswers(columns: readonly Column[], cellOf: (key: string) => string | undefined): JsonObject {
  const data: JsonObject = {};
  const ranks = new Map<string, { path: readonly string[]; ranked: [number, ChoiceValue][] }>();
  for (const column of columns) {
    const cell = cellOf(column.key);
    if (cell === undefined || cell === '') continue;
    switch (column.type) {
      case 'text':
      case 'date':
      case 'other-text':
      case 'comment-text':
        setAt(data, column.path, cell);
        break;
      case 'number':
        setAt(data, column.path, Number(cell));
        break;
      case 'choice':
        setAt(data, column.path, choiceFromCode(column.choices.map((choice) => choice.value), cell));
        break;
      case 'choices':
        setAt(data, column.path, cell.split('|').map((code) => choiceFromCode(column.choices.map((choice) => choice.value), code)));
        break;
      case 'boolean':
        setAt(data, column.path, cell === '1' ? column.stored.yes : column.stored.no);
        break;
      case 'checkbox-choice': {
        const ticks = (getAt(data, column.path) as JsonValue[] | undefined) ?? [];
        setAt(data, column.path, cell === '1' ? [...ticks, column.choice.value] : ticks);
        break;
      }
      case 'rank': {
        const id = column.path.join('\u0000');
        const entry = ranks.get(id) ?? { path: column.path, ranked: [] };
        entry.ranked.push([Number(cell), column.choice.value]);
        ranks.set(id, entry);
        break;
      }
      case 'count':
        setAt(data, column.path, Array.from({ length: Number(cell) }, () => ({})));
        break;
    }
  }
  for (const { path, ranked } of ranks.values()) {
    setAt(data, path, ranked.sort((a, b) => a[0] - b[0]).map(([, value]) => value));
  }
  return data;
}

function choiceFromCode(choices: readonly ChoiceValue[], code: string): ChoiceValue {
  const choice = choices.find((value) => String(value) === code);
  if (choice === undefined) throw new Error(`'${code}' is not a choice code`);
  return choice;
}

function getAt(data: JsonObject, path: readonly string[]): JsonValue | undefined {
  let current: JsonValue | undefined = data;
  for (const step of path) current = current && typeof current === 'object' ? (current as Record<string, JsonValue>)[step] : undefined;
  return current;
}

function setAt(data: JsonObject, path: readonly string[], value: JsonValue): void {
  let current: Record<string, JsonValue> = data;
  path.slice(0, -1).forEach((step) => {
    current[step] ??= {};
    current = current[step] as Record<string, JsonValue>;
  });
  current[path[path.length - 1] as string] = value;
}

/** The original data as a CSV can carry it. */
export function exportable(data: JsonObject, questions: readonly PageQuestion[]): JsonObject {
  return normaliseObject(data, questions.map(({ node }) => node));
}

/** In matrix cells a multiple choice is one `|`-joined cell that keeps its order. */
function normaliseObject(data: JsonObject, nodes: readonly QuestionNode[], inCell = false): JsonObject {
  const result: JsonObject = {};
  for (const [key, value] of Object.entries(data)) {
    const node = nodes.find((candidate) => candidate.name === key);
    if (node?.kind === 'expression') continue;
    const normal = node ? normaliseValue(value, node, inCell) : value;
    if (!isEmpty(normal)) result[key] = normal;
  }
  return result;
}

function normaliseValue(value: JsonValue, node: QuestionNode, inCell: boolean): JsonValue {
  switch (node.kind) {
    case 'multiple-choice': {
      if (inCell) return value;
      const order = node.choices.map((choice) => choice.value);
      return [...(value as ChoiceValue[])].sort((a, b) => order.indexOf(a) - order.indexOf(b));
    }
    case 'matrix-dropdown':
      return dropEmpty(
        Object.fromEntries(Object.entries(value as JsonObject).map(([row, cells]) => [row, normaliseObject(cells as JsonObject, node.columns, true)])),
      );
    case 'multiple-text':
      return normaliseObject(value as JsonObject, node.items);
    case 'matrix':
      return dropEmpty(value as JsonObject);
    case 'matrix-dynamic':
      return (value as JsonObject[]).map((row) => normaliseObject(row, node.columns, true));
    case 'dynamic-panel':
      return (value as JsonObject[]).map((entry) => normaliseObject(entry, node.fields));
    default:
      return value;
  }
}

function dropEmpty(object: JsonObject): JsonObject {
  return Object.fromEntries(Object.entries(object).filter(([, value]) => !isEmpty(value)));
}

function isEmpty(value: JsonValue | undefined): boolean {
  if (value === undefined || value === '') return true;
  if (Array.isArray(value)) return value.length === 0;
  return typeof value === 'object' && value !== null && Object.keys(value).length === 0;
}
