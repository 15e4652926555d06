import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../../../server/questionnaire/json.js';
import { compareEngines, rulesOf } from './support/compare-engines.js';
import { questionTree } from './support/fixtures.js';
import { answerRules, countingRules, entryVariableRules, matrixRules, panelRules, visibilityRules } from './support/rule-definitions.js';
import { stressedAnswerSets } from './support/stressed-answers.js';

// The submit rules against survey-core on the targeted definitions (support/compare-engines.ts
// says how); the real questionnaires are in submit-rules-differential-real.test.ts, a file of
// their own so that the two halves run at the same time.

describe('the submit rules against survey-core', () => {
  // A fresh Model per answer set costs tens of milliseconds.
  const timeout = 120_000;

  it('agree on nested visibility', { timeout }, () => compareEngines(visibilityRules, 100));
  it('agree on the checks of single answers and on validators', { timeout }, () => compareEngines(answerRules, 100));
  it('agree on matrices', { timeout }, () => compareEngines(matrixRules, 80));
  it('agree on dynamic panels', { timeout }, () => compareEngines(panelRules, 80));
  it('agree on the variables of a dynamic-panel entry', { timeout }, () => compareEngines(entryVariableRules, 100));
  it('agree on counting the entries of a dynamic panel', { timeout }, () => compareEngines(countingRules, 100));
});

describe('the stressed answer sets', () => {
  /** Problems the rules find in a fixed sample: the comparison above reaches at least these. */
  const reached = (definition: JsonObject) => {
    const rules = rulesOf(definition);
    const samples = fc.sample(stressedAnswerSets(questionTree(definition), definition), { numRuns: 2000, seed: 42 });
    return new Set(samples.flatMap((data) => rules.validateForSubmit(data).map((problem) => `${problem.question}: ${problem.message}`)));
  };

  it('reach every kind of problem the targeted definitions have', () => {
    const problems = [...reached(visibilityRules), ...reached(answerRules), ...reached(matrixRules), ...reached(panelRules), ...reached(entryVariableRules), ...reached(countingRules)];
    for (const problem of [
      'why_none: Response required.',
      'funded: Response required.',
      'other_detail: Response required.',
      'staff_note: Response required.',
      'why_agree: Response required.',
      'why_large: Response required.',
      'count: Please enter a value that matches the step size of 5.',
      'count: The value should not be less than 0',
      'count: The value should not be greater than 100',
      'share: At least 0.5, please',
      "share: The 'value' should be at most 1",
      'mail: Please enter a valid e-mail address.',
      'checked_mail: Not an address',
      'day: The value should not be greater than Tue Dec 31 2999',
      'code: Two capitals',
      'code: Please enter at least 2 and no more than 3 characters.',
      'kind: Which other?',
      'roles: Please select at least 2 option(s).',
      'tags: Please select no more than 2 option(s).',
      "last_year: The expression: {first_year} empty or {last_year} >= {first_year} should return 'true'.",
      'labelled_year: After 1999',
      "contact: item 'staff': The 'value' should be at least 1",
      "contact: item 'phone': Digits only",
      "contact: item 'since': The value should not be greater than Tue Dec 31 2999",
      'cooperation: Response required: answer questions in all rows.',
      "services: row 'legal', column 'places': The 'value' should be at most 50",
      "services: row 'shelter', column 'mail': Please enter a valid e-mail address.",
      "agreements: row 1, column 'partner': Name the partner",
      "agreements: row 2, column 'signed': The value should not be greater than Tue Dec 31 2999",
      'required_rows: Response required.',
      "orgs: entry 1, 'ngo_name': Response required.",
      "orgs: entry 1, 'kind': Response required: enter another value.",
      "orgs: entry 1, 'no_roles': Response required.",
      "orgs: entry 2, 'staff', row 'men', column 'count': Response required.",
      "orgs: entry 1, 'mail': Use an official address",
      "orgs: entry 1, 'head', item 'name': Response required.",
      "orgs: entry 1, 'first_only': Response required.",
      "orgs: entry 2, 'same_as_before': Response required.",
      "orgs: entry 1, 'before_police': Response required.",
      'in_force_count: Fewer than listed',
      'why_several: Response required.',
    ]) {
      expect(problems).toContain(problem);
    }
  });
});
