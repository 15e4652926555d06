import type { ReferenceScope, Values } from './conditions.js';

/** The answers a check reads, besides the value of the question it checks. */
export type Answers = {
  /** The object the question's own keys sit in (its `-Comment` text): the data, or an entry. */
  readonly container: Values;
  /** What conditions and expression validators see (see condition-values.ts). */
  readonly variables: Values;
};

/** One failed check of survey-core's `onCheckForErrors` or a validator: its message, or nothing. */
export type Check = (value: unknown, answers: Answers) => string | undefined;

/** Receives a problem with its position inside the top-level question ("entry 2", "'name'"). */
export type Report = (where: readonly string[], message: string) => void;

/** Everything survey-core checks of one question, then of what is inside it. */
export type QuestionCheck = (value: unknown, answers: Answers, where: readonly string[], report: Report) => void;

export type QuestionRule = {
  readonly name: string;
  readonly isRequired: boolean;
  readonly check: QuestionCheck;
};

/** What compiling a part of the definition needs; reasons collect what the rules cannot model. */
export type RuleContext = {
  readonly scope: ReferenceScope;
  /** Names the element in reasons: "page 'entries' → 'orgs' → 'name'". */
  readonly label: string;
  readonly reasons: string[];
  /**
   * False in matrix cells and multiple-text items: survey-core resolves their expressions through
   * the row or the item first, which the rules do not model.
   */
  readonly conditions: boolean;
};
