import { isAnswered } from './answered.js';
import type { Catalogue, Variable, VariableChoice } from './catalogue.js';
import { commentKey, commentOwner } from './data-keys.js';
import { expandRepeats } from './repeats.js';
import type { Column } from './repeats.js';
import { isTicked, valueAt } from './variable-values.js';

/**
 * What changed between two answer sets, question by question in questionnaire order, in the
 * questionnaire's words (issue 11, compare revisions and the audit of a reply). Each question
 * reads as parts — the answer itself, a matrix row, a matrixdropdown cell, a multipletext item,
 * one field of a dynamic-panel entry, the "other" text — labelled as the catalogue labels them,
 * so the comparison, the audit CSV and the codebook use the same words. A question changed when
 * one of its parts reads differently: ticking the same choices in another order is no change.
 * Expression questions are left out (survey-core computes them; nobody answers them).
 */

/** One part of a question's answer, before and after; null is unanswered. */
export type AnswerPartDiff = {
  /** "Police", "Shelter — Provider", "Entry 2: Organisation", "Other (describe)"; null for the answer itself. */
  readonly label: string | null;
  readonly old: string | null;
  readonly new: string | null;
  readonly changed: boolean;
  /** A whole dynamic-panel (or dynamic-matrix) entry that one side does not have. */
  readonly entry?: 'added' | 'removed';
};

/** One side of a question: the stored value (and its `-Comment` text) and the answer in words. */
export type AnswerSide = {
  readonly value: unknown;
  /** The "other" text or comment-area text kept under `<question>-Comment`, when there is one. */
  readonly comment?: unknown;
  /** Every answered part, "label: text" joined with "; "; null when nothing is answered. */
  readonly text: string | null;
};

export type QuestionDiff = {
  readonly question: string;
  readonly title: string;
  readonly section: string;
  readonly sectionTitle: string;
  readonly changed: boolean;
  readonly old: AnswerSide;
  readonly new: AnswerSide;
  /** Every part either side answers, in questionnaire order; the unchanged ones give context. */
  readonly parts: AnswerPartDiff[];
};

export type DiffOptions = {
  /** Every question of the catalogue, changed or not (default: only the changed ones). */
  readonly all?: boolean;
  /** Only these questions (for a revision, the ones it says it changed). */
  readonly questions?: ReadonlySet<string>;
};

export type AnswerDiffer = {
  diff(before: unknown, after: unknown, options?: DiffOptions): QuestionDiff[];
  /** A question's title, or its name for a question the catalogue does not know. */
  titleOf(question: string): string;
  /** The questions in questionnaire order. */
  readonly questions: readonly string[];
};

type QuestionEntry = { readonly question: string; readonly variables: readonly Variable[]; readonly repeated: boolean };

/** Built once per catalogue; diff() then runs for every pair of revisions of an audit. */
export function answerDiffer(catalogue: Catalogue): AnswerDiffer {
  const entries = byQuestion(catalogue.variables);
  const sectionTitles = new Map(catalogue.sections.map((section) => [section.name, section.title]));
  const titles = new Map(entries.map((entry) => [entry.question, entry.variables[0]?.questionTitle ?? entry.question]));

  function diff(before: unknown, after: unknown, options: DiffOptions = {}): QuestionDiff[] {
    const result: QuestionDiff[] = [];
    for (const entry of entries) {
      if (options.questions && !options.questions.has(entry.question)) continue;
      const question = questionDiff(entry, before, after);
      if (!question.changed && !options.all) continue;
      const first = entry.variables[0]!;
      result.push({ ...question, section: first.section, sectionTitle: sectionTitles.get(first.section) ?? first.section });
    }
    return result;
  }

  return { diff, titleOf: (question) => titles.get(question) ?? question, questions: entries.map((entry) => entry.question) };
}

/** The catalogue's variables grouped by their question, in order; expressions have none. */
function byQuestion(variables: readonly Variable[]): QuestionEntry[] {
  const grouped = new Map<string, Variable[]>();
  for (const variable of variables) {
    const list = grouped.get(variable.question);
    if (list) list.push(variable);
    else grouped.set(variable.question, [variable]);
  }
  return [...grouped].map(([question, list]) => ({ question, variables: list, repeated: list.some((variable) => variable.repeat !== undefined) }));
}

/**
 * A readable part of an answer: one column, or the tick or rank columns of one choice list.
 * `field` is its label within its entry (a dynamic-panel field), `label` the whole label.
 */
type Part = {
  readonly label: string | null;
  readonly field: string | null;
  readonly entry?: number;
  /** Where the value sits, from the data root, joined with ".". */
  readonly path: string;
  read(data: unknown): string | null;
};

function questionDiff(entry: QuestionEntry, before: unknown, after: unknown): Omit<QuestionDiff, 'section' | 'sectionTitle'> {
  const first = entry.variables[0]!;
  const { question } = entry;
  const oldCount = entryCount(before, question);
  const newCount = entryCount(after, question);
  const parts = readableParts(expandRepeats({ variables: entry.variables, sections: [] }, new Map([[question, Math.max(oldCount, newCount)]])));
  const oldTexts = parts.map((part) => part.read(before));
  const newTexts = parts.map((part) => part.read(after));

  const diffs: AnswerPartDiff[] = [];
  const wholeEntries = new Set<number>();
  for (const [index, part] of parts.entries()) {
    const number = part.entry;
    if (number === undefined || (number <= oldCount && number <= newCount)) {
      const old = oldTexts[index] ?? null;
      const next = newTexts[index] ?? null;
      if (old !== null || next !== null) diffs.push({ label: part.label, old, new: next, changed: old !== next });
      continue;
    }
    // An entry only one side has reads as one part: the whole entry, added or removed.
    if (wholeEntries.has(number)) continue;
    wholeEntries.add(number);
    const removed = number <= oldCount;
    const texts = removed ? oldTexts : newTexts;
    const fields = parts.flatMap((other, at) => (other.entry === number ? [{ label: other.field, text: texts[at] ?? null }] : []));
    const shown = joinParts(fields) ?? 'an empty entry';
    diffs.push({ label: entryLabel(number), old: removed ? shown : null, new: removed ? null : shown, changed: true, entry: removed ? 'removed' : 'added' });
  }

  return {
    question,
    title: first.questionTitle,
    changed: diffs.some((diff) => diff.changed),
    old: side(before, question, parts, oldTexts),
    new: side(after, question, parts, newTexts),
    parts: diffs,
  };
}

function side(data: unknown, question: string, parts: readonly Part[], texts: readonly (string | null)[]): AnswerSide {
  const value = valueAt(data, [question]);
  const comment = valueAt(data, [commentKey(question)]);
  return {
    value: value ?? null,
    ...(comment !== undefined ? { comment } : {}),
    text: joinParts(parts.map((part, index) => ({ label: part.label, text: texts[index] ?? null }))),
  };
}

function joinParts(parts: readonly { label: string | null; text: string | null }[]): string | null {
  const answered = parts.filter((part) => part.text !== null).map((part) => (part.label === null ? part.text : `${part.label}: ${part.text}`));
  return answered.length === 0 ? null : answered.join('; ');
}

function entryCount(data: unknown, question: string): number {
  const value = valueAt(data, [question]);
  return Array.isArray(value) ? value.length : 0;
}

const entryLabel = (entry: number) => `Entry ${entry}`;

/** Columns as readable parts; the ticks of a checkbox and the ranks of a ranking join into one. */
function readableParts(columns: readonly Column[]): Part[] {
  const parts: Part[] = [];
  for (let index = 0; index < columns.length; ) {
    const column = columns[index]!;
    if (column.type === 'count') {
      index += 1;
      continue;
    }
    const previous = parts.at(-1);
    if (column.type === 'other-text' && previous?.path === choicePathOf(column.path)) {
      parts[parts.length - 1] = { ...previous, read: withOtherText(previous.read, column.path) };
      index += 1;
      continue;
    }
    if (column.type !== 'checkbox-choice' && column.type !== 'rank') {
      parts.push(part(column, 0, (data) => columnText(column, data)));
      index += 1;
      continue;
    }
    const type = column.type;
    const pathKey = column.path.join('.');
    const choices: VariableChoice[] = [];
    for (let next = columns[index]; next?.type === type && next.path.join('.') === pathKey; next = columns[++index]) choices.push(next.choice);
    const read = type === 'rank' ? rankText : ticksText;
    // The last part title of a tick or a rank is its choice's: the part is the whole list.
    parts.push(part(column, 1, (data) => read(valueAt(data, column.path), choices)));
  }
  return parts;
}

function part(column: Column, choiceTitles: number, read: Part['read']): Part {
  // The catalogue names a comment area's variable "comment", in lower case as a key's part.
  const titles = column.type === 'comment-text' ? [...(column.partTitles ?? []).slice(0, -1), 'Comment'] : (column.partTitles ?? []);
  const own = titles.slice(0, Math.max(0, titles.length - choiceTitles));
  const field = own.length > 0 ? own.join(' — ') : null;
  const path = column.path.join('.');
  if (column.entry === undefined) return { label: field, field, path, read };
  return { label: field === null ? entryLabel(column.entry) : `${entryLabel(column.entry)}: ${field}`, field, entry: column.entry, path, read };
}

/** The path of the choice an "other" text (`<name>-Comment`) belongs to. */
function choicePathOf(otherPath: readonly string[]): string {
  const last = otherPath.at(-1) ?? '';
  return [...otherPath.slice(0, -1), commentOwner(last) ?? last].join('.');
}

/**
 * The "other" text reads with its choice, quoted — "Other (describe): “Hotline”" — rather than
 * as a part of its own: a reader looks for it there, and a change of only the text still shows.
 */
function withOtherText(read: Part['read'], otherPath: readonly string[]): Part['read'] {
  return (data) => {
    const choice = read(data);
    const other = valueAt(data, otherPath);
    if (!isAnswered(other)) return choice;
    const quoted = `“${plain(other)}”`;
    return choice === null ? quoted : `${choice}: ${quoted}`;
  };
}

function columnText(column: Column, data: unknown): string | null {
  const value = valueAt(data, column.path);
  if (!isAnswered(value)) return null;
  switch (column.type) {
    case 'choice':
      return choiceLabel(value, column.choices);
    case 'choices':
      return (Array.isArray(value) ? value : [value]).map((item) => choiceLabel(item, column.choices)).join(LIST);
    case 'boolean': {
      const [yes, no] = column.choices;
      if (value === column.stored.yes) return yes.label;
      if (value === column.stored.no) return no.label;
      return plain(value);
    }
    default:
      return plain(value);
  }
}

/** Choices within a part; parts of a question are joined with "; ". */
const LIST = ', ';

/** Ticked choices in the questionnaire's order of choices, whatever order they were ticked in. */
function ticksText(value: unknown, choices: readonly VariableChoice[]): string | null {
  if (!isAnswered(value)) return null;
  if (!Array.isArray(value)) return plain(value);
  const ticked = choices.filter((choice) => isTicked(value, choice)).map((choice) => choice.label);
  const unknown = value.filter((item) => !choices.some((choice) => isTicked([item], choice))).map(plain);
  return [...ticked, ...unknown].join(LIST);
}

/** The ranked choices in rank order: "1. Training, 2. MoU". */
function rankText(value: unknown, choices: readonly VariableChoice[]): string | null {
  if (!isAnswered(value)) return null;
  if (!Array.isArray(value)) return plain(value);
  return value.map((item, index) => `${index + 1}. ${choiceLabel(item, choices)}`).join(LIST);
}

function choiceLabel(value: unknown, choices: readonly VariableChoice[]): string {
  // isTicked of a one-item list: the export's matching of a code (also as text) with a choice.
  return choices.find((choice) => isTicked([value], choice))?.label ?? plain(value);
}

function plain(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : JSON.stringify(value);
}
