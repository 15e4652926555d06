import fc from 'fast-check';
import type { Arbitrary } from 'fast-check';
import type { JsonObject, JsonValue } from '../../../../server/questionnaire/json.js';
import type { Choice, ChoiceValue, PageQuestion, QuestionNode } from '../../../../server/questionnaire/question-tree.js';

/**
 * Answer sets shaped the way survey-core's model.data holds them, generated from the question
 * tree: any subset of the questions answered, choices from the definition, "other" texts only
 * beside a selected "other", "none" alone, rankings as full permutations.
 */

/** Texts that stress CSV: separators, quotes, line breaks, formula starts, non-ASCII. */
const awkwardText = fc.constantFrom('=1+1', '-3', '+49 30 1234', '@home', '\tindented', 'a,b', 'say "hi"', 'two\r\nlines', 'ünïcödé ß', '\rcr', "'quoted");

/**
 * Typed text; survey-core removes an answer that is emptied rather than keeping "". A cell that
 * starts with an apostrophe followed by a formula character cannot be told apart from a
 * neutralised one once written (API.md prefixes only the formula characters), so the round trip
 * excludes that one shape.
 */
export const textValue: Arbitrary<string> = fc
  .oneof(fc.string({ minLength: 1, maxLength: 16 }), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 8 }), awkwardText)
  .filter((text) => !/^'[=+\-@\t\r]/.test(text));

const numberValue: Arbitrary<number> = fc
  .oneof(fc.integer({ min: -1_000_000, max: 1_000_000 }), fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true }))
  .map((value) => (value === 0 ? 0 : value));

const dateValue: Arbitrary<string> = fc
  .date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true })
  .map((date) => date.toISOString().slice(0, 10));

const values = (choices: readonly Choice[]): ChoiceValue[] => choices.map((choice) => choice.value);

function multipleChoice(choices: readonly Choice[]): Arbitrary<ChoiceValue[]> {
  const none = choices.find((choice) => choice.special === 'none');
  // survey-core unticks everything else when "none" is ticked.
  const others = values(choices.filter((choice) => choice.special !== 'none'));
  const ticks = fc.uniqueArray(fc.constantFrom(...others), { minLength: 1, maxLength: others.length });
  return none ? fc.oneof(ticks, fc.constant<ChoiceValue[]>([none.value])) : ticks;
}

// Answers reach the engines from JSON.parse, whose objects always have a prototype: fast-check's
// null-prototype objects made the two engines read an empty matrix answer differently (seed -499200798).
/** Keeps only the properties that were drawn, so any subset of keys appears. */
function optionalRecord(entries: readonly (readonly [string, Arbitrary<JsonValue>])[]): Arbitrary<JsonObject> {
  const model = Object.fromEntries(entries) as Record<string, Arbitrary<JsonValue>>;
  return fc.record(model, { requiredKeys: [], noNullPrototype: true }) as Arbitrary<JsonObject>;
}

export function valueOf(node: QuestionNode): Arbitrary<JsonValue> {
  switch (node.kind) {
    case 'text':
      return node.value === 'number' ? numberValue : node.value === 'date' ? dateValue : textValue;
    case 'expression':
      return numberValue;
    case 'single-choice':
    case 'rating':
      return fc.constantFrom(...values(node.choices));
    case 'multiple-choice':
      return multipleChoice(node.choices);
    case 'ranking':
      return fc.shuffledSubarray(values(node.choices), { minLength: node.choices.length, maxLength: node.choices.length });
    case 'boolean':
      return fc.constantFrom(node.stored.yes, node.stored.no);
    case 'matrix': {
      const cell = node.cells === 'multiple' ? multipleChoice(node.columns) : fc.constantFrom(...values(node.columns));
      return optionalRecord(node.rows.map((row) => [String(row.value), cell] as const));
    }
    case 'matrix-dropdown': {
      const row = optionalRecord(node.columns.filter((column) => column.kind !== 'expression').map((column) => [column.name, valueOf(column)] as const));
      return optionalRecord(node.rows.map((choice) => [String(choice.value), row] as const));
    }
    case 'multiple-text':
      return optionalRecord(node.items.map((item) => [item.name, valueOf(item)] as const));
    case 'matrix-dynamic': {
      // survey-core drops a table whose one row holds only blank text ([{ "partner": " " }] → no
      // answer), so cells here are never blank text; blank text elsewhere is kept as typed.
      const cell = (column: QuestionNode) => valueOf(column).filter((value) => typeof value !== 'string' || value.trim() !== '');
      const row = optionalRecord(node.columns.filter((column) => column.kind !== 'expression').map((column) => [column.name, cell(column)] as const));
      return fc.array(row, { maxLength: Math.min(3, node.maxCount) });
    }
    case 'dynamic-panel':
      return fc.array(answersOf(node.fields), { maxLength: Math.min(3, node.maxCount) });
  }
}

/** One question's keys: its value, and its `-Comment` text where survey-core would keep one. */
function answerOf(node: QuestionNode): Arbitrary<[string, JsonValue][]> {
  return valueOf(node).chain((value) => {
    const otherChosen =
      (node.kind === 'single-choice' || node.kind === 'multiple-choice') &&
      node.choices.some((choice) => choice.special === 'other' && (value === choice.value || (Array.isArray(value) && value.includes(choice.value))));
    if (!otherChosen && !node.commentArea) return fc.constant([[node.name, value]]);
    return fc.option(textValue, { nil: undefined }).map((comment): [string, JsonValue][] =>
      comment === undefined ? [[node.name, value]] : [[node.name, value], [`${node.name}-Comment`, comment]],
    );
  });
}

/** Answer sets over the given questions; expressions are left out (survey-core computes them). */
export function answersOf(nodes: readonly QuestionNode[]): Arbitrary<JsonObject> {
  const answerable = nodes.filter((node) => node.kind !== 'expression');
  return fc
    .tuple(...answerable.map((node) => fc.option(answerOf(node), { nil: undefined })))
    .map((answers) => Object.fromEntries(answers.flatMap((answer) => answer ?? [])) as JsonObject);
}

export function answerSets(questions: readonly PageQuestion[]): Arbitrary<JsonObject> {
  return answersOf(questions.map(({ node }) => node));
}

/**
 * Values a question must refuse: the wrong JSON type, `null`, a choice the definition does not
 * have, an unknown row, item or panel field, a repeated checkbox value.
 */
export function wrongValueOf(node: QuestionNode): Arbitrary<JsonValue> {
  const alwaysWrong: Arbitrary<JsonValue> = fc.constantFrom<JsonValue>(null, { nested: true });
  const unknownCode = fc.constantFrom<JsonValue>('not-a-choice', 987654);
  switch (node.kind) {
    case 'text':
      return fc.oneof(alwaysWrong, node.value === 'number' ? fc.constantFrom<JsonValue>('12', true) : node.value === 'date' ? fc.constantFrom<JsonValue>(20100430, '2010-13-40', 'yesterday') : fc.constantFrom<JsonValue>(42, false, ['x']));
    case 'expression':
      return alwaysWrong;
    case 'single-choice':
    case 'rating':
      return fc.oneof(alwaysWrong, unknownCode, fc.constant<JsonValue>([node.choices[0]?.value ?? 'x']));
    case 'boolean':
      return fc.oneof(alwaysWrong, fc.constantFrom<JsonValue>('maybe', 2, 'true'));
    case 'multiple-choice':
    case 'ranking': {
      const first = node.choices[0]?.value ?? 'x';
      return fc.oneof(alwaysWrong, fc.constant<JsonValue>(first), fc.constant<JsonValue>([first, 'not-a-choice']), fc.constant<JsonValue>([first, first]));
    }
    case 'matrix':
    case 'matrix-dropdown':
      return fc.oneof(alwaysWrong, fc.constant<JsonValue>({ 'no-such-row': 'x' }), fc.constant<JsonValue>(['x']));
    case 'multiple-text':
      return fc.oneof(alwaysWrong, fc.constant<JsonValue>({ 'no-such-item': 'x' }), fc.constant<JsonValue>('x'));
    case 'matrix-dynamic':
    case 'dynamic-panel':
      return fc.oneof(alwaysWrong, fc.constant<JsonValue>({}), fc.constant<JsonValue>([{ 'no-such-field': 'x' }]), fc.constant<JsonValue>([null]));
  }
}
