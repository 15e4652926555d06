import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import './prompt-action.css';
import { messageOf } from './form/form-alert';

/** What the action asks before it happens: a yes or no, or a few words (a message, a reason). */
export type InlineAsk =
  | { kind: 'confirm'; question: ReactNode }
  | {
      kind: 'text';
      /** The dialog's heading, e.g. "Return the reply". */
      title: string;
      /** What the text is for, e.g. "Message to the delegates". */
      label: string;
      /** Said when the text is left blank. */
      requiredMessage: string;
      /** Shown between the heading and the text, e.g. what goes along with it. */
      details?: ReactNode;
    };

interface InlineActionProps {
  /** The button that opens it, e.g. "Revoke". */
  children: ReactNode;
  ask: InlineAsk;
  confirmLabel: string;
  pendingLabel: string;
  /** Red for what cannot be undone or cuts someone off. */
  destructive?: boolean;
  /** Does the work (with the text, when one is asked for); it closes when that succeeds and stays open with the error when it fails. */
  onConfirm: (text: string) => Promise<unknown>;
}

/**
 * An action that asks first, in place of its button (no modal): the question or the text box
 * appears where the button was, with the focus in it; "Cancel" or Escape closes it and puts the
 * focus back on the button. A refusal from the server shows inside it.
 */
export function InlineAction({ children, ask, confirmLabel, pendingLabel, destructive = false, onConfirm }: InlineActionProps) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const [blank, setBlank] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const focusRef = useRef<HTMLElement | null>(null);
  const triggerRef = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef(false);

  useEffect(() => {
    if (open) focusRef.current?.focus();
    else if (returnFocus.current) triggerRef.current?.focus();
    returnFocus.current = false;
  }, [open]);

  function close() {
    returnFocus.current = true;
    setError(null);
    setBlank(false);
    setOpen(false);
  }

  async function confirm(event?: FormEvent) {
    event?.preventDefault();
    const trimmed = text.trim();
    setError(null);
    if (ask.kind === 'text' && trimmed === '') {
      setBlank(true);
      focusRef.current?.focus();
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
      <button
        ref={triggerRef}
        type="button"
        className={destructive ? 'button button--secondary button--danger-outline button--small' : 'button button--secondary button--small'}
        onClick={() => setOpen(true)}
      >
        {children}
      </button>
    );
  }

  const buttons = (
    <>
      {error !== null && (
        <p className="confirm__error" role="alert">
          {messageOf(error)}
        </p>
      )}
      <div className="button-row">
        {/* A plain button for a yes or no: the question may sit inside someone else's form, where a form of its own may not. */}
        <button
          type={ask.kind === 'text' ? 'submit' : 'button'}
          className={destructive ? 'button button--danger button--small' : 'button button--small'}
          onClick={ask.kind === 'text' ? undefined : () => void confirm()}
          disabled={pending}
        >
          {pending ? pendingLabel : confirmLabel}
        </button>
        <button type="button" className="button button--secondary button--small" onClick={close} disabled={pending}>
          Cancel
        </button>
      </div>
    </>
  );
  const onKeyDown = (event: { key: string }) => {
    if (event.key === 'Escape' && !pending) close();
  };

  if (ask.kind === 'confirm') {
    return (
      <div
        ref={(element) => void (focusRef.current = element)}
        className="confirm"
        role="group"
        aria-labelledby={`${id}-question`}
        tabIndex={-1}
        onKeyDown={onKeyDown}
      >
        <p id={`${id}-question`} className="confirm__question">
          {ask.question}
        </p>
        {buttons}
      </div>
    );
  }
  return (
    <div className="prompt" role="dialog" aria-labelledby={`${id}-title`} onKeyDown={onKeyDown}>
      <h2 id={`${id}-title`} className="prompt__title">
        {ask.title}
      </h2>
      {ask.details}
      <form onSubmit={(event) => void confirm(event)} noValidate>
        <div className={blank ? 'field field--invalid' : 'field'}>
          <label className="field__label" htmlFor={`${id}-text`}>
            {ask.label}
          </label>
          {blank && (
            <p className="field__error" id={`${id}-error`}>
              <span className="visually-hidden">Error: </span>
              {ask.requiredMessage}
            </p>
          )}
          <textarea
            ref={(element) => void (focusRef.current = element)}
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
        {buttons}
      </form>
    </div>
  );
}
