import fc from 'fast-check';
import { Model } from 'survey-core';
import { describe, expect, it } from 'vitest';
import { compileAnswerChecker } from '../../../server/questionnaire/answer-schema.js';
import type { JsonObject } from '../../../server/questionnaire/json.js';
import { answerSets, wrongValueOf } from './support/answer-arbitraries.js';
import { everyType, everyTypeComplete, onePage, questionTree, realFile } from './support/fixtures.js';

const definition = everyType();
const checker = compileAnswerChecker(definition);
const questions = questionTree(definition);

const problemsFor = (data: unknown) => checker.checkDraft(data);

describe('answer schema', () => {
  it('is a closed draft-07 schema: no object anywhere admits unknown keys', () => {
    expect(checker.schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
    const open: string[] = [];
    const visit = (schema: unknown, at: string): void => {
      if (typeof schema !== 'object' || schema === null) return;
      const node = schema as Record<string, unknown>;
      if (node.type === 'object' && node.additionalProperties !== false) open.push(at);
      for (const [key, child] of Object.entries(node)) visit(child, `${at}/${key}`);
    };
    visit(checker.schema, '');
    expect(open).toEqual([]);
    expect(checker.schema).not.toHaveProperty('required');
  });

  it('accepts a complete answer set and an empty draft', () => {
    expect(problemsFor(everyTypeComplete())).toEqual([]);
    expect(problemsFor({})).toEqual([]);
  });

  it('accepts empty answers, which count as unanswered', () => {
    expect(problemsFor({ respondent_name: '', roles: [], cooperation: {}, services: { shelter: {} }, organisations: [{}] })).toEqual([]);
  });

  it('refuses data that is not an object', () => {
    expect(problemsFor([])).toEqual([{ question: '', message: 'answers must be an object of question name → answer' }]);
  });

  it('refuses unknown questions, also a comment key the question does not keep', () => {
    expect(problemsFor({ shoe_size: 42, 'level-Comment': 'x' })).toEqual([
      { question: 'shoe_size', message: 'unknown question' },
      { question: 'level-Comment', message: 'unknown question' },
    ]);
  });

  it('refuses null with a message that says how to clear an answer', () => {
    expect(problemsFor({ institution: null })).toEqual([
      { question: 'institution', message: 'null is not an answer; leave the question out, or unset it, to clear it' },
    ]);
  });

  it.each([
    ['respondent_name', 42, 'must be a string'],
    ['staff_count', '12', 'must be a number'],
    ['report_date', '30.04.2010', 'must be a date written YYYY-MM-DD'],
    ['report_date', '2010-02-30', 'must be a date written YYYY-MM-DD'],
    ['notes', ['x'], 'must be a string'],
    ['institution', 'maybe', "'maybe' is not one of the choices: 'ngo', 'police', 'ministry', 'other'"],
    ['level', '1', "'1' is not one of the choices: 1, 2, 3, 'none'"],
    ['roles', 'referral', 'must be a list of choice values'],
    ['roles', ['referral', 'pilot'], "'pilot' is not one of the choices: 'identification', 'referral', 'shelter', 'none', 'other'"],
    ['roles', ['referral', 'referral'], "lists 'referral' more than once"],
    ['has_plan', 'yes', 'must be true or false'],
    ['consent', true, "true is not one of the choices: 'yes', 'no'"],
    ['interest', 6, '6 is not one of the choices: 1, 2, 3, 4, 5'],
    ['priority', 'medium', "'medium' is not one of the choices: 'low', 'high'"],
    ['recommendations', ['mou', 'mou'], "lists 'mou' more than once"],
    ['cooperation', { police: 'always' }, "row 'police': 'always' is not one of the choices: 'none', 'ad_hoc', 'regular'"],
    ['cooperation', { courts: 'none' }, "unknown row 'courts'"],
    ['cooperation', 'regular', 'must be an object of row → column value'],
    ['services', { shelter: { places: 'ten' } }, "row 'shelter', column 'places': must be a number"],
    ['services', { shelter: { fax: 1 } }, "row 'shelter': unknown column 'fax'"],
    ['services', { shelter: { channels: ['fax'] } }, "row 'shelter', column 'channels': 'fax' is not one of the choices: 'phone', 'email'"],
    ['services', { shelter: { funded: 'yes' } }, "row 'shelter', column 'funded': must be true or false"],
    ['contact', { staff: 'three' }, "item 'staff': must be a number"],
    ['contact', { fax: '1' }, "unknown item 'fax'"],
    ['organisations', { org_name: 'x' }, 'must be a list of entries'],
    ['organisations', [{ org_type: 'army' }], "entry 1, 'org_type': 'army' is not one of the choices: 'ngo', 'police'"],
    ['organisations', [{}, { org_roles: ['pilot'] }], "entry 2, 'org_roles': 'pilot' is not one of the choices: 'identification', 'referral', 'other'"],
    ['organisations', [{ budget: 1 }], "entry 1: unknown question 'budget'"],
    ['organisations', [{}, {}, {}, {}, {}, {}], 'has 6 entries; at most 5 are allowed'],
    ['organisations', [null], 'entry 1: null is not an answer; leave the question out, or unset it, to clear it'],
    ['institution-Comment', 7, 'must be a string'],
  ])('%s = %j → %s', (question, value, message) => {
    expect(problemsFor({ [question]: value })).toEqual([{ question, message }]);
  });

  it('names every wrong question and only those, all at once', () => {
    const problems = problemsFor({ ...everyTypeComplete(), staff_count: 'many', level: 9, respondent_name: 'ok' });
    expect(problems.map((problem) => problem.question).sort()).toEqual(['level', 'staff_count']);
  });

  it('allows the values survey-core computes: expressions and included calculated values', () => {
    const computed = compileAnswerChecker({
      ...onePage({ type: 'text', name: 'a', inputType: 'number' }, { type: 'expression', name: 'twice', expression: '{a} * 2' }),
      calculatedValues: [{ name: 'kept', expression: '{a}', includeIntoResult: true }],
    });
    expect(computed.checkDraft({ a: 1, twice: 2, kept: 1 })).toEqual([]);
    expect(computed.checkDraft({ twice: { x: 1 } })).toEqual([{ question: 'twice', message: 'must be a string, a number or true/false' }]);
  });

  it('does not change the data it checks', () => {
    const data = everyTypeComplete();
    const copy = structuredClone(data);
    problemsFor(data);
    expect(data).toEqual(copy);
  });
});

describe('answer schema, property-based', () => {
  it('accepts every answer set survey-core could hold', () => {
    fc.assert(
      fc.property(answerSets(questions), (data) => {
        expect(problemsFor(data)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('generates answer sets that survey-core keeps unchanged (so the generator is realistic)', () => {
    fc.assert(
      fc.property(answerSets(questions), (data) => {
        const model = new Model(definition);
        model.data = structuredClone(data);
        model.validate(false, false);
        const kept = { ...model.data } as JsonObject;
        delete kept.victims_per_staff;
        // A dynamic panel the definition starts with one entry shows it, empty, when unanswered.
        const expected = { ...data };
        if (!Array.isArray(data.organisations) || data.organisations.length === 0) {
          expect(kept.organisations).toEqual([{}]);
          delete kept.organisations;
          delete expected.organisations;
        }
        expect(kept).toEqual(expected);
      }),
      { numRuns: 40 },
    );
  });

  it('names the question when one answer is replaced by a wrong one', () => {
    const cases = answerSets(questions).chain((data) =>
      fc.constantFrom(...questions.filter(({ node }) => node.kind !== 'expression')).chain(({ node }) =>
        wrongValueOf(node).map((wrong) => ({ data: { ...data, [node.name]: wrong }, question: node.name })),
      ),
    );
    fc.assert(
      fc.property(cases, ({ data, question }) => {
        const problems = problemsFor(data);
        expect(problems.length).toBeGreaterThan(0);
        expect(problems.map((problem) => problem.question)).toEqual(problems.map(() => question));
      }),
      { numRuns: 400 },
    );
  });

  it('names an unknown question added to any answer set', () => {
    const names = fc.string({ minLength: 1, maxLength: 10 }).filter((name) => !questions.some(({ node }) => name === node.name || name === `${node.name}-Comment`));
    fc.assert(
      fc.property(answerSets(questions), names, fc.jsonValue(), (data, name, value) => {
        expect(problemsFor({ ...data, [name]: value })).toEqual([{ question: name, message: 'unknown question' }]);
      }),
    );
  });

  const real = realFile('v2.json');
  it.skipIf(real === undefined)('accepts every answer set of the real v2 questionnaire', () => {
    const v2 = real as JsonObject;
    const realChecker = compileAnswerChecker(v2);
    fc.assert(
      fc.property(answerSets(questionTree(v2)), (data) => {
        expect(realChecker.checkDraft(data)).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });
});
