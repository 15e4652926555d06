import { isAnswered } from '@core/answered';
import { commentKey } from '@core/data-keys';
import type { Model } from 'survey-core';
import type { Answers } from '../api/get-response';
import { questionOfKey, questionTitle } from './question-names';
import { readableAnswer } from './readable-answer';

/** A question this reply answers otherwise than the earlier version did, told as the delegate reads it. */
export interface PrefillDifference {
  /** The question's name. */
  readonly question: string;
  readonly title: string;
  /** This reply's answer, in words. */
  readonly current: string;
  /** The earlier version's answer, in words. */
  readonly earlier: string;
  /** What taking the earlier answer writes: its value and "other" text; an empty one clears. */
  readonly take: Answers;
}

export interface PrefillPlan {
  /** The earlier answers to the questions this reply leaves empty: these are taken as they are. */
  readonly fill: Answers;
  /** Questions answered both here and before, differently: the delegate's answer stays unless they choose. */
  readonly differing: readonly PrefillDifference[];
}

/**
 * How the earlier version's answers merge into the reply as it is now: a question without an
 * answer here (nor an "other" text) takes the earlier one; a question answered the same is left
 * alone; one answered differently is never overwritten silently, only listed, so that the delegate
 * can choose the earlier answer for it. A question is its answer and its "other" text together.
 */
export function planPrefill(model: Model, earlier: Answers): PrefillPlan {
  const now = model.data as Answers;
  const questions = new Set(Object.keys(earlier).map((key) => questionOfKey(model, key)));
  const fill: Answers = {};
  const differing: PrefillDifference[] = [];
  for (const question of questions) {
    const comment = commentKey(question);
    const before = { value: earlier[question], comment: earlier[comment] };
    const current = { value: now[question], comment: now[comment] };
    if (!isAnswered(current.value) && !isAnswered(current.comment)) {
      if (isAnswered(before.value)) fill[question] = before.value;
      if (isAnswered(before.comment)) fill[comment] = before.comment;
      continue;
    }
    if (sameAnswer(current.value, before.value) && sameAnswer(current.comment, before.comment)) continue;
    differing.push({
      question,
      title: questionTitle(model, question),
      current: readableAnswer(model, question, current.value, current.comment),
      earlier: readableAnswer(model, question, before.value, before.comment),
      // With the "other" text: taking the earlier answer also takes away a text it did not have.
      take: isAnswered(before.comment) || isAnswered(current.comment) ? { [question]: before.value, [comment]: before.comment } : { [question]: before.value },
    });
  }
  return { fill, differing };
}

/** Answers compared as stored, whatever the order of an object's keys; every way of saying "no answer" is the same. */
function sameAnswer(left: unknown, right: unknown): boolean {
  if (!isAnswered(left) || !isAnswered(right)) return !isAnswered(left) && !isAnswered(right);
  return JSON.stringify(canonical(left)) === JSON.stringify(canonical(right));
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([key, item]) => [key, canonical(item)]));
  }
  return value;
}
