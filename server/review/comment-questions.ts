import type { Catalogue } from '../questionnaire/catalogue.js';
import { ENTRY_PLACEHOLDER } from '../questionnaire/repeats.js';

/**
 * What a review comment may be about (issue 11): a top-level question's name, or a question in
 * one entry of a dynamic panel as `<panel>.<entry>.<field>`, the entry counted from 1 up to the
 * panel's largest count — the address of the panel's CSV columns (`organisations.2.org_name`).
 * The client makes the same keys (client/src/features/responses/review/review-keys.ts).
 */

type Commentable = { readonly questions: ReadonlySet<string>; readonly panelFields: ReadonlyMap<string, { fields: Set<string>; maxCount: number }> };

/** A catalogue lives as long as its version is cached: worked out once for each. */
const derived = new WeakMap<Catalogue, Commentable>();

function commentableOf(catalogue: Catalogue): Commentable {
  let found = derived.get(catalogue);
  if (found) return found;
  const questions = new Set<string>();
  const panelFields = new Map<string, { fields: Set<string>; maxCount: number }>();
  for (const variable of catalogue.variables) {
    questions.add(variable.question);
    const field = variable.part?.field;
    if (!variable.repeat || field === undefined || !variable.key.startsWith(`${variable.repeat.question}.${ENTRY_PLACEHOLDER}.`)) continue;
    const panel = panelFields.get(variable.repeat.question) ?? { fields: new Set<string>(), maxCount: variable.repeat.maxCount };
    panel.fields.add(field);
    panelFields.set(variable.repeat.question, panel);
  }
  found = { questions, panelFields };
  derived.set(catalogue, found);
  return found;
}

const PANEL_KEY = /^(.+)\.([1-9]\d{0,5})\.([^.]+)$/;

export function isCommentableQuestion(catalogue: Catalogue, key: string): boolean {
  const { questions, panelFields } = commentableOf(catalogue);
  if (questions.has(key)) return true;
  const match = PANEL_KEY.exec(key);
  if (!match) return false;
  const panel = panelFields.get(match[1]!);
  return panel !== undefined && Number(match[2]) <= panel.maxCount && panel.fields.has(match[3]!);
}
