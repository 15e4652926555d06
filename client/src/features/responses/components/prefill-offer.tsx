import { useState } from 'react';
import type { Prefill } from '../api/get-prefill';

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

/** Shown once previous answers were carried over: what to do now, and what could not be carried. */
export function PrefilledNote({ prefill }: { prefill: Prefill }) {
  return (
    <div className="notice notice--warning prefilled-note" role="status">
      <p>Prefilled from version {prefill.fromVersion} — review every answer before you submit.</p>
      {prefill.dropped.length > 0 && (
        <>
          <p>Not carried over, to answer anew:</p>
          <ul>
            {prefill.dropped.map(({ question, reason }) => (
              <li key={question}>
                <code>{question}</code>: {reason}
              </li>
            ))}
          </ul>
        </>
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
