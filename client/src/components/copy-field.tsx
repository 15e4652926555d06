import { useId, useState } from 'react';

type CopyState = 'idle' | 'copied' | 'failed';

interface CopyFieldProps {
  label: string;
  value: string;
}

/** A read-only value (a link, a token) with a button that copies it to the clipboard. */
export function CopyField({ label, value }: CopyFieldProps) {
  const id = useId();
  const [state, setState] = useState<CopyState>('idle');

  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setState('copied');
    } catch {
      // No clipboard access (an insecure origin, a refused permission): the text can still be selected.
      setState('failed');
    }
  }

  return (
    <div className="field copy-field">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <div className="copy-field__row">
        <input
          id={id}
          className="input copy-field__input"
          value={value}
          readOnly
          spellCheck={false}
          autoComplete="off"
          onFocus={(event) => event.currentTarget.select()}
        />
        <button type="button" className="button button--secondary" onClick={() => void copy()}>
          Copy<span className="visually-hidden"> {label}</span>
        </button>
      </div>
      <p className="copy-field__status" role="status">
        {state === 'copied' && 'Copied to the clipboard.'}
        {state === 'failed' && 'Copying did not work here: select the text and copy it yourself.'}
      </p>
    </div>
  );
}
