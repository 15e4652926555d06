import { Model } from 'survey-core';
import type { Answers } from '../api/get-response';

interface ResponseModelOptions {
  readOnly: boolean;
  /** The delegate's chosen language, when the definition has it. */
  locale: string | null;
}

/** A SurveyJS model of the questionnaire holding a reply's answers, set up for filling in as a draft. */
export function createResponseModel(definition: Record<string, unknown>, data: Answers, { readOnly, locale }: ResponseModelOptions): Model {
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
  if (locale !== null && model.getUsedLocales().includes(locale)) model.locale = locale;
  return model;
}
