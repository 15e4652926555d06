import fc from 'fast-check';
import { Model } from 'survey-core';
import { describe, expect, it } from 'vitest';
import { isAnswered } from '../../../server/questionnaire/answered.js';
import type { JsonObject } from '../../../server/questionnaire/json.js';
import { takesAnswer } from '../../../server/questionnaire/progress-count.js';
import { compileSubmitRules } from '../../../server/questionnaire/submit-rules/submit-rules.js';
import type { Progress, SubmitValidator } from '../../../server/questionnaire/submit-validation.js';
import { createSubmitValidator } from '../../../server/questionnaire/submit-validation.js';
import { everyType, onePage, questionTree, realFile } from './support/fixtures.js';
import { stressedAnswerSets } from './support/stressed-answers.js';

/**
 * One rule for "answered": progress counts a question as answered only when the submit check
 * has nothing to say about it, for every question type the questionnaires use, on both engines.
 */

function rulesOf(definition: JsonObject): SubmitValidator {
  const rules = compileSubmitRules(definition, new Model(definition));
  if (!rules.ok) throw new Error(rules.reasons.join('\n'));
  return rules.validator;
}

/** Progress by the submit rules, checked against survey-core's Model path. */
function progressOf(definition: JsonObject, data: JsonObject): Progress {
  const progress = rulesOf(definition).progress(data);
  expect(progress).toEqual(createSubmitValidator(definition).progress(data));
  return progress;
}

/** Whether the one question of a page counts as answered, checked against the submit check's list. */
function answered(question: object, data: JsonObject): boolean {
  const definition = onePage(question as JsonObject);
  const stopped = rulesOf(definition).validateForSubmit(data).length > 0;
  const progress = progressOf(definition, data);
  expect(progress.counted).toBe(1);
  if (stopped) expect(progress.answered).toBe(0);
  return progress.answered === 1;
}

const contact = {
  type: 'multipletext',
  name: 'contact',
  isRequired: true,
  items: [
    { name: 'name', isRequired: true },
    { name: 'email', isRequired: true, inputType: 'email' },
    { name: 'phone' },
  ],
};

describe('answered, as the submit check sees it', () => {
  it('a multiple-text question only with every required item, and a valid e-mail', () => {
    expect(answered(contact, { contact: { name: 'Mari Kask' } })).toBe(false);
    expect(answered(contact, { contact: { name: 'Mari Kask', email: 'not-an-address' } })).toBe(false);
    expect(answered(contact, { contact: { name: 'Mari Kask', email: 'mari@example.ee' } })).toBe(true);
    // Not required itself, but its required item is: counted while the check stops at it.
    const optional = { ...contact, isRequired: false };
    expect(answered(optional, { contact: { phone: '+372 5555' } })).toBe(false);
    expect(progressOf(onePage({ type: 'text', name: 'anchor', isRequired: true }, optional as JsonObject), { anchor: 'x', contact: { phone: '1' } })).toEqual({
      answered: 1,
      counted: 2,
      required: 2,
      share: 0.5,
    });
  });

  it('a single-choice matrix with all rows when each row is required', () => {
    const matrix = { type: 'matrix', name: 'm', isRequired: true, eachRowRequired: true, rows: ['a', 'b'], columns: ['x', 'y'] };
    expect(answered(matrix, { m: { a: 'x' } })).toBe(false);
    expect(answered(matrix, { m: { a: 'x', b: 'y' } })).toBe(true);
  });

  it('a dropdown or dynamic matrix only with its required cells', () => {
    const dropdown = { type: 'matrixdropdown', name: 'm', isRequired: true, rows: ['a', 'b'], columns: [{ name: 'c', cellType: 'text', isRequired: true }, { name: 'd', cellType: 'text' }] };
    expect(answered(dropdown, { m: { a: { c: '1' }, b: { d: '2' } } })).toBe(false);
    expect(answered(dropdown, { m: { a: { c: '1' }, b: { c: '2' } } })).toBe(true);
    const dynamic = { type: 'matrixdynamic', name: 'm', isRequired: true, rowCount: 0, columns: [{ name: 'c', cellType: 'text', isRequired: true }, { name: 'd', cellType: 'text' }] };
    expect(answered(dynamic, { m: [{ c: '1' }, { d: '2' }] })).toBe(false);
    expect(answered(dynamic, { m: [{ c: '1' }] })).toBe(true);
  });

  it('a dynamic panel only with the required fields of every entry', () => {
    const panel = { type: 'paneldynamic', name: 'orgs', panelCount: 0, templateElements: [{ type: 'text', name: 'org', isRequired: true }, { type: 'text', name: 'note' }] };
    expect(answered(panel, { orgs: [{ org: 'A' }, { note: 'no name' }] })).toBe(false);
    expect(answered(panel, { orgs: [{ org: 'A' }, { org: 'B' }] })).toBe(true);
  });

  it('a choice with "other" only with its text', () => {
    const radio = { type: 'radiogroup', name: 'q', isRequired: true, choices: ['a'], showOtherItem: true };
    expect(answered(radio, { q: 'other' })).toBe(false);
    expect(answered(radio, { q: 'other', 'q-Comment': 'Labour inspectorate' })).toBe(true);
    const checkbox = { type: 'checkbox', name: 'q', choices: ['a', 'b', 'c'], showOtherItem: true, minSelectedChoices: 2 };
    expect(answered(checkbox, { q: ['a', 'other'] })).toBe(false);
    expect(answered(checkbox, { q: ['a'] })).toBe(false);
    expect(answered(checkbox, { q: ['a', 'other'], 'q-Comment': 'More' })).toBe(true);
    const dropdown = { type: 'dropdown', name: 'q', choices: ['a'], showOtherItem: true };
    expect(answered(dropdown, { q: 'other' })).toBe(false);
    expect(answered(dropdown, { q: 'a' })).toBe(true);
  });

  it('a text only within its bounds and validators, and not of spaces', () => {
    const count = { type: 'text', name: 'n', isRequired: true, inputType: 'number', min: 0, validators: [{ type: 'numeric', maxValue: 100 }] };
    expect(answered(count, { n: -1 })).toBe(false);
    expect(answered(count, { n: 101 })).toBe(false);
    expect(answered(count, { n: 0 })).toBe(true);
    expect(answered({ type: 'comment', name: 'c', isRequired: true }, { c: '   ' })).toBe(false);
    expect(answered({ type: 'comment', name: 'c', isRequired: true }, { c: 'Noted' })).toBe(true);
  });

  it('booleans (false too), ratings, rankings and tag boxes as they are', () => {
    expect(answered({ type: 'boolean', name: 'b', isRequired: true }, { b: false })).toBe(true);
    expect(answered({ type: 'rating', name: 'r', isRequired: true, rateMin: 1, rateMax: 5 }, { r: 3 })).toBe(true);
    expect(answered({ type: 'ranking', name: 'k', isRequired: true, choices: ['a', 'b'] }, { k: ['b', 'a'] })).toBe(true);
    expect(answered({ type: 'tagbox', name: 't', isRequired: true, choices: ['a', 'b'] }, { t: [] })).toBe(false);
    expect(answered({ type: 'tagbox', name: 't', isRequired: true, choices: ['a', 'b'] }, { t: ['a'] })).toBe(true);
  });
});

/**
 * The rule from outside: survey-core's visible questions, and the names on the submit check's
 * list. Counted are the required ones and those on the list (all shown when none is required);
 * answered, those holding an answer and not on the list.
 */
function expectedProgress(model: Model, validator: SubmitValidator, data: JsonObject): Progress {
  model.data = structuredClone(data);
  const shown = model.getAllQuestions(true).filter((question) => takesAnswer(question.getType()));
  const stopped = new Set(validator.validateForSubmit(data).map((problem) => problem.question));
  const anyRequired = shown.some((question) => question.isRequired);
  const counted = anyRequired ? shown.filter((question) => question.isRequired || stopped.has(question.name)) : shown;
  const answered = counted.filter((question) => isAnswered(data[question.name]) && !stopped.has(question.name)).length;
  return { answered, counted: counted.length, required: anyRequired ? counted.length : 0, share: counted.length === 0 ? 1 : answered / counted.length };
}

function agreeWithSubmitCheck(definition: JsonObject, validator: SubmitValidator, numRuns: number): void {
  const model = new Model(definition);
  fc.assert(
    fc.property(stressedAnswerSets(questionTree(definition), definition), (data) => {
      const progress = validator.progress(data);
      expect(progress).toEqual(expectedProgress(model, validator, data));
      // A full bar means the submit check has nothing to report, and the other way round.
      if (progress.required > 0) expect(progress.share === 1).toBe(validator.validateForSubmit(data).length === 0);
    }),
    { numRuns },
  );
}

describe('progress against the submit check, on generated answers', () => {
  const timeout = 120_000;
  it('agrees on the every-type fixture, by the rules', { timeout }, () => agreeWithSubmitCheck(everyType(), rulesOf(everyType()), 60));
  it('agrees on the every-type fixture, by survey-core', { timeout }, () => agreeWithSubmitCheck(everyType(), createSubmitValidator(everyType()), 20));

  const v1 = realFile('v1.json');
  const v2 = realFile('v2.json');
  it.skipIf(v1 === undefined)('agrees on the real v1 questionnaire', { timeout }, () => agreeWithSubmitCheck(v1 as JsonObject, rulesOf(v1 as JsonObject), 20));
  it.skipIf(v2 === undefined)('agrees on the real v2 questionnaire', { timeout }, () => agreeWithSubmitCheck(v2 as JsonObject, rulesOf(v2 as JsonObject), 20));
});
