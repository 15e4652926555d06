import type { Model } from 'survey-core';

const COMMENT_SUFFIX = '-Comment';

/** The question a data key belongs to: `q-Comment` (its "other" text) → `q`. */
export function questionOfKey(model: Model, key: string): string {
  if (!key.endsWith(COMMENT_SUFFIX)) return key;
  const owner = key.slice(0, -COMMENT_SUFFIX.length);
  return model.getQuestionByName(owner) ? owner : key;
}

/** The title the delegate sees for the question of a data key, in the chosen language. */
export function questionTitle(model: Model, key: string): string {
  const name = questionOfKey(model, key);
  const question = model.getQuestionByName(name);
  return question ? question.processedTitle || question.name : key;
}

export function commentKeyOf(question: string): string {
  return question + COMMENT_SUFFIX;
}
