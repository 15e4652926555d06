import { useId } from 'react';
import type { ReplyChecks } from '../survey/reply-checks';

/**
 * How much is answered, counted as the server counts it (reply-checks.ts): the required
 * questions shown and any other the submit check stops at, or every question shown when none is
 * required; a question on the error list is not answered. Complete when nothing is shown to
 * answer. `checks` is null until they are ready, a moment after the questionnaire is drawn.
 */
export function AnswerProgress({ checks }: { checks: ReplyChecks | null }) {
  const id = useId();
  if (!checks) {
    return (
      <div className="answer-progress">
        <p id={id} className="answer-progress__label">
          Counting the answers…
        </p>
        <progress aria-labelledby={id} max={1} />
      </div>
    );
  }
  const { answered, counted, required, share } = checks.progress();
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
