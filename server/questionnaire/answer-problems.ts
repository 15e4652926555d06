import type { ErrorObject } from 'ajv';
import { settings } from 'survey-core';
import type { Problem } from './problem.js';
import type { CellNode, FieldNode, QuestionNode } from './question-tree.js';
import { valueAt } from './variable-values.js';

/**
 * Turns Ajv's errors into problems a delegate can act on: the top-level question they belong
 * to, and a message that says where inside the question and what is wrong, with the allowed
 * choices spelled out ("entry 2, 'roles': 'pilots' is not one of the choices: ngo, police").
 */
export function describeAnswerErrors(
  errors: readonly ErrorObject[],
  data: unknown,
  questions: ReadonlyMap<string, QuestionNode>,
): Problem[] {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return [{ question: '', message: 'answers must be an object of question name → answer' }];
  }
  const problems: Problem[] = [];
  const seen = new Set<string>();
  for (const error of errors) {
    const problem = describe(error, data, questions);
    const id = `${problem.question}\u0000${problem.message}`;
    if (!seen.has(id)) problems.push(problem);
    seen.add(id);
  }
  return problems;
}

function describe(error: ErrorObject, data: object, questions: ReadonlyMap<string, QuestionNode>): Problem {
  const path = error.instancePath.split('/').slice(1).map(unescapePointer);
  const [question] = path;
  if (question === undefined) {
    const unknown = String(error.params.additionalProperty ?? '');
    return { question: unknown, message: 'unknown question' };
  }
  const place = locate(questions, path);
  const value = valueAt(data, path);
  const text = value === null ? NULL_MESSAGE : explain(error, value, place.at);
  return { question, message: place.where.length > 0 ? `${place.where.join(', ')}: ${text}` : text };
}

const NULL_MESSAGE = 'null is not an answer; leave the question out, or unset it, to clear it';

/** What sits at a position inside a question's value. */
type Position =
  | { kind: 'node'; node: QuestionNode }
  | { kind: 'comment' }
  /** One choice value: inside a checkbox or ranking list, or a single matrix's row. */
  | { kind: 'choice' }
  /** A list of choice values that is not a question of its own: a multi-choice matrix row. */
  | { kind: 'choice-list' }
  /** A matrixdropdown or matrixdynamic row: column → cell. */
  | { kind: 'row'; columns: readonly CellNode[] }
  /** A dynamic panel entry: template question → answer. */
  | { kind: 'entry'; fields: readonly FieldNode[] }
  | { kind: 'unknown' };

function locate(questions: ReadonlyMap<string, QuestionNode>, path: readonly string[]): { where: string[]; at: Position } {
  const [name = '', ...rest] = path;
  const node = questions.get(name);
  let at: Position = node ? { kind: 'node', node } : name.endsWith(settings.commentSuffix) ? { kind: 'comment' } : { kind: 'unknown' };
  const where: string[] = [];
  for (const step of rest) {
    const next = stepInto(at, step);
    if (next.label) where.push(next.label);
    at = next.at;
  }
  return { where, at };
}

function stepInto(at: Position, step: string): { label?: string; at: Position } {
  if (at.kind === 'row') {
    const column = at.columns.find((candidate) => candidate.name === step);
    return { label: `column '${step}'`, at: column ? { kind: 'node', node: column } : { kind: 'unknown' } };
  }
  if (at.kind === 'entry') {
    const field = at.fields.find((candidate) => candidate.name === step);
    const position: Position = field ? { kind: 'node', node: field } : step.endsWith(settings.commentSuffix) ? { kind: 'comment' } : { kind: 'unknown' };
    return { label: `'${step}'`, at: position };
  }
  if (at.kind === 'choice-list') return { at: { kind: 'choice' } };
  if (at.kind !== 'node') return { at: { kind: 'unknown' } };
  const node = at.node;
  switch (node.kind) {
    case 'multiple-choice':
    case 'ranking':
      return { at: { kind: 'choice' } };
    case 'matrix':
      return { label: `row '${step}'`, at: node.cells === 'multiple' ? { kind: 'choice-list' } : { kind: 'choice' } };
    case 'matrix-dropdown':
      return { label: `row '${step}'`, at: { kind: 'row', columns: node.columns } };
    case 'matrix-dynamic':
      return { label: `row ${Number(step) + 1}`, at: { kind: 'row', columns: node.columns } };
    case 'dynamic-panel':
      return { label: `entry ${Number(step) + 1}`, at: { kind: 'entry', fields: node.fields } };
    case 'multiple-text': {
      const item = node.items.find((candidate) => candidate.name === step);
      return { label: `item '${step}'`, at: item ? { kind: 'node', node: item } : { kind: 'unknown' } };
    }
    default:
      return { at: { kind: 'unknown' } };
  }
}

function explain(error: ErrorObject, value: unknown, at: Position): string {
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'enum': {
      const allowed = (params.allowedValues as unknown[]).map(show).join(', ');
      return `${show(value)} is not one of the choices: ${allowed}`;
    }
    case 'type':
      return `must be ${expectedType(String(params.type), at)}`;
    case 'additionalProperties':
      return `unknown ${memberKind(at)} '${String(params.additionalProperty)}'`;
    case 'uniqueItems': {
      const list = Array.isArray(value) ? value : [];
      return `lists ${show(list[Number(params.j)])} more than once`;
    }
    case 'maxItems':
      return `has ${Array.isArray(value) ? value.length : '?'} entries; at most ${String(params.limit)} are allowed`;
    case 'format':
      return params.format === 'date' ? 'must be a date written YYYY-MM-DD' : `must be a ${String(params.format)}`;
    default:
      return error.message ?? 'is not a valid answer';
  }
}

function expectedType(type: string, at: Position): string {
  if (type === 'string') return 'a string';
  if (type === 'number') return 'a number';
  if (type === 'boolean') return 'true or false';
  if (type === 'string,number,boolean') return 'a string, a number or true/false';
  if (at.kind === 'row') return 'an object of column → value';
  if (at.kind === 'entry') return 'an object of question → answer';
  if (at.kind === 'choice-list') return 'a list of choice values';
  if (at.kind !== 'node') return `of type ${type}`;
  switch (at.node.kind) {
    case 'multiple-choice':
      return 'a list of choice values';
    case 'ranking':
      return 'a list of choice values in rank order';
    case 'matrix':
      return 'an object of row → column value';
    case 'matrix-dropdown':
      return 'an object of row → cells';
    case 'multiple-text':
      return 'an object of item → text';
    case 'matrix-dynamic':
      return 'a list of rows';
    case 'dynamic-panel':
      return 'a list of entries';
    default:
      return `of type ${type}`;
  }
}

function memberKind(at: Position): string {
  if (at.kind === 'row') return 'column';
  if (at.kind === 'entry') return 'question';
  if (at.kind === 'node' && at.node.kind === 'multiple-text') return 'item';
  if (at.kind === 'node' && (at.node.kind === 'matrix' || at.node.kind === 'matrix-dropdown')) return 'row';
  return 'key';
}

function show(value: unknown): string {
  if (typeof value === 'string') return `'${value}'`;
  const json = JSON.stringify(value) ?? String(value);
  return json.length > 60 ? `${json.slice(0, 57)}…` : json;
}

function unescapePointer(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}
