import type { Catalogue, Variable } from './catalogue.js';
import type { ChoiceValue } from './question-tree.js';

/**
 * The codebook: every catalogue variable with its question text, section, type, codes and
 * labels, and whether it is personal data — on screen (one entry per variable) and as CSV (one
 * row per code, a variable without codes on one row). Personal data is listed, marked: the
 * codebook describes the questionnaire, not anyone's answers. Pass a localized catalogue for
 * another language.
 */

export type CodebookChoice = { readonly value: ChoiceValue; readonly label: string };

export type CodebookVariable = {
  readonly key: string;
  readonly question: string;
  readonly section: string;
  readonly sectionTitle: string;
  readonly type: Variable['type'];
  readonly questionType: string;
  readonly title: string;
  readonly personalData: boolean;
  /** The codes the variable's cells hold and what they mean, as the wide CSV writes them. */
  readonly choices: readonly CodebookChoice[];
};

/** codebook.csv's columns: API.md's, then ours (`personal_data`: 1 for personal data; the page's title). */
export const CODEBOOK_COLUMNS = ['variable', 'question', 'section', 'type', 'title', 'value', 'label', 'personal_data', 'section_title'] as const;

export type CodebookRow = Readonly<Record<(typeof CODEBOOK_COLUMNS)[number], string>>;

export function codebookVariables(catalogue: Catalogue): CodebookVariable[] {
  const sectionTitles = new Map(catalogue.sections.map((section) => [section.name, section.title]));
  return catalogue.variables.map((variable) => ({
    key: variable.key,
    question: variable.question,
    section: variable.section,
    sectionTitle: sectionTitles.get(variable.section) ?? variable.section,
    type: variable.type,
    questionType: variable.questionType,
    title: variable.title,
    personalData: variable.personalData === true,
    choices: codes(variable),
  }));
}

/**
 * The codes a variable's cells hold: its choices; 1 for a ticked checkbox choice (with the
 * choice's label, as the labels CSV shows it) and 0 for one left unticked (an empty label).
 */
function codes(variable: Variable): CodebookChoice[] {
  switch (variable.type) {
    case 'choice':
    case 'choices':
    case 'boolean':
      return variable.choices.map((choice) => ({ value: choice.value, label: choice.label }));
    case 'checkbox-choice':
      return [
        { value: 1, label: variable.choice.label },
        { value: 0, label: '' },
      ];
    default:
      return [];
  }
}

/** The CSV rows: one per code, in choice order; a variable without codes has one with value and label empty. */
export function codebookRows(catalogue: Catalogue): CodebookRow[] {
  return codebookVariables(catalogue).flatMap((variable) => {
    const common = {
      variable: variable.key,
      question: variable.question,
      section: variable.section,
      type: variable.type,
      title: variable.title,
      personal_data: variable.personalData ? '1' : '0',
      section_title: variable.sectionTitle,
    };
    if (variable.choices.length === 0) return [{ ...common, value: '', label: '' }];
    return variable.choices.map((choice) => ({ ...common, value: String(choice.value), label: choice.label }));
  });
}
