import fc from 'fast-check';
import type { Arbitrary } from 'fast-check';
import { isJsonObject } from '../../../../server/questionnaire/json.js';
import type { JsonObject, JsonValue } from '../../../../server/questionnaire/json.js';
import type { Choice, ChoiceValue, PageQuestion, QuestionNode } from '../../../../server/questionnaire/question-tree.js';
import { answerSets, textValue, valueOf } from './answer-arbitraries.js';

/**
 * Well-typed answer sets that go looking for submit problems, beside the realistic ones of
 * answer-arbitraries.ts: numbers on and around every bound the definition names, texts of spaces
 * and e-mails that fail, an "other" chosen with an empty or missing text, empty lists, rows,
 * items and entries, any subset of a checkbox (also "none" beside other ticks) or a ranking. Whether a
 * follow-up is answered is drawn independently of the answer that shows it, so hidden answered
 * follow-ups occur as often as visible unanswered ones.
 */
export function stressedAnswerSets(questions: readonly PageQuestion[], definition: JsonObject): Arbitrary<JsonObject> {
  const numbers = numbersAround(boundsIn(definition));
  return fc.oneof(answerSets(questions), stressedAnswersOf(questions.map(({ node }) => node), numbers));
}

const SPACES = fc.constantFrom('', ' ', '  \t ');
const EMAILS = fc.constantFrom('someone@example.org', 'not-an-address', 'a@b', 'x@y.z1', '@example.org');
const DATES = fc.constantFrom('2999-12-31', '3000-01-01', '1900-01-01', '2024-02-29');

/** The numbers a definition uses as bounds, steps and counts. */
function boundsIn(definition: JsonValue): number[] {
  const found: number[] = [];
  const visit = (value: JsonValue): void => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (isJsonObject(value)) {
      for (const [key, child] of Object.entries(value)) {
        if (['min', 'max', 'step', 'minValue', 'maxValue', 'minCount', 'maxCount'].includes(key) && typeof child === 'number') found.push(child);
        else visit(child);
      }
    }
  };
  visit(definition);
  return found;
}

function numbersAround(bounds: readonly number[]): Arbitrary<number> {
  const near = [0, -1, 1.5, ...bounds.flatMap((bound) => [bound - 1, bound - 0.5, bound, bound + 0.5, bound + 1])];
  return fc.constantFrom(...new Set(near));
}

function stressedAnswersOf(nodes: readonly QuestionNode[], numbers: Arbitrary<number>): Arbitrary<JsonObject> {
  const answerable = nodes.filter((node) => node.kind !== 'expression');
  return fc
    .tuple(...answerable.map((node) => fc.option(stressedAnswerOf(node, numbers), { nil: undefined })))
    .map((answers) => Object.fromEntries(answers.flatMap((answer) => answer ?? [])) as JsonObject);
}

/** Its value and, beside a chosen "other" or a comment area, a text that may be empty. */
function stressedAnswerOf(node: QuestionNode, numbers: Arbitrary<number>): Arbitrary<[string, JsonValue][]> {
  return stressedValueOf(node, numbers).chain((value) => {
    const keepsComment = node.commentArea || ((node.kind === 'single-choice' || node.kind === 'multiple-choice') && node.choices.some((choice) => choice.special === 'other'));
    if (!keepsComment) return fc.constant<[string, JsonValue][]>([[node.name, value]]);
    return fc
      .option(fc.oneof(textValue, SPACES), { nil: undefined })
      .map((comment): [string, JsonValue][] => (comment === undefined ? [[node.name, value]] : [[node.name, value], [`${node.name}-Comment`, comment]]));
  });
}

function stressedValueOf(node: QuestionNode, numbers: Arbitrary<number>): Arbitrary<JsonValue> {
  switch (node.kind) {
    case 'text':
      if (node.value === 'number') return fc.oneof(valueOf(node), numbers);
      if (node.value === 'date') return fc.oneof(valueOf(node), DATES);
      return fc.oneof(valueOf(node), SPACES, EMAILS);
    case 'multiple-choice':
      return fc.oneof(valueOf(node), anySubset(node.choices));
    case 'ranking':
      return fc.oneof(valueOf(node), fc.shuffledSubarray(values(node.choices)));
    case 'matrix': {
      const cell = node.cells === 'multiple' ? anySubset(node.columns) : fc.constantFrom(...values(node.columns));
      return optionalRecord(node.rows.map((row) => [String(row.value), cell] as const));
    }
    case 'matrix-dropdown': {
      const row = optionalRecord(node.columns.filter((column) => column.kind !== 'expression').map((column) => [column.name, stressedValueOf(column, numbers)] as const));
      return optionalRecord(node.rows.map((choice) => [String(choice.value), row] as const));
    }
    case 'multiple-text':
      return optionalRecord(node.items.map((item) => [item.name, stressedValueOf(item, numbers)] as const));
    case 'matrix-dynamic': {
      const row = optionalRecord(node.columns.filter((column) => column.kind !== 'expression').map((column) => [column.name, stressedValueOf(column, numbers)] as const));
      return fc.array(row, { maxLength: Math.min(3, node.maxCount) });
    }
    case 'dynamic-panel':
      return fc.array(stressedAnswersOf(node.fields, numbers), { maxLength: Math.min(3, node.maxCount) });
    default:
      return valueOf(node);
  }
}

const values = (choices: readonly Choice[]): ChoiceValue[] => choices.map((choice) => choice.value);

function anySubset(choices: readonly Choice[]): Arbitrary<JsonValue> {
  return fc.subarray(values(choices));
}

// Answers reach the engines from JSON.parse, whose objects always have a prototype: fast-check's
// null-prototype objects made the two engines read an empty matrix answer differently (seed -499200798).
function optionalRecord(entries: readonly (readonly [string, Arbitrary<JsonValue>])[]): Arbitrary<JsonObject> {
  return fc.record(Object.fromEntries(entries) as Record<string, Arbitrary<JsonValue>>, { requiredKeys: [], noNullPrototype: true }) as Arbitrary<JsonObject>;
}
