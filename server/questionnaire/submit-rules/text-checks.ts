import { EmailValidator, Helpers, settings } from 'survey-core';
import type { QuestionTextModel } from 'survey-core';
import { customText, isEmptyAnswer } from './question-checks.js';
import type { Check } from './rule-types.js';

/**
 * survey-core's own checks of a text input, in its order: below the minimum, above the maximum,
 * off the step (numbers), and the e-mail check an `inputType: email` adds when no e-mail
 * validator is listed. Bounds come from the model (`renderedMin`, …): without expressions they
 * are constants, and a date input always has one, settings.maxDate.
 */
export function textChecks(question: QuestionTextModel): Check[] {
  const inputType = question.inputType;
  const isDate = inputType === 'date';
  const bound = (limit: unknown) => (isDate ? surveyDate(limit) : limit);
  const checks: Check[] = [];
  const min: unknown = question.renderedMin;
  if (!isEmptyAnswer(min)) {
    const message = customText(minMaxText(question.minErrorText, bound(min), isDate), question);
    const limit = bound(min);
    checks.push((value) => (!isEmptyAnswer(value) && lessThan(bound(value), limit) ? message : undefined));
  }
  const max: unknown = question.renderedMax;
  if (!isEmptyAnswer(max)) {
    const message = customText(minMaxText(question.maxErrorText, bound(max), isDate), question);
    const limit = bound(max);
    checks.push((value) => (!isEmptyAnswer(value) && lessThan(limit, bound(value)) ? message : undefined));
  }
  const step: unknown = question.renderedStep;
  if (inputType === 'number' && Helpers.isNumber(step)) {
    const message = customText(question.stepErrorText.replace('{0}', String(step)), question);
    checks.push((value) => (!isEmptyAnswer(value) && Helpers.isNumber(value) && offStep(value, step) ? message : undefined));
  }
  if (inputType === 'email' && !question.validators.some((validator) => validator.getType() === 'emailvalidator')) {
    const email = new EmailValidator();
    email.owner = question;
    const title = question.getValidatorTitle();
    checks.push((value) => email.validate(value, title)?.error?.getText());
  }
  return checks;
}

/** survey-core compares whatever is stored with JavaScript's `<` (dates as Date objects). */
function lessThan(left: unknown, right: unknown): boolean {
  return (left as number) < (right as number);
}

function minMaxText(text: string, limit: unknown, isDate: boolean): string {
  if (Helpers.isValueEmpty(limit)) return text;
  return text.replace('{0}', isDate && limit instanceof Date ? limit.toDateString() : String(limit));
}

/** survey-core's step check: scaled to integers by powers of ten, then a remainder. */
function offStep(value: unknown, stepSize: unknown): boolean {
  let number = Helpers.getNumber(value);
  let step = Helpers.getNumber(stepSize);
  let scale = 1;
  while ((Math.round(step * scale) / scale !== step || Math.round(number * scale) / scale !== number) && scale < 1_000_000) {
    scale *= 10;
  }
  number = Math.round(number * scale);
  step = Math.round(step * scale);
  return step > 0 && number % step !== 0;
}

/** survey-core's createDate: an ISO date without a time means local midnight. */
function surveyDate(value: unknown): Date {
  const text = typeof value === 'string' && isIsoDateOnly(value) ? `${value}T00:00:00` : value;
  return settings.onDateCreated(new Date(text as string), 'question-text', value as string);
}

function isIsoDateOnly(text: string): boolean {
  return text.indexOf('T') <= 0 && /\d{4}-\d{2}-\d{2}/.test(text) && !Number.isNaN(new Date(text).getTime());
}
