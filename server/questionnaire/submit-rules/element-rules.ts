import { PanelModelBase, Question } from 'survey-core';
import type { IElement } from 'survey-core';
import { always, compileCondition, never } from './conditions.js';
import type { Condition, Values } from './conditions.js';
import { ownValueKeys, questionRule } from './question-rules.js';
import type { QuestionRule, RuleContext } from './rule-types.js';

/**
 * Pages, panels and questions with their visibility. survey-core validates a question only
 * when it and every page or panel around it is visible; `visibleIf` decides where it is set,
 * the static `visible` elsewhere.
 */
export type ElementRule =
  | { readonly kind: 'group'; readonly visible: Condition; readonly elements: readonly ElementRule[] }
  | { readonly kind: 'question'; readonly visible: Condition; readonly rule: QuestionRule };

/** A page or panel; its elements in order. */
export function groupRule(group: PanelModelBase, context: RuleContext): ElementRule {
  return { kind: 'group', visible: visibility(group, new Set(), context), elements: elementRules(group.elements, context) };
}

export function elementRules(elements: readonly IElement[], context: RuleContext): ElementRule[] {
  return elements.flatMap((element): ElementRule[] => {
    const label = `${context.label} → '${element.name}'`;
    if (element instanceof PanelModelBase) return [groupRule(element, { ...context, label })];
    if (!(element instanceof Question)) {
      context.reasons.push(`${label}: an element that is neither a panel nor a question is not modelled`);
      return [];
    }
    const inner = { ...context, label };
    const rule = questionRule(element, inner);
    return rule ? [{ kind: 'question', visible: visibility(element, ownValueKeys(element), inner), rule }] : [];
  });
}

function visibility(element: PanelModelBase | Question, ownKeys: ReadonlySet<string>, context: RuleContext): Condition {
  if (!element.visibleIf) return element.visible ? always : never;
  const condition = compileCondition(element.visibleIf, context.scope, ownKeys);
  if (!Array.isArray(condition)) return condition;
  context.reasons.push(...condition.map((reason) => `${context.label}: visibleIf ${reason}`));
  return never;
}

/** The questions survey-core validates under these values, in its order (depth first). */
export function visibleQuestions(elements: readonly ElementRule[], variables: Values, found: QuestionRule[] = []): QuestionRule[] {
  for (const element of elements) {
    if (!element.visible(variables)) continue;
    if (element.kind === 'group') visibleQuestions(element.elements, variables, found);
    else found.push(element.rule);
  }
  return found;
}
