import { Question, type Model, type PanelModel, type QuestionPanelDynamicModel } from 'survey-core';

/**
 * What a review comment is about, as the server stores it: a top-level question's name, or a
 * question in one entry of a dynamic panel as `<panel>.<entry>.<field>` with the entry counted
 * from 1 — the same address as the panel's CSV columns (`organisations.2.org_name`).
 */

/** Kinds of question that hold no answer, so nothing to comment on. */
const WITHOUT_ANSWER = new Set(['html', 'image', 'expression']);

const PANEL_KEY = /^(.+)\.([1-9]\d*)\.([^.]+)$/;

/** The review key of a question as SurveyJS renders it; null for what takes no comment (cells of a matrix, display elements). */
export function reviewKeyOf(question: unknown): string | null {
  if (!(question instanceof Question) || WITHOUT_ANSWER.has(question.getType())) return null;
  const owner = question.parentQuestion;
  if (!owner) return question.name;
  if (owner.getType() !== 'paneldynamic' || owner.parentQuestion) return null;
  // The entry the question sits in, however deep inside it (a panel within the template).
  const entries = (owner as QuestionPanelDynamicModel).panels;
  let parent = question.parent as PanelModel | null;
  while (parent && !entries.includes(parent)) parent = parent.parent as PanelModel | null;
  if (!parent) return null;
  return `${owner.name}.${entries.indexOf(parent) + 1}.${question.name}`;
}

export interface ReviewedQuestion {
  /** The question on the page; null when the entry it was in has since been removed. */
  question: Question | null;
  /** The top-level question: the question itself, or its dynamic panel. */
  topLevel: Question;
  /** For a question in a dynamic panel, its entry counted from 1. */
  entry: number | null;
}

/** The question a review key names, if the questionnaire has it. */
export function reviewedQuestion(model: Model, key: string): ReviewedQuestion | null {
  const direct = model.getQuestionByName(key);
  if (direct) return { question: direct, topLevel: direct, entry: null };
  const match = PANEL_KEY.exec(key);
  if (!match) return null;
  const owner = model.getQuestionByName(match[1]!);
  if (!owner || owner.getType() !== 'paneldynamic') return null;
  const entry = Number(match[2]);
  const panel = (owner as QuestionPanelDynamicModel).panels[entry - 1];
  return { question: panel?.getQuestionByName(match[3]!) ?? null, topLevel: owner, entry };
}

/** "Organisations — entry 2: Name of the organisation" for a question in a dynamic panel; a question's own title otherwise. */
export function reviewedQuestionTitle(model: Model, key: string): string | null {
  const found = reviewedQuestion(model, key);
  if (!found) return null;
  const titleOf = (question: Question) => question.processedTitle || question.name;
  if (found.entry === null) return titleOf(found.topLevel);
  const field = found.question ? titleOf(found.question) : PANEL_KEY.exec(key)![3]!;
  return `${titleOf(found.topLevel)} — entry ${found.entry}: ${field}`;
}
