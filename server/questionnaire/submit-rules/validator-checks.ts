import type { ExpressionValidator, Question, SurveyValidator } from 'survey-core';
import { compileCondition } from './conditions.js';
import { customText } from './question-checks.js';
import type { Check, RuleContext } from './rule-types.js';

/**
 * A question's validators, run by survey-core only when its own checks found nothing. The
 * instances survey-core built for the model do the work — their `validate` reads nothing but the
 * value — except expression validators, which read the model's data: their expression is run
 * here on the answers instead.
 */
export function validatorChecks(question: Question, ownKeys: ReadonlySet<string>, context: RuleContext): Check[] {
  const title = question.getValidatorTitle();
  return question.validators.map((validator): Check => {
    if (isExpressionValidator(validator)) return expressionCheck(validator, question, ownKeys, context);
    return (value) => validator.validate(value, title)?.error?.getText();
  });
}

function isExpressionValidator(validator: SurveyValidator): validator is ExpressionValidator {
  return validator.getType() === 'expressionvalidator';
}

function expressionCheck(validator: ExpressionValidator, question: Question, ownKeys: ReadonlySet<string>, context: RuleContext): Check {
  // An empty expression never fails in survey-core.
  if (!validator.expression) return () => undefined;
  if (!context.conditions) {
    context.reasons.push(`${context.label}: expression validators in matrix cells and multiple-text items are not modelled`);
    return () => undefined;
  }
  const condition = compileCondition(validator.expression, context.scope, ownKeys);
  if (Array.isArray(condition)) {
    context.reasons.push(...condition.map((reason) => `${context.label}: expression validator ${reason}`));
    return () => undefined;
  }
  // ExpressionValidator.getDefaultErrorText, which survey-core keeps protected.
  const message = customText(validator.text || validator.getLocalizationFormatString('invalidExpression', validator.expression), question);
  return (_value, { variables }) => (condition(variables) ? undefined : message);
}
