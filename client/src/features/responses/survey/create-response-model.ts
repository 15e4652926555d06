import { Model, settings } from 'survey-core';
import type { Answers } from '../api/get-response';
import { createReplyChecks, type ReplyChecks } from './reply-checks';

// Read-only text answers are shown as text, not in input boxes that cut long values off
// ("Adviser, Crim…"): they wrap, and print whole. SurveyJS has this as a global setting only.
settings.readOnly.textRenderMode = 'div';
settings.readOnly.commentRenderMode = 'div';

interface ResponseModelOptions {
  readOnly: boolean;
  /** The delegate's chosen language, when the definition has it. */
  locale: string | null;
}

export interface ResponseModel {
  model: Model;
  /** The server's progress and submit check over the model's answers. */
  checks: ReplyChecks;
}

/** A SurveyJS model of the questionnaire holding a reply's answers, set up for filling in as a draft or for reading. */
export function createResponseModel(definition: Record<string, unknown>, data: Answers, { readOnly, locale }: ResponseModelOptions): ResponseModel {
  const model = new Model(definition);
  // survey-core rewrites data it is given (DESIGN.md): it gets a copy, the query cache keeps its own.
  model.data = structuredClone(data);
  // The page heading shows the title; submitting is the page's own button, after saving.
  model.showTitle = false;
  model.showCompleteButton = false;
  // A draft may be incomplete: moving between pages never stops at a missing answer. What is
  // missing is listed when the delegate submits.
  model.checkErrorsMode = 'onComplete';
  // Text answers count as changed while typed (not only on leaving the field), so that autosave
  // keeps what is typed even if the tab is closed without leaving the field first.
  model.textUpdateMode = 'onTyping';
  model.readOnly = readOnly;
  // A reply that is only read shows every section on one scrolling page (with a table of contents
  // beside it) rather than one section at a time; one being filled in keeps its sections apart.
  if (readOnly) model.questionsOnPageMode = 'singlePage';
  if (locale !== null && model.getUsedLocales().includes(locale)) model.locale = locale;
  return { model, checks: createReplyChecks(definition, model) };
}
