import type { Model } from 'survey-core';
import type { Answers } from '../api/get-response';
import type { AnswerView } from '../autosave/save-store';
import { questionOfKey } from './question-names';

export interface ModelAnswers extends AnswerView {
  /** Calls `onChange` for each answer the delegate changes (not for those `show` puts there). */
  watch(onChange: (key: string, value: unknown) => void): () => void;
}

/** The autosave's view of a SurveyJS model: what the delegate changes, and answers shown from elsewhere. */
export function modelAnswers(model: Model): ModelAnswers {
  let showing = false;

  function write(key: string, value: unknown) {
    const owner = questionOfKey(model, key);
    // An "other" text is the question's comment: setValue on the key would not show it.
    if (owner !== key) model.setComment(owner, typeof value === 'string' ? value : '');
    else if (value === undefined) model.clearValue(key);
    else model.setValue(key, structuredClone(value));
  }

  return {
    keys: () => Object.keys(model.data as Answers),

    show(values, cleared) {
      const current = model.data as Answers;
      showing = true;
      try {
        for (const [key, value] of Object.entries(values)) {
          // Rewriting an unchanged answer would only re-render its question.
          if (JSON.stringify(current[key]) !== JSON.stringify(value)) write(key, value);
        }
        for (const key of cleared) if (Object.hasOwn(current, key)) write(key, undefined);
      } finally {
        showing = false;
      }
    },

    watch(onChange) {
      const handler = (_: Model, { name }: { name: string }) => {
        if (showing) return;
        // A copy: survey-core may change the arrays and objects it holds in place.
        const value: unknown = model.getValue(name);
        onChange(name, value === undefined ? undefined : structuredClone(value));
      };
      model.onValueChanged.add(handler);
      return () => model.onValueChanged.remove(handler);
    },
  };
}
