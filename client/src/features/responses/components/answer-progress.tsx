import { useId } from 'react';
import type { Model } from 'survey-core';
import { countAnswers } from '../survey/answer-progress';

/**
 * How much is answered, counted as the server counts it: the required questions shown, or every
 * question shown when none is required; complete when nothing is shown to answer.
 */
export function AnswerProgress({ model }: { model: Model }) {
  const id = useId();
  const { answered, counted, required, share } = countAnswers(model);
  const label = counted === 0 ? 'No questions to answer' : `${answered} of ${counted} ${required > 0 ? 'required questions' : 'questions'} answered`;
  return (
    <div className="answer-progress">
      <p id={id} className="answer-progress__label">
        {label}
      </p>
      <progress aria-labelledby={id} value={share} max={1} />
    </div>
  );
}
