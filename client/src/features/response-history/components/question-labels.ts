import type { CatalogueVariable } from '../../../api/get-catalogue';

/**
 * What it takes to show one question's answers in words, read from the catalogue. Parts are
 * addressed by their path of data keys below the question, entries of a repeated question
 * (dynamic panel, dynamic matrix) written `{n}`: `''` is the question itself, `row`,
 * `row.column`, `{n}.field`.
 */
export interface QuestionLabels {
  title: string;
  /** Part path → the part's title: matrix rows and columns, text items, panel fields. */
  parts: Map<string, string>;
  /** Part path → choice value → its label. */
  choices: Map<string, Map<string, string>>;
  /** What the text under `<question>-Comment` is: the "other" answer or a comment. */
  commentTitle: string;
}

export const ENTRY = '{n}';

/** Variables that stand for something other than a key of the answer's data. */
const CHOICE_TYPES = new Set(['checkbox-choice', 'rank']);
const COMMENT_TYPES = new Set(['other-text', 'comment-text']);

/** The labels of every question of a catalogue, by question name. */
export function labelsByQuestion(variables: readonly CatalogueVariable[]): Map<string, QuestionLabels> {
  const byQuestion = new Map<string, QuestionLabels>();
  for (const variable of variables) {
    const suffix = variable.key === variable.question ? [] : variable.key.slice(variable.question.length + 1).split('.');
    let labels = byQuestion.get(variable.question);
    if (!labels) {
      labels = { title: variable.questionTitle, parts: new Map(), choices: new Map(), commentTitle: 'Comment' };
      byQuestion.set(variable.question, labels);
    }
    addVariable(labels, variable, suffix);
  }
  return byQuestion;
}

function addVariable(labels: QuestionLabels, variable: CatalogueVariable, suffix: string[]): void {
  const partTitles = variable.partTitles ?? [];
  if (COMMENT_TYPES.has(variable.type)) {
    if (suffix.length === 1) labels.commentTitle = capitalize(partTitles.at(-1) ?? labels.commentTitle);
    return;
  }
  if (variable.type === 'count') return;
  // A tick or a rank is named by its choice: the value lives one level up, in a list of choices.
  const valuePath = CHOICE_TYPES.has(variable.type) ? suffix.slice(0, -1) : suffix;
  let named = 0;
  valuePath.forEach((segment, index) => {
    if (segment === ENTRY) return;
    const title = partTitles[named++];
    if (title !== undefined) labels.parts.set(valuePath.slice(0, index + 1).join('.'), title);
  });
  const choices = [...(variable.choices ?? []), ...(variable.choice ? [variable.choice] : [])];
  if (choices.length === 0) return;
  const key = valuePath.join('.');
  const known = labels.choices.get(key) ?? new Map<string, string>();
  for (const choice of choices) known.set(String(choice.value), choice.label);
  labels.choices.set(key, known);
}

/** For a question the catalogue does not know, or when it could not be loaded: its name, as is. */
export function fallbackLabels(question: string): QuestionLabels {
  return { title: question, parts: new Map(), choices: new Map(), commentTitle: 'Comment' };
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
