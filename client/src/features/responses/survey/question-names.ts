import { questionOfKey as coreQuestionOfKey } from '@core/data-keys';
import type { Model } from 'survey-core';
import { reviewedQuestionTitle } from '../review/review-keys';

/** The question a data key belongs to: `q-Comment` (its "other" text) → `q`. */
export function questionOfKey(model: Model, key: string): string {
  return coreQuestionOfKey(key, (name) => Boolean(model.getQuestionByName(name)));
}

/** The title the delegate sees for the question of a data key (or a review comment's question in a dynamic panel), in the chosen language. */
export function questionTitle(model: Model, key: string): string {
  const name = questionOfKey(model, key);
  const question = model.getQuestionByName(name);
  return question ? question.processedTitle || question.name : (reviewedQuestionTitle(model, key) ?? key);
}

export { commentKey as commentKeyOf } from '@core/data-keys';
