import {
  ItemValue,
  MatrixDropdownColumn,
  MultipleTextItemModel,
  Question,
  QuestionBooleanModel,
  QuestionImagePickerModel,
  QuestionMatrixDropdownModelBase,
  QuestionMatrixDynamicModel,
  QuestionMatrixModel,
  QuestionMultipleTextModel,
  QuestionPanelDynamicModel,
  QuestionRatingModel,
  QuestionSelectBase,
  QuestionTextModel,
} from 'survey-core';
import type { LocalizableString, Model } from 'survey-core';
import { hasFlag, PERSONAL_DATA, PUBLICATION_CONSENT } from './custom-properties.js';
import { readLocalText } from './localized-text.js';
import { DISPLAY_ONLY_TYPES } from './progress-count.js';
import { checkedChoices, isChoiceValue, readChoice, readChoices, readItems, reportDuplicates } from './read-choices.js';
import type { CellNode, FieldNode, PageQuestion, QuestionNode, SectionNode, TextNode, TextValue } from './question-tree.js';

/**
 * Reads survey-core's object model into the question tree. Reading the model rather than the
 * raw JSON gets survey-core's defaults right (a 1–5 rating, "Yes"/"No", the "Other (describe)"
 * item) without re-implementing them.
 *
 * What the platform cannot store, check or lay out as CSV columns is refused here with a reason,
 * so that a definition using it is never published:
 * - question types with no place in the data model (file uploads, signatures, sliders, custom
 *   components);
 * - `valueName` (two questions sharing one data key) and choice lists that come from a URL or
 *   another question (the allowed values would not be known when a draft is checked);
 * - the "other" text stored in place of the choice code (`storeOthersAsComment: false`, or a
 *   comment area beside the other item, which makes survey-core do the same): codes must stay
 *   codes for the analysis;
 * - "other" items, totals and detail panels in matrix cells, and repeats inside repeats: the
 *   CSV layout of API.md has no columns for them.
 */

export type QuestionTree = {
  readonly questions: readonly PageQuestion[];
  readonly sections: readonly SectionNode[];
  readonly reasons: readonly string[];
};

const SINGLE_CHOICE_TYPES = new Set(['radiogroup', 'dropdown', 'buttongroup']);
const MULTIPLE_CHOICE_TYPES = new Set(['checkbox', 'tagbox']);

export type Where = 'page' | 'repeat' | 'cell';

export type Context = {
  readonly where: Where;
  /** Names the element in reasons: "question 'pd' → 'roles'". */
  readonly label: string;
  readonly reasons: string[];
  /** A matrix column without its own choices uses the matrix's; survey-core resolves that per cell only. */
  readonly inheritedChoices?: readonly ItemValue[];
};

export function readQuestionTree(model: Model): QuestionTree {
  const reasons: string[] = [];
  const questions: PageQuestion[] = [];
  if (model.storeOthersAsComment === false) {
    reasons.push('storeOthersAsComment: false stores "other" texts in place of choice codes; remove it');
  }
  for (const question of model.getAllQuestions(false, false, false)) {
    if (DISPLAY_ONLY_TYPES.has(question.getType())) continue;
    const node = readQuestion(question, { where: 'page', label: `question '${question.name}'`, reasons });
    if (node) questions.push({ section: question.page?.name ?? '', node });
  }
  // A page without a title reads as its name, as survey-core's navigation shows it.
  const sections = model.pages.map((page) => ({ name: page.name, title: readLocalText(page.locTitle, page.title || page.name) }));
  return { questions, sections, reasons };
}

function readQuestion(question: Question, context: Context): QuestionNode | undefined {
  const { where, label, reasons } = context;
  const base = {
    name: question.name,
    type: question.getType(),
    title: readLocalText(question.locTitle, question.title),
    commentArea: question.showCommentArea,
    personalData: hasFlag(question, PERSONAL_DATA),
    publicationConsent: hasFlag(question, PUBLICATION_CONSENT),
  };
  if (question.valueName) reasons.push(`${label}: valueName is not supported; every question keeps its own answer`);
  if (base.commentArea && where === 'cell') reasons.push(`${label}: comment areas in matrix cells are not supported`);
  const type = base.type;

  if (type === 'text' && question instanceof QuestionTextModel) {
    return { ...base, kind: 'text', value: textValue(question) };
  }
  if (type === 'comment') return { ...base, kind: 'text', value: 'string' };
  if (type === 'expression') return { ...base, kind: 'expression' };
  if (question instanceof QuestionSelectBase && isSingleChoice(question)) {
    return { ...base, kind: 'single-choice', choices: readChoices(question, context) };
  }
  if (question instanceof QuestionSelectBase && isMultipleChoice(question)) {
    return { ...base, kind: 'multiple-choice', choices: readChoices(question, context) };
  }
  if (type === 'ranking' && question instanceof QuestionSelectBase) {
    return { ...base, kind: 'ranking', choices: readChoices(question, context) };
  }
  if (question instanceof QuestionBooleanModel) {
    const valueTrue: unknown = question.valueTrue;
    const valueFalse: unknown = question.valueFalse;
    return {
      ...base,
      kind: 'boolean',
      stored: {
        yes: isChoiceValue(valueTrue) ? valueTrue : true,
        no: isChoiceValue(valueFalse) ? valueFalse : false,
      },
      labels: {
        yes: readLocalText(booleanLabels(question).locLabelTrue, question.labelTrue),
        no: readLocalText(booleanLabels(question).locLabelFalse, question.labelFalse),
      },
    };
  }
  if (question instanceof QuestionRatingModel) {
    const choices = question.visibleRateValues.map((item) => readChoice(item, label, reasons));
    return { ...base, kind: 'rating', choices: checkedChoices(choices, label, reasons) };
  }
  if (question instanceof QuestionMatrixModel) {
    const rows = readItems(question.rows, `${label} rows`, reasons);
    const columns = readItems(question.columns, `${label} columns`, reasons);
    if (rows.length === 0) reasons.push(`${label}: a matrix needs at least one row`);
    if (columns.length === 0) reasons.push(`${label}: a matrix needs at least one column`);
    return { ...base, kind: 'matrix', rows, columns, cells: question.cellType === 'checkbox' ? 'multiple' : 'single' };
  }
  if (question instanceof QuestionMatrixDropdownModelBase) {
    if (question.detailPanelMode !== 'none' && question.detailElements.length > 0) {
      reasons.push(`${label}: detail panels in matrix rows are not supported`);
    }
    const columns = readColumns(question, label, reasons);
    if (question instanceof QuestionMatrixDynamicModel) {
      if (where !== 'page') reasons.push(`${label}: a dynamic matrix cannot sit inside another repeat`);
      return { ...base, kind: 'matrix-dynamic', columns, maxCount: question.maxRowCount };
    }
    const rows = readItems(question.rows, `${label} rows`, reasons);
    if (rows.length === 0) reasons.push(`${label}: a matrix needs at least one row`);
    return { ...base, kind: 'matrix-dropdown', rows, columns };
  }
  if (question instanceof QuestionMultipleTextModel) {
    const items = question.items.map((item) => readTextItem(item));
    reportDuplicates(items.map((item) => item.name), `${label} items`, reasons);
    return { ...base, kind: 'multiple-text', items };
  }
  if (question instanceof QuestionPanelDynamicModel) {
    if (where !== 'page') reasons.push(`${label}: a dynamic panel cannot sit inside another repeat`);
    const answerable = question.template.questions.filter((field) => !DISPLAY_ONLY_TYPES.has(field.getType()));
    if (answerable.length === 0) reasons.push(`${label}: a dynamic panel needs at least one question in its template`);
    const fields: FieldNode[] = [];
    for (const field of answerable) {
      const node = readQuestion(field, { where: 'repeat', label: `${label} → '${field.name}'`, reasons });
      if (node && node.kind !== 'dynamic-panel' && node.kind !== 'matrix-dynamic') fields.push(node);
    }
    return { ...base, kind: 'dynamic-panel', fields, maxCount: question.maxPanelCount };
  }
  reasons.push(`${label}: question type '${type}' is not supported`);
  return undefined;
}

/** survey-core has these accessors at run time; its typings omit them. */
function booleanLabels(question: QuestionBooleanModel): { locLabelTrue: LocalizableString; locLabelFalse: LocalizableString } {
  return question as unknown as { locLabelTrue: LocalizableString; locLabelFalse: LocalizableString };
}

function isSingleChoice(question: QuestionSelectBase): boolean {
  const type = question.getType();
  if (type === 'imagepicker') return !(question instanceof QuestionImagePickerModel && question.multiSelect);
  return SINGLE_CHOICE_TYPES.has(type);
}

function isMultipleChoice(question: QuestionSelectBase): boolean {
  const type = question.getType();
  if (type === 'imagepicker') return question instanceof QuestionImagePickerModel && question.multiSelect;
  return MULTIPLE_CHOICE_TYPES.has(type);
}

/** HTML number and range inputs and numeric input masks make survey-core store numbers. */
function textValue(question: { inputType: string; maskType?: string; maskSettings?: unknown }): TextValue {
  if (question.inputType === 'number' || question.inputType === 'range') return 'number';
  if (question.inputType === 'date') return 'date';
  if (question.maskType === 'numeric' || question.maskType === 'currency') {
    const saveMasked = (question.maskSettings as { saveMaskedValue?: boolean } | undefined)?.saveMaskedValue;
    return saveMasked ? 'string' : 'number';
  }
  return 'string';
}

function readTextItem(item: MultipleTextItemModel): TextNode {
  return {
    name: item.name,
    type: 'text',
    title: readLocalText(item.locTitle, item.title),
    commentArea: false,
    personalData: hasFlag(item, PERSONAL_DATA),
    publicationConsent: false,
    kind: 'text',
    value: textValue(item.editor),
  };
}

function readColumns(matrix: QuestionMatrixDropdownModelBase, label: string, reasons: string[]): CellNode[] {
  const columns: CellNode[] = [];
  reportDuplicates(matrix.columns.map((column) => column.name), `${label} columns`, reasons);
  if (matrix.columns.length === 0) reasons.push(`${label}: a matrix needs at least one column`);
  for (const column of matrix.columns) {
    const node = readColumn(matrix, column, `${label} column '${column.name}'`, reasons);
    if (node) columns.push(node);
  }
  return columns;
}

function readColumn(
  matrix: QuestionMatrixDropdownModelBase,
  column: MatrixDropdownColumn,
  label: string,
  reasons: string[],
): CellNode | undefined {
  if (column.totalType && column.totalType !== 'none') reasons.push(`${label}: column totals are not supported`);
  const inheritedChoices = matrix.choices.filter((item): item is ItemValue => item instanceof ItemValue);
  const node = readQuestion(column.templateQuestion, { where: 'cell', label, reasons, inheritedChoices });
  if (node === undefined) return undefined;
  const title = readLocalText(column.locTitle, column.title);
  // The flag sits on the column, not on the template question survey-core makes of it.
  const named = { ...node, name: column.name, title, personalData: node.personalData || hasFlag(column, PERSONAL_DATA) };
  if (isCellNode(named)) return named;
  reasons.push(`${label}: cell type '${node.type}' is not supported in a matrix`);
  return undefined;
}

function isCellNode(node: QuestionNode): node is CellNode {
  return ['text', 'single-choice', 'multiple-choice', 'boolean', 'rating', 'expression'].includes(node.kind);
}

export { commentKey } from './data-keys.js';
