import type { QuestionPanelDynamicModel } from 'survey-core';
import { objectOrEmpty } from '../json.js';
import { entryVariables, listNames, readableNames, withEmptyLists } from './condition-values.js';
import { elementRules, visibleQuestions } from './element-rules.js';
import { ownValue } from './question-checks.js';
import type { QuestionCheck, RuleContext } from './rule-types.js';

/**
 * The entries of a dynamic panel: the data's, or panelCount empty ones when the data has none
 * (also for an empty list), as a fresh survey shows them. Each visible template question is
 * checked in each entry, its conditions run with the entry's variables.
 */
export function entriesCheck(question: QuestionPanelDynamicModel, context: RuleContext): QuestionCheck {
  const fields = question.template.questions;
  const scope = { answers: context.scope.answers, entry: readableNames(fields) };
  const elements = elementRules(question.template.elements, { ...context, scope });
  const lists = listNames(fields);
  const initial = question.panelCount;
  return (value, answers, where, report) => {
    const entries = (Array.isArray(value) && value.length > 0 ? value : Array.from({ length: initial }, () => ({}))).map(objectOrEmpty);
    const seen = entries.map((entry) => withEmptyLists(entry, lists));
    entries.forEach((entry, index) => {
      const variables = entryVariables(answers.variables, seen, index);
      const at = [...where, `entry ${index + 1}`];
      for (const rule of visibleQuestions(elements, variables)) {
        rule.check(ownValue(entry, rule.name), { container: entry, variables }, [...at, `'${rule.name}'`], report);
      }
    });
  };
}
