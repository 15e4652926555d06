import type { Catalogue, Variable } from './catalogue.js';

/**
 * Which of a catalogue's variables an analysis shows: those of the chosen questions, without
 * personal data unless it is asked for. The comparison, the codebook and every export select
 * through here, so "personal data stays out" has one home.
 */

export type VariableSelection = {
  /** Top-level question names; null for every question. */
  readonly questions: ReadonlySet<string> | null;
  /** Whether variables marked personalData are kept. */
  readonly personalData: 'exclude' | 'include';
};

/** The catalogue cut down to the selection, in catalogue order; sections are kept whole. */
export function selectVariables(catalogue: Catalogue, selection: VariableSelection): Catalogue {
  return { variables: catalogue.variables.filter((variable) => isSelected(variable, selection)), sections: catalogue.sections };
}

export function isSelected(variable: Variable, { questions, personalData }: VariableSelection): boolean {
  if (personalData === 'exclude' && variable.personalData) return false;
  return questions === null || questions.has(variable.question);
}

/** The top-level question names of a catalogue, in order. */
export function catalogueQuestions(catalogue: Catalogue): string[] {
  return [...new Set(catalogue.variables.map((variable) => variable.question))];
}
