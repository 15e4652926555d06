import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import './prompt-action.css';
import { messageOf } from './form/form-alert';

interface PromptActionProps {
  /** The button that opens it, e.g. "Return to the delegates". */
  children: ReactNode;
  /** The dialog's heading, e.g. "Return the reply". */
  title: string;
  /** What the text is for, e.g. "Message to the delegates". */
  label: string;
  /** Said when the text is left blank. */
  requiredMessage: string;
  confirmLabel: string;
  pendingLabel: string;
  /** Shown between the heading and the text, e.g. what goes along with it. */
  details?: ReactNode;
  /** Does the work with the text; the dialog closes when it succeeds and stays open with the error when it fails. */
  onConfirm: (text: string) => Promise<unknown>;
}

/**
 * An action that needs a few words (a message, a reason) before it happens: a dialog opens in
 * place of the button (no modal), with the focus in its text box; "Cancel" or Escape closes it and
 * puts the focus back on the button. A refusal from the server shows inside the dialog.
 */
export function PromptAction({ children, title, label, requiredMessage, confirmLabel, pendingLabel, details, onConfirm }: PromptActionProps) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const [blank, setBlank] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const textRef = useRef<HTMLTextAreaElement>(null);
  const triggerRef = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef(false);

  useEffect(() => {
    if (open) textRef.current?.focus();
    else if (returnFocus.current) triggerRef.current?.focus();
    returnFocus.current = false;
  }, [open]);

  function close() {
    returnFocus.current = true;
    setError(null);
    setBlank(false);
    setOpen(false);
  }

  async function confirm(event: FormEvent) {
    event.preventDefault();
    const trimmed = text.trim();
    setError(null);
    if (trimmed === '') {
      setBlank(true);
      textRef.current?.focus();
      return;
    }
    setBlank(false);
    setPending(true);
    try {
      await onConfirm(trimmed);
      setText('');
      close();
    } catch (failure) {
      setError(failure);
    } finally {
      setPending(false);
    }
  }

  if (!open) {
    return (
      <button ref={triggerRef} type="button" className="button button--secondary button--small" onClick={() => setOpen(true)}>
        {children}
      </button>
    );
  }
  return (
    <div
      className="prompt"
      role="dialog"
      aria-labelledby={`${id}-title`}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && !pending) close();
      }}
    >
      <h2 id={`${id}-title`} className="prompt__title">
        {title}
      </h2>
      {details}
      <form onSubmit={(event) => void confirm(event)} noValidate>
        <div className={blank ? 'field field--invalid' : 'field'}>
          <label className="field__label" htmlFor={`${id}-text`}>
            {label}
          </label>
          {blank && (
            <p className="field__error" id={`${id}-error`}>
              <span className="visually-hidden">Error: </span>
              {requiredMessage}
            </p>
          )}
          <textarea
            ref={textRef}
            id={`${id}-text`}
            className="input prompt__text"
            rows={4}
            required
            value={text}
            onChange={(event) => setText(event.target.value)}
            aria-invalid={blank ? true : undefined}
            aria-describedby={blank ? `${id}-error` : undefined}
          />
        </div>
        {error !== null && (
          <p className="confirm__error" role="alert">
            {messageOf(error)}
          </p>
        )}
        <div className="button-row">
          <button type="submit" className="button button--small" disabled={pending}>
            {pending ? pendingLabel : confirmLabel}
          </button>
          <button type="button" className="button button--secondary button--small" onClick={close} disabled={pending}>
            Cancel
          </button>
        </div>
      </form>
    </div>
  );
}
