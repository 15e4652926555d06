import { useEffect, useRef, useState } from 'react';
import type { ResponseTarget } from '../../../api/response-keys';
import { ConfirmAction } from '../../../components/confirm-action';
import { PromptAction } from '../../../components/prompt-action';
import type { ResponseStatus, Role } from '../../../types/api';
import { useReviewStep } from '../api/review-steps';
import { isThreadOpen } from '../review/comment-threads';
import { useReview } from '../review/review-context';
import { questionTitle } from '../survey/question-names';

interface ReviewStepsProps {
  target: ResponseTarget;
  status: ResponseStatus;
  role: Role;
}

const DONE: Record<'return' | 'accept' | 'reopen', string> = {
  return: 'The reply was returned to the delegates.',
  accept: 'The reply was accepted. It is now final and locked.',
  reopen: 'The reply was reopened: its delegates can change it again.',
};

/**
 * The consultant's decision on a submitted reply — return it with a message, or accept it — and
 * reopening an accepted one (consultants and administrators), as API.md allows them; nothing for
 * anyone else or in any other status.
 */
export function ReviewSteps({ target, status, role }: ReviewStepsProps) {
  const returnReply = useReviewStep(target, 'return');
  const accept = useReviewStep(target, 'accept');
  const reopen = useReviewStep(target, 'reopen');
  const [done, setDone] = useState<keyof typeof DONE | null>(null);
  const doneRef = useRef<HTMLParagraphElement>(null);
  // The button that was pressed is gone with the old status: the focus goes to what happened.
  useEffect(() => {
    if (done) doneRef.current?.focus();
  }, [done]);

  const mayDecide = role === 'consultant' && status === 'submitted';
  const mayReopen = (role === 'consultant' || role === 'admin') && status === 'accepted';
  if (!mayDecide && !mayReopen && !done) return null;

  async function take(step: keyof typeof DONE, run: () => Promise<unknown>) {
    setDone(null);
    await run();
    setDone(step);
  }

  return (
    <section className="review-steps" aria-label="Review decision">
      {done && (
        <p ref={doneRef} className="notice notice--success review-steps__done" role="status" tabIndex={-1}>
          {DONE[done]}
        </p>
      )}
      {(mayDecide || mayReopen) && (
        <div className="review-steps__actions">
          {mayDecide && (
            <PromptAction
              title="Return the reply to the delegates"
              label="Message to the delegates"
              requiredMessage="Write what the delegates should change before they submit again."
              confirmLabel="Return the reply"
              pendingLabel="Returning…"
              details={<OpenCommentsGoingAlong />}
              onConfirm={(message) => take('return', () => returnReply.mutateAsync(message))}
            >
              Return to the delegates
            </PromptAction>
          )}
          {mayDecide && (
            <ConfirmAction
              question="Accept the reply? It becomes final and locked; a consultant or an administrator can reopen it."
              confirmLabel="Accept"
              pendingLabel="Accepting…"
              onConfirm={() => take('accept', () => accept.mutateAsync(''))}
            >
              Accept the reply
            </ConfirmAction>
          )}
          {mayReopen && (
            <PromptAction
              title="Reopen the accepted reply"
              label="Reason for reopening"
              requiredMessage="Say why the reply is reopened: the delegates will read it."
              confirmLabel="Reopen the reply"
              pendingLabel="Reopening…"
              onConfirm={(reason) => take('reopen', () => reopen.mutateAsync(reason))}
            >
              Reopen
            </PromptAction>
          )}
        </div>
      )}
    </section>
  );
}

/** In the return dialog: the open comments the delegates will find with the message. */
function OpenCommentsGoingAlong() {
  const review = useReview();
  const open = [...review.threads.values()].flat().filter(isThreadOpen);
  if (open.length === 0) return <p className="review-steps__note">No other comment is open: the message is all the delegates will get.</p>;
  return (
    <div className="review-steps__note">
      <p>{open.length === 1 ? 'This open comment goes with it:' : `These ${open.length} open comments go with it:`}</p>
      <ul>
        {open.map((thread) => (
          <li key={thread.id}>
            <span className="review-steps__subject">
              {thread.question === null ? 'On the whole reply' : `On “${questionTitle(review.model, thread.question)}”`}:
            </span>{' '}
            {thread.comments[0]!.body}
          </li>
        ))}
      </ul>
    </div>
  );
}
