import fc from 'fast-check';
import { Model } from 'survey-core';
import { expect } from 'vitest';
import { compileAnswerChecker } from '../../../../server/questionnaire/answer-schema.js';
import type { JsonObject } from '../../../../server/questionnaire/json.js';
import type { Problem } from '../../../../server/questionnaire/problem.js';
import { compileSubmitRules } from '../../../../server/questionnaire/submit-rules/submit-rules.js';
import type { SubmitValidator } from '../../../../server/questionnaire/submit-validation.js';
import { createSubmitValidator } from '../../../../server/questionnaire/submit-validation.js';
import { questionTree } from './fixtures.js';
import { stressedAnswerSets } from './stressed-answers.js';

/**
 * The acceptance test of the submit rules (submit-rules-differential*.test.ts): for generated
 * answer sets — realistic ones and ones that go looking for problems — the rules give exactly
 * what survey-core's Model path gives, a fresh Model for each answer set. Only well-typed sets are
 * compared, since validateForSubmit hands survey-core nothing else (the draft check answers the
 * rest) and saved drafts, whose progress is shown, are well-typed too.
 */

export function rulesOf(definition: JsonObject): SubmitValidator {
  const rules = compileSubmitRules(definition, new Model(definition));
  if (!rules.ok) throw new Error(`the rules do not model this definition:\n${rules.reasons.join('\n')}`);
  return rules.validator;
}

/** Compares the engines and returns survey-core's problems, so a test can see what was covered. */
export function compareEngines(definition: JsonObject, numRuns: number): Problem[] {
  const rules = rulesOf(definition);
  const checker = compileAnswerChecker(definition);
  const seen: Problem[] = [];
  fc.assert(
    fc.property(stressedAnswerSets(questionTree(definition), definition), (data) => {
      expect(checker.checkDraft(data)).toEqual([]);
      const surveyCore = createSubmitValidator(definition);
      const problems = surveyCore.validateForSubmit(data);
      expect(rules.validateForSubmit(data)).toEqual(problems);
      // A fresh Model again: survey-core's answer to a second call on the same Model can differ
      // (a required dynamic matrix whose only row has an empty cell is required once, then not).
      expect(rules.progress(data)).toEqual(createSubmitValidator(definition).progress(data));
      seen.push(...problems);
    }),
    { numRuns },
  );
  return seen;
}
