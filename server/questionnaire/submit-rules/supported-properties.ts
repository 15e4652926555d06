import { isJsonObject } from '../json.js';
import type { JsonObject, JsonValue } from '../json.js';

/**
 * The subset of SurveyJS the submit rules model, as an allow-list of definition properties per
 * element type. A property not listed may change what survey-core reports at submit time (a
 * trigger, a calculated value, `enableIf`, `minPanelCount`, …), so a definition that uses one
 * keeps survey-core's own Model path instead of being evaluated by a guess. Listed are the
 * properties the rules implement and those that only change how a question looks.
 */

/** Shown text and layout: harmless wherever they appear. */
const PRESENTATION = [
  'title',
  'description',
  'descriptionLocation',
  'titleLocation',
  'startWithNewLine',
  'width',
  'minWidth',
  'maxWidth',
  'colSpan',
  'indent',
  'hideNumber',
  'showNumber',
  'errorLocation',
  'state',
];

/** The platform's own marks (custom-properties.ts): they change analysis, never what a submission must hold. */
const ANALYSIS_MARKS = ['personalData', 'publicationConsent'];

const ELEMENT = ['type', 'name', 'visible', 'visibleIf', ...PRESENTATION, ...ANALYSIS_MARKS];
const QUESTION = [...ELEMENT, 'isRequired', 'requiredErrorText', 'validators'];
const PLACEHOLDER = ['placeholder', 'placeHolder'];
const TEXT_INPUT = ['inputType', 'min', 'max', 'step', 'minErrorText', 'maxErrorText', 'stepErrorText', 'maxLength', 'size', 'inputSize', 'autocomplete', 'dataList', 'textUpdateMode', ...PLACEHOLDER];
const COMMENT_INPUT = ['rows', 'cols', 'maxLength', 'autoGrow', 'allowResize', 'acceptCarriageReturn', 'textUpdateMode', ...PLACEHOLDER];
const SPECIAL_ITEMS = ['showNoneItem', 'hasNone', 'noneText', 'showRefuseItem', 'refuseText', 'showDontKnowItem', 'dontKnowText'];
const OTHER_ITEM = ['showOtherItem', 'hasOther', 'otherText', 'otherPlaceholder', 'otherPlaceHolder', 'otherErrorText'];
const CHOICES = ['choices', 'colCount', 'choicesOrder', 'separateSpecialChoices', ...SPECIAL_ITEMS];
const DROPDOWN = ['allowClear', 'showClearButton', 'searchEnabled', ...PLACEHOLDER];
const MULTIPLE = ['showSelectAllItem', 'hasSelectAll', 'selectAllText', 'minSelectedChoices', 'maxSelectedChoices'];
const BOOLEAN = ['labelTrue', 'labelFalse', 'valueTrue', 'valueFalse', 'swapOrder', 'renderAs'];
const RATING = ['rateMin', 'rateMax', 'rateStep', 'rateValues', 'rateCount', 'rateType', 'minRateDescription', 'maxRateDescription', 'displayMode', 'scaleColorMode', 'rateColorMode', 'displayRateDescriptionsAsExtremeItems', 'rateDescriptionLocation', 'autoGenerate'];
const MATRIX_LAYOUT = ['columnMinWidth', 'rowTitleWidth', 'showHeader', 'alternateRows', 'horizontalScroll', 'columnsLayout', 'columnLayout', 'transposeData', 'verticalAlign'];
const EXPRESSION_DISPLAY = ['displayStyle', 'currency', 'format', 'maximumFractionDigits', 'minimumFractionDigits', 'useGrouping', 'precision'];

const QUESTION_PROPERTIES: Readonly<Record<string, readonly string[]>> = {
  text: [...QUESTION, ...TEXT_INPUT],
  comment: [...QUESTION, ...COMMENT_INPUT],
  radiogroup: [...QUESTION, ...CHOICES, ...OTHER_ITEM, 'showClearButton', 'allowClear'],
  dropdown: [...QUESTION, ...CHOICES, ...OTHER_ITEM, ...DROPDOWN],
  checkbox: [...QUESTION, ...CHOICES, ...OTHER_ITEM, ...MULTIPLE],
  tagbox: [...QUESTION, ...CHOICES, ...OTHER_ITEM, ...MULTIPLE, ...DROPDOWN, 'hideSelectedItems', 'closeOnSelect'],
  boolean: [...QUESTION, ...BOOLEAN],
  rating: [...QUESTION, ...RATING],
  ranking: [...QUESTION, 'choices', 'choicesOrder', 'longTap'],
  matrix: [...QUESTION, 'rows', 'columns', 'cellType', 'cells', 'eachRowRequired', 'isAllRowRequired', ...MATRIX_LAYOUT],
  matrixdropdown: [...QUESTION, 'rows', 'columns', 'choices', 'cellType', ...MATRIX_LAYOUT, ...PLACEHOLDER],
  matrixdynamic: [
    ...QUESTION,
    'columns',
    'choices',
    'cellType',
    'rowCount',
    'maxRowCount',
    'addRowText',
    'removeRowText',
    'confirmDelete',
    'confirmDeleteText',
    'allowAddRows',
    'allowRemoveRows',
    'addRowLocation',
    'addRowButtonLocation',
    'noRowsText',
    'emptyRowsText',
    'hideColumnsIfEmpty',
    'allowRowReorder',
    'allowRowsDragAndDrop',
    ...MATRIX_LAYOUT,
    ...PLACEHOLDER,
  ],
  multipletext: [...QUESTION, 'items', 'colCount', 'itemSize', 'inputSize', 'itemErrorLocation', 'itemTitleWidth'],
  paneldynamic: [
    ...QUESTION,
    'templateElements',
    'templateTitle',
    'templateDescription',
    'templateTabTitle',
    'tabTitlePlaceholder',
    'templateTitleLocation',
    'templateErrorLocation',
    'panelCount',
    'maxPanelCount',
    'addPanelText',
    'panelAddText',
    'removePanelText',
    'panelRemoveText',
    'noEntriesText',
    'renderMode',
    'displayMode',
    'panelsState',
    'confirmDelete',
    'confirmDeleteText',
    'allowAddPanel',
    'allowRemovePanel',
    'showQuestionNumbers',
    'showRangeInProgress',
    'progressBarLocation',
    'panelPrevText',
    'panelNextText',
    'newPanelPosition',
    'removePanelButtonLocation',
    'panelRemoveButtonLocation',
    'tabAlign',
  ],
  // Computed, never validated: survey-core gives them no required error, and takes no answer.
  expression: [...ELEMENT, 'expression', ...EXPRESSION_DISPLAY],
  html: [...ELEMENT, 'html'],
  image: [...ELEMENT, 'imageLink', 'altText', 'text', 'imageHeight', 'imageWidth', 'imageFit', 'contentMode'],
};

const PANEL = [...ELEMENT, 'elements', 'questions', 'showQuestionNumbers', 'questionTitleLocation', 'questionTitleWidth', 'questionErrorLocation', 'innerIndent', 'questionStartIndex'];
const PAGE = ['name', 'title', 'description', 'visible', 'visibleIf', 'elements', 'questions', 'navigationTitle', 'navigationDescription', 'questionTitleLocation', 'questionTitleWidth', 'questionErrorLocation', 'maxWidth'];
const SURVEY = [
  'title',
  'description',
  'pages',
  'logo',
  'logoPosition',
  'logoWidth',
  'logoHeight',
  'logoFit',
  'showTitle',
  'showPageTitles',
  'showQuestionNumbers',
  'questionStartIndex',
  'questionErrorLocation',
  'questionTitleLocation',
  'questionDescriptionLocation',
  'questionTitleWidth',
  'requiredText',
  'requiredMark',
  'showProgressBar',
  'progressBarType',
  'progressBarLocation',
  'showCompletedPage',
  'completedHtml',
  'completedBeforeHtml',
  'loadingHtml',
  'showPrevButton',
  'showNavigationButtons',
  'pageNextText',
  'pagePrevText',
  'completeText',
  'widthMode',
  'width',
  'showTOC',
  'tocLocation',
  'textUpdateMode',
  'maxTextLength',
  'autoFocusFirstQuestion',
  'focusFirstQuestionAutomatic',
  'headerView',
  'showBrandInfo',
];

/** What a matrix column may say, whatever its cell type. */
const COLUMN = [
  'name',
  'title',
  'cellType',
  'isRequired',
  'requiredErrorText',
  'validators',
  'width',
  'minWidth',
  'colCount',
  'choices',
  'choicesOrder',
  ...TEXT_INPUT,
  'rows',
  ...BOOLEAN,
  ...RATING,
  ...SPECIAL_ITEMS,
  ...DROPDOWN,
  'showSelectAllItem',
  'hasSelectAll',
  'selectAllText',
  'minSelectedChoices',
  'maxSelectedChoices',
  ...ANALYSIS_MARKS,
];
const TEXT_ITEM = ['name', 'title', 'isRequired', 'requiredErrorText', 'inputType', 'validators', 'maxLength', 'size', 'inputSize', ...PLACEHOLDER, ...ANALYSIS_MARKS];
/** `isExclusive` makes an item act like "none" (survey-core's isNoneItem), which the rules read from the model. */
const CHOICE_ITEM = ['value', 'text', 'isExclusive'];

const VALIDATOR_PROPERTIES: Readonly<Record<string, readonly string[]>> = {
  numeric: ['minValue', 'maxValue'],
  text: ['minLength', 'maxLength', 'allowDigits'],
  regex: ['regex', 'caseInsensitive', 'insensitive'],
  email: [],
  answercount: ['minCount', 'maxCount'],
  expression: ['expression'],
};

/**
 * survey-core writes a computed value into the entry or row around it, which makes an empty one
 * answered (no required error) and changes what the conditions see; only top-level ones are left
 * alone.
 */
const COMPUTED_INSIDE = 'computed values inside dynamic-panel entries and matrix rows are not modelled';

/** Text inputs the rules check like survey-core; others (time, range, …) have checks of their own. */
const INPUT_TYPES = new Set(['text', 'number', 'email', 'date', 'tel', 'url']);

/** Reasons the definition is outside the modelled subset; none when the rules apply. */
export function unsupportedProperties(definition: JsonObject): string[] {
  const reasons: string[] = [];
  unknownKeys(definition, SURVEY, 'the survey', reasons);
  for (const page of objects(definition.pages)) {
    const label = `page '${String(page.name)}'`;
    unknownKeys(page, PAGE, label, reasons);
    elements(page, label, reasons);
  }
  return reasons;
}

function elements(container: JsonObject, label: string, reasons: string[], inEntry = false): void {
  for (const element of [...objects(container.elements), ...objects(container.questions)]) elementReasons(element, label, reasons, inEntry);
}

/** `inEntry`: inside a dynamic panel's template. */
function elementReasons(element: JsonObject, parent: string, reasons: string[], inEntry = false): void {
  const type = typeof element.type === 'string' ? element.type : '';
  const label = `${parent} → '${String(element.name ?? type)}'`;
  if (type === 'panel') {
    unknownKeys(element, PANEL, label, reasons);
    elements(element, label, reasons, inEntry);
    return;
  }
  if (type === 'expression' && inEntry) reasons.push(`${label}: ${COMPUTED_INSIDE}`);
  const allowed = QUESTION_PROPERTIES[type];
  if (!allowed) {
    reasons.push(`${label}: question type '${type}' is not modelled`);
    return;
  }
  unknownKeys(element, allowed, label, reasons);
  inputType(element, label, reasons);
  validators(element.validators, label, reasons);
  // A dropdown or dynamic matrix's columns are cell definitions, checked below.
  choiceItems(element, type === 'matrix' ? ['rows', 'columns'] : ['choices', 'rows', 'rateValues'], label, reasons);
  if (type === 'matrixdropdown' || type === 'matrixdynamic') {
    if (element.cellType === 'expression') reasons.push(`${label}: ${COMPUTED_INSIDE}`);
    for (const column of objects(element.columns)) {
      const columnLabel = `${label} column '${String(column.name)}'`;
      if (column.cellType === 'expression') reasons.push(`${columnLabel}: ${COMPUTED_INSIDE}`);
      unknownKeys(column, COLUMN, columnLabel, reasons);
      inputType(column, columnLabel, reasons);
      validators(column.validators, columnLabel, reasons);
      choiceItems(column, ['choices', 'rateValues'], columnLabel, reasons);
    }
  }
  if (type === 'multipletext') {
    for (const item of objects(element.items)) {
      const itemLabel = `${label} item '${String(item.name)}'`;
      unknownKeys(item, TEXT_ITEM, itemLabel, reasons);
      inputType(item, itemLabel, reasons);
      validators(item.validators, itemLabel, reasons);
    }
  }
  if (type === 'paneldynamic') {
    for (const inner of objects(element.templateElements)) elementReasons(inner, label, reasons, true);
  }
}

function unknownKeys(json: JsonObject, allowed: readonly string[], label: string, reasons: string[]): void {
  for (const key of Object.keys(json)) {
    if (!allowed.includes(key)) reasons.push(`${label}: '${key}' is not modelled`);
  }
}

/** min, max and step are checked for numbers only; a date's own bounds are not modelled. */
function inputType(json: JsonObject, label: string, reasons: string[]): void {
  const type = json.inputType ?? 'text';
  if (typeof type !== 'string' || !INPUT_TYPES.has(type)) {
    reasons.push(`${label}: inputType '${String(type)}' is not modelled`);
    return;
  }
  for (const bound of ['min', 'max', 'step']) {
    if (json[bound] !== undefined && type !== 'number') reasons.push(`${label}: '${bound}' of an inputType '${type}' is not modelled`);
  }
}

function validators(list: JsonValue | undefined, label: string, reasons: string[]): void {
  if (list === undefined) return;
  if (!Array.isArray(list)) {
    reasons.push(`${label}: validators must be a list`);
    return;
  }
  for (const validator of list) {
    const type = isJsonObject(validator) && typeof validator.type === 'string' ? validator.type : '';
    const allowed = VALIDATOR_PROPERTIES[type];
    if (!isJsonObject(validator) || !allowed) {
      reasons.push(`${label}: validator type '${type}' is not modelled`);
      continue;
    }
    unknownKeys(validator, ['type', 'text', ...allowed], `${label} ${type} validator`, reasons);
  }
}

/** Choice items, rows and columns may carry conditions of their own (visibleIf, enableIf). */
function choiceItems(json: JsonObject, keys: readonly string[], label: string, reasons: string[]): void {
  for (const key of keys) {
    for (const item of objects(json[key])) unknownKeys(item, CHOICE_ITEM, `${label} ${key} item`, reasons);
  }
}

function objects(list: JsonValue | undefined): JsonObject[] {
  return Array.isArray(list) ? list.filter(isJsonObject) : [];
}
