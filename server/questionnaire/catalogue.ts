import { Model } from 'survey-core';
import { joinTexts, plainText, textsPerLocale } from './localized-text.js';
import type { LocalText, LocaleTexts } from './localized-text.js';
import { commentKey, readQuestionTree } from './read-questions.js';
import { ENTRY_PLACEHOLDER } from './repeats.js';
import type { QuestionTree } from './read-questions.js';
import type { Choice, ChoiceValue, FieldNode, QuestionNode } from './question-tree.js';
import type { SurveyDefinition } from './definition.js';

/**
 * The catalogue: one variable per answerable leaf of a definition, in definition order. Its keys
 * are the responses.csv column names of API.md; the codebook, comparison tables and exports are
 * generated from it.
 */

export type VariableChoice = {
  readonly value: ChoiceValue;
  /** The default-locale text. */
  readonly label: string;
  readonly labels?: LocaleTexts;
};

/** Which part of its question a variable was built from. */
export type VariablePart = {
  /** Matrix row value. */
  readonly row?: ChoiceValue;
  /** matrixdropdown / matrixdynamic column name. */
  readonly column?: string;
  /** multipletext item name. */
  readonly item?: string;
  /** Dynamic-panel template question name. */
  readonly field?: string;
  /** The choice a checkbox tick or a rank stands for. */
  readonly choice?: ChoiceValue;
};

/** How the variable's value reads in a CSV cell; the `type` names it. */
export type VariableValue =
  /** Free text as typed (text, comment, text cells and items). */
  | { readonly type: 'text' }
  | { readonly type: 'number' }
  /** An ISO date, YYYY-MM-DD. */
  | { readonly type: 'date' }
  /** One choice code: radiogroup, dropdown, rating, a matrix row, a choice cell. */
  | { readonly type: 'choice'; readonly choices: readonly VariableChoice[] }
  /** Several choice codes in one cell, joined with `|`: checkbox cells of matrices. */
  | { readonly type: 'choices'; readonly choices: readonly VariableChoice[] }
  /** 1/0 with the question's labels; `stored` is what survey-core keeps in the data for each. */
  | {
      readonly type: 'boolean';
      readonly choices: readonly [VariableChoice, VariableChoice];
      readonly stored: { readonly yes: ChoiceValue | boolean; readonly no: ChoiceValue | boolean };
    }
  /** 1 when the checkbox choice is ticked, 0 when the question is answered without it. */
  | { readonly type: 'checkbox-choice'; readonly choice: VariableChoice }
  /**
   * The rank (1 = first) the respondent gave this choice. One column per choice rather than one
   * "a|b|c" cell: analysts can sort, average and compare ranks across states directly.
   */
  | { readonly type: 'rank'; readonly choice: VariableChoice }
  /** The text typed for the "other" choice (`<name>-Comment`). */
  | { readonly type: 'other-text' }
  /** The text of a question's comment area (`<name>-Comment`). */
  | { readonly type: 'comment-text' }
  /** How many entries a dynamic panel or dynamic matrix has. */
  | { readonly type: 'count' };

export type VariableType = VariableValue['type'];

export type VariableCommon = {
  /** The CSV column name; `{n}` stands for the entry number in a repeated variable. */
  readonly key: string;
  /** The top-level question (data key) the variable belongs to. */
  readonly question: string;
  /** The page name. */
  readonly section: string;
  /** The default-locale title; sub-variables read "Question — row" (questionTitle and partTitles joined). */
  readonly title: string;
  readonly titles?: LocaleTexts;
  /** The question's own default-locale title, the same for all of its variables. */
  readonly questionTitle: string;
  readonly questionTitles?: LocaleTexts;
  /**
   * Only on a part (a key longer than the question's name): the title of each named segment of
   * the key below the question, in key order — `{n}` has none — so `shelters.{n}.staff.police`
   * has ["Staff", "Police"]. Whole, whatever dashes a title holds.
   */
  readonly partTitles?: readonly string[];
  /**
   * partTitles in each locale any of them is translated into (translations only, as `titles`);
   * a part without that locale's translation has its default text, and a locale not listed
   * reads partTitles.
   */
  readonly partTitlesByLocale?: Readonly<Record<string, readonly string[]>>;
  /** The SurveyJS type of the question or cell the value comes from. */
  readonly questionType: string;
  readonly part?: VariablePart;
  /** Where the value sits: from the data root, or within one entry for a repeated variable. */
  readonly path: readonly string[];
  /**
   * Marked `personalData` on its question, template field, matrix column or item (inherited by
   * every part below the mark): left out of analysis and exports unless an administrator asks.
   */
  readonly personalData?: true;
  /** The variable of the question marked `publicationConsent` (at most one per catalogue). */
  readonly publicationConsent?: true;
};

export type Variable = VariableCommon &
  VariableValue & {
    /** Present on dynamic-panel and dynamic-matrix fields: one column per entry (`orgs.1.name`…). */
    readonly repeat?: { readonly question: string; readonly maxCount: number };
  };

/** A page of the definition: the `section` of its variables, with its title. */
export type CatalogueSection = { readonly name: string; readonly title: string; readonly titles?: LocaleTexts };

export type Catalogue = { readonly variables: readonly Variable[]; readonly sections: readonly CatalogueSection[] };

export function buildCatalogue(definition: SurveyDefinition): Catalogue {
  return catalogueFromTree(readQuestionTree(new Model(definition)));
}

export function catalogueFromTree({ questions, sections }: Pick<QuestionTree, 'questions' | 'sections'>): Catalogue {
  return {
    variables: questions.flatMap(({ section, node }) => topLevelVariables(node, section)),
    sections: sections.map((section) => ({ name: section.name, title: section.title.text, ...(section.title.locales ? { titles: section.title.locales } : {}) })),
  };
}

/** What the variables of one question share while its parts are walked. */
type Scope = {
  readonly question: string;
  readonly section: string;
  readonly key: string;
  readonly path: readonly string[];
  readonly questionTitle: LocalText;
  /** One per named key segment below the question so far. */
  readonly partTitles: readonly LocalText[];
  readonly part?: VariablePart;
  readonly repeat?: { readonly question: string; readonly maxCount: number };
  /** In a matrix cell a multiple choice is one cell, not one column per choice (API.md). */
  readonly inCell: boolean;
  /** The question, or an element on the way down to this part, is marked personalData. */
  readonly personalData: boolean;
  readonly publicationConsent: boolean;
};

function topLevelVariables(node: QuestionNode, section: string): Variable[] {
  const scope: Scope = {
    question: node.name,
    section,
    key: node.name,
    path: [node.name],
    questionTitle: node.title,
    partTitles: [],
    inCell: false,
    personalData: node.personalData,
    publicationConsent: node.publicationConsent,
  };
  if (node.kind === 'dynamic-panel' || node.kind === 'matrix-dynamic') {
    const count = partVariable(scope, node.type, { type: 'count' }, 'count', plainText('number of entries'));
    const repeat = { question: node.name, maxCount: node.maxCount };
    const fields = node.kind === 'dynamic-panel' ? node.fields : node.columns;
    const partName = node.kind === 'dynamic-panel' ? 'field' : 'column';
    const entries = fields.flatMap((field) =>
      leafVariables(field, {
        ...scope,
        key: `${node.name}.${ENTRY_PLACEHOLDER}.${field.name}`,
        path: [field.name],
        partTitles: [field.title],
        part: { [partName]: field.name },
        repeat,
        inCell: node.kind === 'matrix-dynamic',
        personalData: scope.personalData || field.personalData,
      }),
    );
    return [count, ...entries, ...commentVariables(node, scope)];
  }
  return leafVariables(node, scope);
}

function leafVariables(node: FieldNode, scope: Scope): Variable[] {
  const whole = (value: VariableValue): Variable => ({ ...common(scope, node.type), ...value });
  switch (node.kind) {
    case 'text':
      return [whole({ type: node.value === 'string' ? 'text' : node.value }), ...commentVariables(node, scope)];
    case 'expression':
      return [];
    case 'single-choice':
    case 'rating':
      return [whole({ type: 'choice', choices: node.choices.map(variableChoice) }), ...commentVariables(node, scope)];
    case 'boolean':
      return [
        whole({
          type: 'boolean',
          choices: [
            { ...localized(node.labels.yes), value: 1 },
            { ...localized(node.labels.no), value: 0 },
          ],
          stored: node.stored,
        }),
        ...commentVariables(node, scope),
      ];
    case 'multiple-choice':
      if (scope.inCell) return [whole({ type: 'choices', choices: node.choices.map(variableChoice) })];
      return [
        ...node.choices.map((choice) =>
          partVariable(scope, node.type, { type: 'checkbox-choice', choice: variableChoice(choice) }, choiceKey(choice), choice.text, {
            choice: choice.value,
          }),
        ),
        ...commentVariables(node, scope),
      ];
    case 'ranking':
      return [
        ...node.choices.map((choice) =>
          partVariable(scope, node.type, { type: 'rank', choice: variableChoice(choice) }, String(choice.value), choice.text, {
            choice: choice.value,
          }),
        ),
        ...commentVariables(node, scope),
      ];
    case 'matrix': {
      const columns = node.columns.map(variableChoice);
      const type = node.cells === 'multiple' ? 'choices' : 'choice';
      return [
        ...node.rows.map((row) =>
          partVariable({ ...scope, path: [...scope.path, String(row.value)] }, node.type, { type, choices: columns }, String(row.value), row.text, {
            row: row.value,
          }),
        ),
        ...commentVariables(node, scope),
      ];
    }
    case 'matrix-dropdown':
      return [
        ...node.rows.flatMap((row) =>
          node.columns.flatMap((column) =>
            leafVariables(column, {
              ...scope,
              key: `${scope.key}.${row.value}.${column.name}`,
              path: [...scope.path, String(row.value), column.name],
              partTitles: [...scope.partTitles, row.text, column.title],
              part: { ...scope.part, row: row.value, column: column.name },
              inCell: true,
              personalData: scope.personalData || column.personalData,
            }),
          ),
        ),
        ...commentVariables(node, scope),
      ];
    case 'multiple-text':
      return [
        ...node.items.flatMap((item) =>
          leafVariables(item, {
            ...scope,
            key: `${scope.key}.${item.name}`,
            path: [...scope.path, item.name],
            partTitles: [...scope.partTitles, item.title],
            part: { ...scope.part, item: item.name },
            personalData: scope.personalData || item.personalData,
          }),
        ),
        ...commentVariables(node, scope),
      ];
  }
}

/** The "other" text and the comment area, both kept under `<name>-Comment`. */
function commentVariables(node: QuestionNode, scope: Scope): Variable[] {
  const other = otherChoice(node);
  if (!other && !node.commentArea) return [];
  const path = [...scope.path.slice(0, -1), commentKey(scope.path[scope.path.length - 1] ?? node.name)];
  const commentScope = { ...scope, path };
  return other
    ? [partVariable(commentScope, node.type, { type: 'other-text' }, 'other_text', other.text)]
    : [partVariable(commentScope, node.type, { type: 'comment-text' }, 'comment', plainText('comment'))];
}

function otherChoice(node: QuestionNode): Choice | undefined {
  if (node.kind !== 'single-choice' && node.kind !== 'multiple-choice') return undefined;
  return node.choices.find((choice) => choice.special === 'other');
}

/** The API names the "other" tick `question.other` whatever value survey-core gives the item. */
function choiceKey(choice: Choice): string {
  return choice.special === 'other' ? 'other' : String(choice.value);
}

/** A variable for one part of a question: key `<question key>.<suffix>`, title "Question — part". */
function partVariable(
  scope: Scope,
  questionType: string,
  value: VariableValue,
  keySuffix: string,
  partTitle: LocalText,
  part?: VariablePart,
): Variable {
  const merged = part ? { ...scope.part, ...part } : scope.part;
  const partScope = { ...scope, partTitles: [...scope.partTitles, partTitle], key: `${scope.key}.${keySuffix}`, part: merged };
  return { ...common(partScope, questionType), ...value };
}

function common(scope: Scope, questionType: string): VariableCommon & Pick<Variable, 'repeat'> {
  const title = joinTexts([scope.questionTitle, ...scope.partTitles]);
  const partTitlesByLocale = textsPerLocale(scope.partTitles);
  return {
    key: scope.key,
    question: scope.question,
    section: scope.section,
    title: title.text,
    ...(title.locales ? { titles: title.locales } : {}),
    questionTitle: scope.questionTitle.text,
    ...(scope.questionTitle.locales ? { questionTitles: scope.questionTitle.locales } : {}),
    ...(scope.partTitles.length > 0 ? { partTitles: scope.partTitles.map((part) => part.text) } : {}),
    ...(partTitlesByLocale ? { partTitlesByLocale } : {}),
    questionType,
    ...(scope.part ? { part: scope.part } : {}),
    path: scope.path,
    ...(scope.repeat ? { repeat: scope.repeat } : {}),
    ...(scope.personalData ? { personalData: true as const } : {}),
    ...(scope.publicationConsent ? { publicationConsent: true as const } : {}),
  };
}

function variableChoice(choice: Choice): VariableChoice {
  return { value: choice.value, ...localized(choice.text) };
}

function localized(text: LocalText): { label: string; labels?: LocaleTexts } {
  return text.locales ? { label: text.text, labels: text.locales } : { label: text.text };
}
