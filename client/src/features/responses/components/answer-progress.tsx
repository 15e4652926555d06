import { useId } from 'react';
import type { Model } from 'survey-core';
import { countAnswers } from '../survey/answer-progress';

/**
 * How much is answered, counted as the server counts it: the required questions shown, or every
 * question shown when none is required.
 */
export function AnswerProgress({ model }: { model: Model }) {
  const id = useId();
  const { answered, total, required } = countAnswers(model);
  return (
    <div className="answer-progress">
      <p id={id} className="answer-progress__label">
        {answered} of {total} {required ? 'required questions' : 'questions'} answered
      </p>
      <progress aria-labelledby={id} value={answered} max={Math.max(total, 1)} />
    </div>
  );
}
