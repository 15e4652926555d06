import type { Model } from 'survey-core';
import type { ResponseTarget } from '../../../api/response-keys';
import { ConfirmAction } from '../../../components/confirm-action';
import type { SaveStore } from '../autosave/save-store';
import { SubmitProblems } from './submit-problems';
import { useSubmitReply } from './use-submit-reply';

interface SubmitSectionProps {
  target: ResponseTarget;
  store: SaveStore;
  model: Model;
}

/** Submitting the reply for review, after a confirmation; what stops it is listed below. */
export function SubmitSection({ target, store, model }: SubmitSectionProps) {
  const { submit, problems, error } = useSubmitReply(target, store);
  return (
    <section className="submit-section" aria-label="Submit the reply">
      <ConfirmAction
        question="Submit the reply for review? It becomes read-only until a consultant returns it."
        confirmLabel="Submit"
        pendingLabel="Submitting…"
        onConfirm={submit}
      >
        Submit for review
      </ConfirmAction>
      {error && (
        <p className="form-alert" role="alert">
          {error}
        </p>
      )}
      {problems && problems.length > 0 && <SubmitProblems problems={problems} model={model} />}
    </section>
  );
}
