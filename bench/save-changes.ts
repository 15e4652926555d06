import { valueAt } from '../server/questionnaire/index.js';
import type { CompiledQuestionnaire, JsonObject, JsonValue, Variable } from '../server/questionnaire/index.js';
import { isJsonObject } from '../server/questionnaire/json.js';

/** The values (as JSON text) a question may take in a realistic save, two or more each. */
export type AnswerPool = ReadonlyMap<string, readonly string[]>;

/** What one editor last sent for each question (JSON text): an autosave sends only what differs. */
export type EditorView = Map<string, string>;

/**
 * For every question of the complete response, the values an editor would plausibly save next:
 * the complete answer, each other choice of a choice (also in a matrix row or a multipletext
 * item), a checkbox with one tick toggled, a number one up or down, a text with its last word
 * still untyped. Every value passes the draft check, so a save of it answers 200. Dynamic-panel
 * and ranking questions, which have no such small edit, are left out.
 */
export function answerPool(questionnaire: CompiledQuestionnaire, complete: JsonObject): AnswerPool {
  const values = new Map<string, Set<string>>();
  for (const [question, value] of Object.entries(complete)) values.set(question, new Set([JSON.stringify(value)]));
  for (const variable of questionnaire.catalogue.variables) {
    const current = complete[variable.question];
    if (current === undefined || variable.repeat) continue;
    for (const edited of editsOf(variable, valueAt(current, variable.path.slice(1)))) {
      const whole = withValueAt(current, variable.path.slice(1), edited);
      if (questionnaire.checkDraft({ [variable.question]: whole }).length === 0) values.get(variable.question)!.add(JSON.stringify(whole));
    }
  }
  return new Map([...values].filter(([, texts]) => texts.size > 1).map(([question, texts]) => [question, [...texts]]));
}

/** The editor's view right after saving the complete response. */
export function completeView(complete: JsonObject): EditorView {
  return new Map(Object.entries(complete).map(([question, value]) => [question, JSON.stringify(value)]));
}

/**
 * The JSON text of an autosave's `set`: 1–3 different questions, each given a value from the pool
 * other than the one the editor last sent. The editor's view is updated.
 */
export function randomChange(pool: AnswerPool, view: EditorView): string {
  const questions = [...pool.keys()];
  const count = 1 + Math.floor(Math.random() * 3);
  const set = new Map<string, string>();
  while (set.size < count) {
    const question = pick(questions);
    if (set.has(question)) continue;
    const others = pool.get(question)!.filter((text) => text !== view.get(question));
    set.set(question, pick(others));
  }
  for (const [question, text] of set) view.set(question, text);
  return `{${[...set].map(([question, text]) => `${JSON.stringify(question)}:${text}`).join(',')}}`;
}

function editsOf(variable: Variable, current: unknown): JsonValue[] {
  switch (variable.type) {
    case 'choice':
      return variable.choices.map((choice) => choice.value);
    case 'boolean':
      return [variable.stored.yes, variable.stored.no];
    case 'checkbox-choice': {
      const ticked = Array.isArray(current) ? current : [];
      const choice = variable.choice.value;
      return [ticked.includes(choice) ? ticked.filter((value) => value !== choice) : [...ticked, choice]];
    }
    case 'number':
      return typeof current === 'number' ? [current + 1, Math.max(0, current - 1)] : [];
    case 'text':
      return typeof current === 'string' && current.includes(' ') ? [current.slice(0, current.lastIndexOf(' '))] : [];
    default:
      return [];
  }
}

function withValueAt(value: JsonValue, path: readonly string[], replacement: JsonValue): JsonValue {
  if (path.length === 0) return replacement;
  const object = isJsonObject(value) ? value : {};
  const [key, ...rest] = path as [string, ...string[]];
  return { ...object, [key]: withValueAt(object[key] ?? {}, rest, replacement) };
}

function pick<T>(items: readonly T[]): T {
  return items[Math.floor(Math.random() * items.length)]!;
}
