import { useEffect, useId, useRef, useState } from 'react';
import type { Model } from 'survey-core';
import type { ResponseTarget } from '../../../api/response-keys';
import type { SaveStore } from '../autosave/save-store';
import type { ReplyChecks } from '../survey/reply-checks';
import { SubmitProblems } from './submit-problems';
import { useSubmitReply } from './use-submit-reply';

interface SubmitSectionProps {
  target: ResponseTarget;
  store: SaveStore;
  model: Model;
  checks: ReplyChecks;
}

/**
 * Submitting the reply for review. The reply is checked first: what stops it is listed at once,
 * and only a reply that can be submitted is offered the confirmation. The server checks again.
 */
export function SubmitSection({ target, store, model, checks }: SubmitSectionProps) {
  const { check, submit, problems, error } = useSubmitReply(target, store, model, checks);
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState<'checking' | 'submitting' | null>(null);
  const id = useId();
  const questionRef = useRef<HTMLDivElement>(null);
  const triggerRef = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef(false);

  useEffect(() => {
    if (asking) questionRef.current?.focus();
    else if (returnFocus.current) triggerRef.current?.focus();
    returnFocus.current = false;
  }, [asking]);

  async function start() {
    setBusy('checking');
    try {
      if (await check()) setAsking(true);
    } finally {
      setBusy(null);
    }
  }

  async function confirm() {
    setBusy('submitting');
    try {
      await submit();
    } finally {
      setBusy(null);
      setAsking(false);
    }
  }

  function cancel() {
    returnFocus.current = true;
    setAsking(false);
  }

  return (
    <section className="submit-section" aria-label="Submit the reply">
      {asking ? (
        <div
          ref={questionRef}
          className="confirm"
          role="group"
          aria-labelledby={`${id}-question`}
          tabIndex={-1}
          onKeyDown={(event) => {
            if (event.key === 'Escape' && busy === null) cancel();
          }}
        >
          <p id={`${id}-question`} className="confirm__question">
            Every required answer is given. Submit the reply for review? It becomes read-only until a consultant returns it.
          </p>
          <div className="button-row">
            <button type="button" className="button button--small" onClick={() => void confirm()} disabled={busy !== null}>
              {busy === 'submitting' ? 'Submitting…' : 'Submit'}
            </button>
            <button type="button" className="button button--secondary button--small" onClick={cancel} disabled={busy !== null}>
              Cancel
            </button>
          </div>
        </div>
      ) : (
        <div>
          <button ref={triggerRef} type="button" className="button button--secondary button--small" onClick={() => void start()} disabled={busy !== null}>
            {busy === 'checking' ? 'Checking the answers…' : 'Submit for review'}
          </button>
        </div>
      )}
      {error && (
        <p className="form-alert" role="alert">
          {error}
        </p>
      )}
      {problems && problems.length > 0 && <SubmitProblems problems={problems} model={model} />}
    </section>
  );
}
