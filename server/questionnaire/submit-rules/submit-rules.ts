import type { Model } from 'survey-core';
import type { SurveyDefinition } from '../definition.js';
import { objectOrEmpty } from '../json.js';
import type { Problem } from '../problem.js';
import { countProgress } from '../progress-count.js';
import type { SubmitValidator } from '../submit-validation.js';
import { countableArrays, listNames, readableNames, withEmptyLists } from './condition-values.js';
import type { Values } from './conditions.js';
import { groupRule, visibleQuestions } from './element-rules.js';
import type { ElementRule } from './element-rules.js';
import { ownValue } from './question-checks.js';
import type { QuestionRule, RuleContext } from './rule-types.js';
import { unsupportedProperties } from './supported-properties.js';

/**
 * The submit rules: what survey-core decides at submit time (see submit-validation.ts), compiled
 * once per version from the model's element tree into plain functions of the answers. Checking
 * a response then builds no survey-core object and assigns no data: a few conditions run by
 * survey-core's expression engine, and the checks of the questions they leave visible.
 *
 * A definition outside the modelled subset is not guessed at: compiling returns the reasons,
 * and the caller keeps survey-core's Model path for it.
 */

export type SubmitRules = { readonly ok: true; readonly validator: SubmitValidator } | { readonly ok: false; readonly reasons: readonly string[] };

/** `model` is read, never changed: it is the one built from `definition`. */
export function compileSubmitRules(definition: SurveyDefinition, model: Model): SubmitRules {
  const unsupported = unsupportedProperties(definition);
  if (unsupported.length > 0) return { ok: false, reasons: unsupported };
  const questions = model.getAllQuestions(false, false, false);
  const context: RuleContext = {
    scope: { answers: readableNames(questions), arrays: countableArrays(questions) },
    label: 'the survey',
    reasons: [],
    conditions: true,
  };
  const pages = model.pages.map((page) => groupRule(page, { ...context, label: `page '${page.name}'` }));
  if (context.reasons.length > 0) return { ok: false, reasons: context.reasons };
  return { ok: true, validator: rulesValidator(pages, listNames(questions)) };
}

function rulesValidator(pages: readonly ElementRule[], lists: readonly string[]): SubmitValidator {
  const visibleAnswers = (data: unknown) => {
    const answers: Values = objectOrEmpty(data);
    const variables = withEmptyLists(answers, lists);
    return { answers, variables, questions: visibleQuestions(pages, variables) };
  };
  return {
    validateForSubmit(data) {
      const { answers, variables, questions } = visibleAnswers(data);
      const problems: Problem[] = [];
      for (const rule of questions) {
        rule.check(ownValue(answers, rule.name), { container: answers, variables }, [], (where, message) => {
          problems.push({ question: rule.name, message: where.length > 0 ? `${where.join(', ')}: ${message}` : message });
        });
      }
      return problems;
    },
    progress(data) {
      const { answers, variables, questions } = visibleAnswers(data);
      // Whether the check reports anything is all the rule needs; its messages are dropped.
      const hasProblem = (rule: QuestionRule) => {
        let found = false;
        rule.check(ownValue(answers, rule.name), { container: answers, variables }, [], () => {
          found = true;
        });
        return found;
      };
      return countProgress(questions, (rule) => rule.isRequired, (rule) => ownValue(answers, rule.name), hasProblem);
    },
  };
}
