import { useState } from 'react';
import type { Model } from 'survey-core';
import type { Prefill } from '../api/get-prefill';
import { droppedInWords } from '../survey/prefill-words';

interface PrefillOfferProps {
  prefill: Prefill;
  onUse: (prefill: Prefill) => Promise<boolean>;
}

/** Offered while nothing is saved yet: start from the answers the state gave to an earlier version. */
export function PrefillOffer({ prefill, onUse }: PrefillOfferProps) {
  const [pending, setPending] = useState(false);
  const count = Object.keys(prefill.data).length;
  async function use() {
    setPending(true);
    try {
      await onUse(prefill);
    } finally {
      setPending(false);
    }
  }
  return (
    <section className="panel panel--highlight" aria-label="Previous answers">
      <p>
        Your state replied to version {prefill.fromVersion}. {count === 1 ? '1 answer' : `${count} answers`} can be carried over
        to this version; you then review and change them before you submit.
      </p>
      <button type="button" className="button" onClick={() => void use()} disabled={pending}>
        Start from our previous answers (version {prefill.fromVersion})
      </button>
    </section>
  );
}

/** Shown once previous answers were carried over: what to do now, and — in the questionnaire's words — what could not be carried. */
export function PrefilledNote({ prefill, model }: { prefill: Prefill; model: Model }) {
  const { answerAnew, noLongerAsked } = droppedInWords(model, prefill.dropped);
  return (
    <div className="notice notice--warning prefilled-note" role="status">
      <p>Prefilled from version {prefill.fromVersion} — review every answer before you submit.</p>
      {answerAnew.length > 0 && (
        <>
          <p>{answerAnew.length === 1 ? 'One question needs' : `${answerAnew.length} questions need`} a new answer:</p>
          <ul>
            {answerAnew.map(({ key, title, why }) => (
              <li key={key}>
                {title} — {why}
              </li>
            ))}
          </ul>
        </>
      )}
      {noLongerAsked > 0 && (
        <p>
          {noLongerAsked === 1 ? 'One earlier answer was' : `${noLongerAsked} earlier answers were`} left out: this version no
          longer asks {noLongerAsked === 1 ? 'its question' : 'their questions'}.
        </p>
      )}
    </div>
  );
}

interface PrefillFailedProps {
  onRetry: () => void;
  /** True while the retry is on its way: the button waits. */
  isRetrying: boolean;
}

/** The earlier answers could not be asked for (a server error, the connection lost): said, rather than no offer at all. */
export function PrefillFailed({ onRetry, isRetrying }: PrefillFailedProps) {
  return (
    <div className="notice notice--warning" role="status">
      <p>Your previous answers could not be loaded.</p>
      <button type="button" className="button button--secondary button--small" onClick={onRetry} disabled={isRetrying}>
        {isRetrying ? 'Trying again…' : 'Try again'}
      </button>
    </div>
  );
}
