import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { Model } from 'survey-core';
import { formatDateTime } from '../../../lib/format-date';
import type { EditConflictDetails } from '../api/response-errors';
import type { ConflictChoice } from '../autosave/save-store';
import { commentKeyOf, questionTitle } from '../survey/question-names';
import { readableAnswer } from '../survey/readable-answer';

interface ConflictDialogProps {
  conflict: EditConflictDetails;
  model: Model;
  onResolve: (choices: Record<string, ConflictChoice>) => void;
}

/**
 * Someone else saved the same questions meanwhile: each one side by side — the delegate's answer
 * and theirs, who and when — with a choice to keep one's own or take theirs. Nothing is saved
 * until every question has a choice. It takes the focus when it opens.
 */
export function ConflictDialog({ conflict, model, onResolve }: ConflictDialogProps) {
  const headingId = useId();
  const descriptionId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [choices, setChoices] = useState<Record<string, ConflictChoice>>({});
  const [incomplete, setIncomplete] = useState(false);

  useEffect(() => headingRef.current?.focus(), []);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (conflict.conflicts.some(({ question }) => !choices[question])) {
      setIncomplete(true);
      return;
    }
    onResolve(choices);
  }

  return (
    <section className="conflict-dialog" role="dialog" aria-labelledby={headingId} aria-describedby={descriptionId}>
      <h2 id={headingId} ref={headingRef} tabIndex={-1}>
        Someone else changed the same answers
      </h2>
      <p id={descriptionId}>
        Your latest changes to {conflict.conflicts.length === 1 ? 'this answer were' : 'these answers were'} not saved. For each
        one, keep your answer or take theirs; then your other changes are saved too.
      </p>
      <form className="form" onSubmit={submit} noValidate>
        {conflict.conflicts.map(({ question, currentValue, currentComment, changedBy, changedAt }) => (
          <fieldset key={question} className="conflict-dialog__question">
            <legend>{questionTitle(model, question)}</legend>
            <dl className="conflict-dialog__answers">
              <div>
                <dt>Your answer</dt>
                <dd>{readableAnswer(model, question, model.getValue(question), model.getValue(commentKeyOf(question)))}</dd>
              </div>
              <div>
                <dt>
                  {changedBy}’s answer, saved {formatDateTime(changedAt)}
                </dt>
                <dd>{readableAnswer(model, question, currentValue, currentComment)}</dd>
              </div>
            </dl>
            <div className="conflict-dialog__choices">
              {(['mine', 'theirs'] as const).map((choice) => (
                <label key={choice}>
                  <input
                    type="radio"
                    name={`conflict-${question}`}
                    value={choice}
                    checked={choices[question] === choice}
                    onChange={() => setChoices((chosen) => ({ ...chosen, [question]: choice }))}
                  />{' '}
                  {choice === 'mine' ? 'Keep mine' : 'Take theirs'}
                </label>
              ))}
            </div>
          </fieldset>
        ))}
        {incomplete && (
          <p className="field__error" role="alert">
            Choose “Keep mine” or “Take theirs” for every answer.
          </p>
        )}
        <div className="button-row">
          <button type="submit" className="button">
            Apply my choices
          </button>
        </div>
      </form>
    </section>
  );
}
