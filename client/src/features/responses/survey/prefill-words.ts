import type { Model } from 'survey-core';
import type { Prefill } from '../api/get-prefill';
import { questionOfKey, questionTitle } from './question-names';

export interface DroppedInWords {
  /** Questions of this version whose earlier answer could not be carried: the delegate answers them anew. */
  readonly answerAnew: ReadonlyArray<{ readonly key: string; readonly title: string; readonly why: string }>;
  /** Earlier answers to questions this version no longer asks: nothing to do about them. */
  readonly noLongerAsked: number;
}

/**
 * What the carry-over left behind, told as the delegate reads the questionnaire: a question by
 * its title, why in plain words — and a question this version does not ask at all is not
 * something to answer anew, only counted. The crosswalk's own reasons ("dropped from version 1
 * to 2", "version 2 does not accept it: …") are for the API and the analysts.
 */
export function droppedInWords(model: Model, dropped: Prefill['dropped']): DroppedInWords {
  const answerAnew: Array<DroppedInWords['answerAnew'][number]> = [];
  let noLongerAsked = 0;
  for (const { question: key, reason } of dropped) {
    if (!model.getQuestionByName(questionOfKey(model, key))) {
      noLongerAsked += 1;
      continue;
    }
    if (answerAnew.some((entry) => questionOfKey(model, entry.key) === questionOfKey(model, key))) continue;
    answerAnew.push({ key, title: questionTitle(model, key), why: plainReason(reason) });
  }
  return { answerAnew, noLongerAsked };
}

function plainReason(reason: string): string {
  if (/recoded to nothing/.test(reason)) return 'none of the earlier choices is offered in this version';
  const notAccepted = /does not accept it: (.*)$/.exec(reason);
  if (notAccepted) return `the earlier answer does not fit this version (${notAccepted[1]!.replace(/\.$/, '')})`;
  return 'this version asks it differently';
}
