import { Ajv } from 'ajv';
import type { SchemaObject } from 'ajv';
import ajvFormats from 'ajv-formats';
import { Model } from 'survey-core';
import { describeAnswerErrors } from './answer-problems.js';
import type { SurveyDefinition } from './definition.js';
import type { Problem } from './problem.js';
import { commentKey, readQuestionTree } from './read-questions.js';
import { storesComment } from './question-tree.js';
import type { CellNode, Choice, FieldNode, PageQuestion, QuestionNode } from './question-tree.js';

/**
 * The JSON Schema (draft-07) of a response's `data`: every key a question the definition has,
 * every value of the exact shape survey-core gives it, every choice a known one. Nothing is
 * required — a draft may be incomplete but never ill-typed; required answers, validators and
 * visibility are survey-core's job at submit time (submit-validation.ts).
 *
 * `null` is not an answer: a save removes an answer by listing the question in `unset`, and a
 * stored null would be a third state ("answered with nothing") that no export or count knows.
 */

export type AnswerChecker = {
  readonly schema: SchemaObject;
  /** Problems with a draft's values; empty when the draft is well-typed. */
  checkDraft(data: unknown): Problem[];
};

// ajv-formats is CommonJS; under NodeNext its default import is the module object.
const addFormats = ajvFormats.default;

export function compileAnswerChecker(definition: SurveyDefinition): AnswerChecker {
  const model = new Model(definition);
  return answerCheckerFromTree(readQuestionTree(model).questions, resultValueNames(model));
}

/**
 * Compiles once (a fresh Ajv instance per version, so compiled code is freed with the version);
 * a check is then one generated function call, and problems are worked out only on failure.
 */
export function answerCheckerFromTree(questions: readonly PageQuestion[], resultValues: readonly string[] = []): AnswerChecker {
  const schema = buildAnswerSchema(questions, resultValues);
  const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true });
  addFormats(ajv, ['date']);
  const validate = ajv.compile(schema);
  const nodes = new Map(questions.map(({ node }) => [node.name, node]));
  return {
    schema,
    checkDraft(data: unknown): Problem[] {
      if (validate(data)) return [];
      return describeAnswerErrors(validate.errors ?? [], data, nodes);
    },
  };
}

/** Calculated values marked `includeIntoResult` are written into the data by survey-core. */
function resultValueNames(model: Model): string[] {
  return model.calculatedValues.filter((value) => value.includeIntoResult).map((value) => value.name);
}

export function buildAnswerSchema(questions: readonly PageQuestion[], resultValues: readonly string[] = []): SchemaObject {
  const properties = objectProperties(questions.map(({ node }) => node));
  for (const name of resultValues) properties[name] = COMPUTED;
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    type: 'object',
    properties,
    additionalProperties: false,
  };
}

/** Expressions compute any scalar; they are not answers, so only their shape is checked. */
const COMPUTED: SchemaObject = { type: ['string', 'number', 'boolean'] };
const TEXT: SchemaObject = { type: 'string' };

function objectProperties(nodes: readonly QuestionNode[]): Record<string, SchemaObject> {
  const properties: Record<string, SchemaObject> = {};
  for (const node of nodes) {
    properties[node.name] = valueSchema(node);
    if (storesComment(node)) properties[commentKey(node.name)] = TEXT;
  }
  return properties;
}

function closedObject(properties: Record<string, SchemaObject>): SchemaObject {
  return { type: 'object', properties, additionalProperties: false };
}

function valueSchema(node: QuestionNode): SchemaObject {
  switch (node.kind) {
    case 'text':
      if (node.value === 'number') return { type: 'number' };
      if (node.value === 'date') return { type: 'string', format: 'date' };
      return TEXT;
    case 'expression':
      return COMPUTED;
    case 'single-choice':
    case 'rating':
      return oneOf(node.choices);
    case 'multiple-choice':
      return listOf(node.choices);
    case 'ranking':
      return listOf(node.choices);
    case 'boolean':
      return typeof node.stored.yes === 'boolean' && typeof node.stored.no === 'boolean'
        ? { type: 'boolean' }
        : { enum: [node.stored.yes, node.stored.no] };
    case 'matrix': {
      const cell = node.cells === 'multiple' ? listOf(node.columns) : oneOf(node.columns);
      return closedObject(Object.fromEntries(node.rows.map((row) => [String(row.value), cell])));
    }
    case 'matrix-dropdown': {
      const row = rowSchema(node.columns);
      return closedObject(Object.fromEntries(node.rows.map((choice) => [String(choice.value), row])));
    }
    case 'matrix-dynamic':
      return { type: 'array', maxItems: node.maxCount, items: rowSchema(node.columns) };
    case 'multiple-text':
      return closedObject(Object.fromEntries(node.items.map((item) => [item.name, valueSchema(item)])));
    case 'dynamic-panel':
      return { type: 'array', maxItems: node.maxCount, items: entrySchema(node.fields) };
  }
}

function rowSchema(columns: readonly CellNode[]): SchemaObject {
  return closedObject(Object.fromEntries(columns.map((column) => [column.name, valueSchema(column)])));
}

function entrySchema(fields: readonly FieldNode[]): SchemaObject {
  return closedObject(objectProperties(fields));
}

/** Choice values keep their JSON type: `1` and `"1"` are different answers. */
function oneOf(choices: readonly Choice[]): SchemaObject {
  return { enum: choices.map((choice) => choice.value) };
}

function listOf(choices: readonly Choice[]): SchemaObject {
  return { type: 'array', items: oneOf(choices), uniqueItems: true };
}
