import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { messageOf } from './form/form-alert';

interface ConfirmActionProps {
  /** The button that starts it, e.g. "Revoke". */
  children: ReactNode;
  /** What will happen, asked before it happens. */
  question: ReactNode;
  confirmLabel: string;
  pendingLabel: string;
  /** Does the work; the question closes when it succeeds and stays open with the error when it fails. */
  onConfirm: () => Promise<unknown>;
  /** Red for what cannot be undone or cuts someone off. */
  destructive?: boolean;
}

/**
 * An action that asks for confirmation in place (no modal): the question appears where the
 * button was, with the focus on it, and "Cancel" puts the focus back on the button.
 */
export function ConfirmAction({ children, question, confirmLabel, pendingLabel, onConfirm, destructive = false }: ConfirmActionProps) {
  const questionId = useId();
  const [open, setOpen] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const groupRef = useRef<HTMLDivElement>(null);
  const triggerRef = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef(false);

  useEffect(() => {
    if (open) groupRef.current?.focus();
    else if (returnFocus.current) triggerRef.current?.focus();
    returnFocus.current = false;
  }, [open]);

  function close() {
    returnFocus.current = true;
    setError(null);
    setOpen(false);
  }

  async function confirm() {
    setPending(true);
    setError(null);
    try {
      await onConfirm();
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
  return (
    <div ref={groupRef} className="confirm" role="group" aria-labelledby={questionId} tabIndex={-1}>
      <p id={questionId} className="confirm__question">
        {question}
      </p>
      {error !== null && (
        <p className="confirm__error" role="alert">
          {messageOf(error)}
        </p>
      )}
      <div className="button-row">
        <button
          type="button"
          className={destructive ? 'button button--danger button--small' : 'button button--small'}
          onClick={() => void confirm()}
          disabled={pending}
        >
          {pending ? pendingLabel : confirmLabel}
        </button>
        <button type="button" className="button button--secondary button--small" onClick={close} disabled={pending}>
          Cancel
        </button>
      </div>
    </div>
  );
}
