import { useId, useState } from 'react';
import type { Model } from 'survey-core';
import type { Prefill } from '../api/get-prefill';
import type { Answers } from '../api/get-response';
import { planPrefill } from '../survey/prefill-merge';
import { questionOfKey } from '../survey/question-names';
import { droppedInWords } from '../survey/prefill-words';
import './prefill-offer.css';

interface PrefillOfferProps {
  prefill: Prefill;
  model: Model;
  /** Saves these answers as one change (an empty one clears its key). */
  onUse: (values: Answers) => Promise<boolean>;
}

/**
 * Offered while the reply is a draft: the answers the state gave to an earlier version, merged
 * into what is there (prefill-merge.ts). Questions without an answer take the earlier one; a
 * question answered differently is listed, in the questionnaire's words, and keeps the
 * delegate's answer unless they tick it. Nothing left to take: nothing offered.
 */
export function PrefillOffer({ prefill, model, onUse }: PrefillOfferProps) {
  const id = useId();
  const [pending, setPending] = useState(false);
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const { fill, differing } = planPrefill(model, prefill.data);
  const filling = new Set(Object.keys(fill).map((key) => questionOfKey(model, key))).size;
  if (filling === 0 && differing.length === 0) return null;
  const taken = differing.filter(({ question }) => chosen.has(question));
  const fresh = differing.length === 0 && Object.keys(model.data as Answers).length === 0;
  const from = `version ${prefill.fromVersion}`;

  async function use() {
    setPending(true);
    try {
      await onUse(Object.assign({}, fill, ...taken.map(({ take }) => take)) as Answers);
      setChosen(new Set());
    } finally {
      setPending(false);
    }
  }

  function toggle(question: string, on: boolean) {
    setChosen((before) => {
      const after = new Set(before);
      if (on) after.add(question);
      else after.delete(question);
      return after;
    });
  }

  const questions = (count: number) => (count === 1 ? '1 question' : `${count} questions`);
  return (
    <section className="panel panel--highlight prefill-offer" aria-label="Previous answers">
      {fresh ? (
        <p>
          Your state replied to {from}. {filling === 1 ? '1 answer' : `${filling} answers`} can be carried over to this version; you
          then review and change them before you submit.
        </p>
      ) : (
        <p>
          Your state replied to {from}.{' '}
          {filling > 0
            ? `${questions(filling)} you have not answered yet can be filled in from it; you then review them before you submit.`
            : `Every question it answered has an answer here too.`}
        </p>
      )}
      {differing.length > 0 && (
        <fieldset className="prefill-offer__differing" aria-describedby={`${id}-differing`}>
          <legend>
            {differing.length === 1 ? 'One of your answers differs' : `${differing.length} of your answers differ`} from {from}
          </legend>
          <p id={`${id}-differing`}>Your answer stays unless you choose to take the one from {from}.</p>
          <ul>
            {differing.map(({ question, title, current, earlier }) => (
              <li key={question}>
                <p className="prefill-offer__question">{title}</p>
                <p>
                  Your answer: {current}
                  <br />
                  In {from}: {earlier}
                </p>
                <label>
                  <input type="checkbox" checked={chosen.has(question)} onChange={(event) => toggle(question, event.target.checked)} disabled={pending} />
                  <span>
                    Take the answer from {from} for “{title}”
                  </span>
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
      )}
      <button type="button" className="button" onClick={() => void use()} disabled={pending || (filling === 0 && taken.length === 0)}>
        {fresh ? `Start from our previous answers (${from})` : `Fill in from our previous answers (${from})`}
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
