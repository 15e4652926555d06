import { useEffect, useId, useRef } from 'react';
import type { Model } from 'survey-core';
import type { AnswerProblem } from '../api/response-errors';
import { questionOfKey, questionTitle } from '../survey/question-names';
import { focusQuestionField, problemInWords } from '../survey/submit-check';

interface SubmitProblemsProps {
  problems: readonly AnswerProblem[];
  model: Model;
}

/**
 * Why the reply could not be submitted: every missing or invalid answer, each a button that
 * opens its page and puts the keyboard focus in its field. The list takes the focus when it appears; the
 * questions show their message too.
 */
export function SubmitProblems({ problems, model }: SubmitProblemsProps) {
  const headingId = useId();
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    ref.current?.focus();
    for (const { question, message } of problems) {
      const name = questionOfKey(model, question);
      const shown = model.getQuestionByName(name);
      // The browser's check has marked what it found; what only the server found is added to its question.
      if (shown && shown.errors.length === 0) shown.addError(problemInWords(model, name, message));
    }
  }, [problems, model]);

  const count = problems.length;
  return (
    <div ref={ref} className="form-alert submit-problems" role="alert" aria-labelledby={headingId} tabIndex={-1}>
      <h2 id={headingId} className="form-alert__title">
        {count === 1 ? '1 answer needs attention' : `${count} answers need attention`}
      </h2>
      <p>The reply was not submitted. Open each one, correct it, then submit again.</p>
      <ul className="submit-problems__list">
        {problems.map(({ question, message }, index) => (
          <li key={`${question}-${index}`}>
            <button type="button" className="link-button" onClick={() => focusQuestionField(model, questionOfKey(model, question))}>
              {questionTitle(model, question)} — {problemInWords(model, questionOfKey(model, question), message)}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
