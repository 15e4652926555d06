import {
  QuestionCheckboxModel,
  QuestionMatrixDropdownModelBase,
  QuestionMatrixDynamicModel,
  QuestionMatrixModel,
  QuestionMultipleTextModel,
  QuestionPanelDynamicModel,
  QuestionSelectBase,
  QuestionTextModel,
} from 'survey-core';
import type { ItemValue, MatrixDropdownColumn, Question } from 'survey-core';
import { objectOrEmpty } from '../json.js';
import { entriesCheck } from './entries-check.js';
import { allRowsCheck, isEmptyEntries, isEmptyMatrix, minSelectedCheck, otherTextCheck, ownValue, requiredCheck } from './question-checks.js';
import type { Check, QuestionCheck, QuestionRule, RuleContext } from './rule-types.js';
import { textChecks } from './text-checks.js';
import { validatorChecks } from './validator-checks.js';

/**
 * One question's rule: survey-core's own checks for its type, its validators when those found
 * nothing, then what sits inside it (matrix cells, multiple-text items, dynamic-panel entries),
 * reported with its position the way submit-validation.ts's collectErrors words it.
 */

/** Types that take no answer and that survey-core never reports an error for. */
const UNCHECKED_TYPES = new Set(['expression', 'html', 'image']);

/** undefined for questions that take no answer. */
export function questionRule(question: Question, context: RuleContext): QuestionRule | undefined {
  const type = question.getType();
  if (UNCHECKED_TYPES.has(type)) {
    if (question.validators.length > 0) context.reasons.push(`${context.label}: validators of a computed or display-only question are not modelled`);
    return undefined;
  }
  const ownKeys = ownValueKeys(question);
  const validators = validatorChecks(question, ownKeys, context);
  const checked = (own: Check[], nested?: QuestionCheck): QuestionRule => ({
    name: question.name,
    isRequired: question.isRequired,
    check: questionCheck(own, validators, nested),
  });
  if (question instanceof QuestionTextModel && type === 'text') return checked([...requiredCheck(question), ...textChecks(question)]);
  if (type === 'comment' || type === 'boolean' || type === 'rating' || type === 'ranking') return checked(requiredCheck(question));
  if (question instanceof QuestionCheckboxModel && (type === 'checkbox' || type === 'tagbox')) {
    return checked([...requiredCheck(question), ...otherTextCheck(question), ...minSelectedCheck(question)]);
  }
  if (question instanceof QuestionSelectBase && (type === 'radiogroup' || type === 'dropdown')) {
    return checked([...requiredCheck(question), ...otherTextCheck(question)]);
  }
  if (question instanceof QuestionMatrixModel) return checked([...requiredCheck(question), ...allRowsCheck(question)]);
  if (question instanceof QuestionMatrixDropdownModelBase) {
    const isEmpty = isEmptyMatrix(question instanceof QuestionMatrixDynamicModel);
    return checked(requiredCheck(question, isEmpty), cellsCheck(question, context));
  }
  if (question instanceof QuestionMultipleTextModel) return checked(requiredCheck(question), itemsCheck(question, context));
  if (question instanceof QuestionPanelDynamicModel) {
    return checked(requiredCheck(question, isEmptyEntries), entriesCheck(question, context));
  }
  context.reasons.push(`${context.label}: question type '${type}' is not modelled`);
  return undefined;
}

/**
 * survey-core's collectErrors: the question's own errors; only when there are none, its
 * validators' (all of them).
 */
function questionCheck(own: readonly Check[], validators: readonly Check[], nested?: QuestionCheck): QuestionCheck {
  return (value, answers, where, report) => {
    let failed = false;
    for (const check of own) {
      const message = check(value, answers);
      if (message !== undefined) {
        report(where, message);
        failed = true;
      }
    }
    if (!failed) {
      for (const check of validators) {
        const message = check(value, answers);
        if (message !== undefined) report(where, message);
      }
    }
    nested?.(value, answers, where, report);
  };
}

/**
 * Names survey-core would first look up in the question's own value when it runs the
 * question's conditions: its rows or items.
 */
export function ownValueKeys(question: Question): ReadonlySet<string> {
  const keys: unknown[] = [];
  if (question instanceof QuestionMatrixModel || question instanceof QuestionMatrixDropdownModelBase) {
    if (!(question instanceof QuestionMatrixDynamicModel)) keys.push(...question.rows.map((row: ItemValue) => row.value as unknown));
  }
  if (question instanceof QuestionMultipleTextModel) keys.push(...question.items.map((item) => item.name));
  return new Set(keys.map((key) => String(key).toLowerCase()));
}

/** A matrix cell is checked as a question of its column's cell type, with the column's settings. */
function cellRules(matrix: QuestionMatrixDropdownModelBase, context: RuleContext): { column: string; rule: QuestionRule }[] {
  return matrix.columns.flatMap((column: MatrixDropdownColumn) => {
    const cell = questionRule(column.templateQuestion, { ...context, label: `${context.label} column '${column.name}'`, conditions: false });
    return cell ? [{ column: column.name, rule: cell }] : [];
  });
}

/**
 * Rows of a dropdown matrix are the defined ones; a dynamic matrix has the data's rows, or
 * rowCount empty ones when the data has none (none for an empty list), as a fresh survey shows.
 */
function cellsCheck(matrix: QuestionMatrixDropdownModelBase, context: RuleContext): QuestionCheck {
  const cells = cellRules(matrix, context);
  const rowsOf = matrixRows(matrix);
  return (value, answers, where, report) => {
    for (const { label, row } of rowsOf(value)) {
      const rowAnswers = { container: row, variables: answers.variables };
      for (const { column, rule } of cells) {
        rule.check(ownValue(row, column), rowAnswers, [...where, label, `column '${column}'`], report);
      }
    }
  };
}

type MatrixRow = { readonly label: string; readonly row: Readonly<Record<string, unknown>> };

function matrixRows(matrix: QuestionMatrixDropdownModelBase): (value: unknown) => MatrixRow[] {
  if (matrix instanceof QuestionMatrixDynamicModel) {
    const initial = matrix.rowCount;
    return (value) => {
      const rows: unknown[] = Array.isArray(value) ? value : Array.from({ length: initial }, () => ({}));
      return rows.map((row, index) => ({ label: `row ${index + 1}`, row: objectOrEmpty(row) }));
    };
  }
  const names = matrix.rows.map((row: ItemValue) => String(row.value));
  return (value) => names.map((name) => ({ label: `row '${name}'`, row: objectOrEmpty(ownValue(value, name)) }));
}

/** Every item is a text input with its own settings; survey-core checks them all. */
function itemsCheck(question: QuestionMultipleTextModel, context: RuleContext): QuestionCheck {
  const items = question.items.flatMap((item) => {
    const rule = questionRule(item.editor, { ...context, label: `${context.label} item '${item.name}'`, conditions: false });
    return rule ? [{ name: item.name, rule }] : [];
  });
  return (value, answers, where, report) => {
    const container = objectOrEmpty(value);
    for (const { name, rule } of items) rule.check(ownValue(value, name), { container, variables: answers.variables }, [...where, `item '${name}'`], report);
  };
}
