import type { LocalText } from './localized-text.js';

/**
 * The questions of a definition as plain data: what each question stores in a response's
 * `data` and how it is labelled. survey-core's object model is read once into this tree (see
 * read-questions.ts); the catalogue, the answer schema and the CSV layout are all derived from
 * it, so they agree with each other by construction.
 */

/** SurveyJS allows any JSON as a choice value; we accept the two that survive a CSV round trip. */
export type ChoiceValue = string | number;

/** The built-in items survey-core adds to a choice list when the definition asks for them. */
export type SpecialChoice = 'other' | 'none' | 'refused' | 'dontknow';

export type Choice = {
  readonly value: ChoiceValue;
  readonly text: LocalText;
  readonly special?: SpecialChoice;
};

/** How a free-text input stores its value: HTML number inputs and numeric masks store numbers. */
export type TextValue = 'string' | 'number' | 'date';

type NodeBase = {
  readonly name: string;
  /** The SurveyJS type (`radiogroup`, `tagbox`, …), kept for display and the codebook. */
  readonly type: string;
  readonly title: LocalText;
  /** `showCommentArea`: a free comment stored under `<name>-Comment`. */
  readonly commentArea: boolean;
  /** `"personalData": true` (see custom-properties.ts): analysis leaves it out by default. */
  readonly personalData: boolean;
  /** `"publicationConsent": true`: the answer says whether the reply may be published. */
  readonly publicationConsent: boolean;
};

export type TextNode = NodeBase & { readonly kind: 'text'; readonly value: TextValue };

/** radiogroup, dropdown, buttongroup, single-select imagepicker: one choice value. */
export type SingleChoiceNode = NodeBase & {
  readonly kind: 'single-choice';
  readonly choices: readonly Choice[];
};

/** checkbox, tagbox, multi-select imagepicker: an array of distinct choice values. */
export type MultipleChoiceNode = NodeBase & {
  readonly kind: 'multiple-choice';
  readonly choices: readonly Choice[];
};

export type BooleanNode = NodeBase & {
  readonly kind: 'boolean';
  /** What survey-core stores for yes and no: `true`/`false` unless valueTrue/valueFalse say otherwise. */
  readonly stored: { readonly yes: ChoiceValue | boolean; readonly no: ChoiceValue | boolean };
  readonly labels: { readonly yes: LocalText; readonly no: LocalText };
};

/** The rating scale's values exactly as survey-core offers them (rateValues or min…max by step). */
export type RatingNode = NodeBase & { readonly kind: 'rating'; readonly choices: readonly Choice[] };

/** The ranked choice values in rank order (a subset when select-to-rank is on). */
export type RankingNode = NodeBase & { readonly kind: 'ranking'; readonly choices: readonly Choice[] };

/** Single matrix: row → one column value (`cells: 'multiple'` stores an array per row). */
export type MatrixNode = NodeBase & {
  readonly kind: 'matrix';
  readonly rows: readonly Choice[];
  readonly columns: readonly Choice[];
  readonly cells: 'single' | 'multiple';
};

/** What a matrix column holds in each cell; the column name is the cell node's name. */
export type CellNode =
  | TextNode
  | SingleChoiceNode
  | MultipleChoiceNode
  | BooleanNode
  | RatingNode
  | ExpressionNode;

/** matrixdropdown: row → column → cell value. */
export type MatrixDropdownNode = NodeBase & {
  readonly kind: 'matrix-dropdown';
  readonly rows: readonly Choice[];
  readonly columns: readonly CellNode[];
};

/** multipletext: item name → text (or number). */
export type MultipleTextNode = NodeBase & {
  readonly kind: 'multiple-text';
  readonly items: readonly TextNode[];
};

/** A computed value survey-core writes into the data; not something a person answers. */
export type ExpressionNode = NodeBase & { readonly kind: 'expression' };

/** Anything that may sit inside one entry of a repeat. Repeats do not nest (see read-questions.ts). */
export type FieldNode =
  | TextNode
  | SingleChoiceNode
  | MultipleChoiceNode
  | BooleanNode
  | RatingNode
  | RankingNode
  | MatrixNode
  | MatrixDropdownNode
  | MultipleTextNode
  | ExpressionNode;

/** paneldynamic: an array of entries, each an object of template question → value. */
export type DynamicPanelNode = NodeBase & {
  readonly kind: 'dynamic-panel';
  readonly fields: readonly FieldNode[];
  readonly maxCount: number;
};

/** matrixdynamic: an array of rows, each an object of column → cell value. */
export type MatrixDynamicNode = NodeBase & {
  readonly kind: 'matrix-dynamic';
  readonly columns: readonly CellNode[];
  readonly maxCount: number;
};

export type RepeatNode = DynamicPanelNode | MatrixDynamicNode;
export type QuestionNode = FieldNode | RepeatNode;

/** A page: its name is the catalogue's `section`. */
export type SectionNode = { readonly name: string; readonly title: LocalText };

/** A top-level question with the page it sits on. */
export type PageQuestion = { readonly section: string; readonly node: QuestionNode };

/** The fields of one entry of a repeat: template questions or matrix columns. */
export function repeatFields(node: RepeatNode): readonly FieldNode[] {
  return node.kind === 'dynamic-panel' ? node.fields : node.columns;
}

export function hasOther(node: QuestionNode): boolean {
  return (
    (node.kind === 'single-choice' || node.kind === 'multiple-choice') &&
    node.choices.some((choice) => choice.special === 'other')
  );
}

/**
 * Whether the question keeps text under `<name>-Comment`: the "other" text (survey-core's
 * default storeOthersAsComment) or the comment area. read-questions.ts refuses definitions where
 * both would compete for the one key.
 */
export function storesComment(node: QuestionNode): boolean {
  return node.commentArea || hasOther(node);
}
