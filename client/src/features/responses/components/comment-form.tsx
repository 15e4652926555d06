import { useEffect, useId, useRef, useState } from 'react';
import { messageOf } from '../../../components/form/form-alert';

interface CommentFormProps {
  /** The text box's label, e.g. "Your reply". */
  label: string;
  submitLabel: string;
  pendingLabel: string;
  /** Sends the comment; the form closes when it succeeds and keeps the text with the error when it fails. */
  onSubmit: (body: string) => Promise<unknown>;
  onClose: () => void;
}

/**
 * Writing a comment or a reply, with the focus in the text box as soon as it opens. Not a
 * `<form>`: it sits inside SurveyJS's own form, and forms do not nest.
 */
export function CommentForm({ label, submitLabel, pendingLabel, onSubmit, onClose }: CommentFormProps) {
  const id = useId();
  const [body, setBody] = useState('');
  const [blank, setBlank] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const textRef = useRef<HTMLTextAreaElement>(null);
  useEffect(() => textRef.current?.focus(), []);

  async function send() {
    setError(null);
    const trimmed = body.trim();
    setBlank(trimmed === '');
    if (trimmed === '') {
      textRef.current?.focus();
      return;
    }
    setPending(true);
    try {
      await onSubmit(trimmed);
      onClose();
    } catch (failure) {
      setError(failure);
      setPending(false);
    }
  }

  return (
    <div className="comment-form">
      <div className={blank ? 'field field--invalid' : 'field'}>
        <label className="field__label" htmlFor={`${id}-body`}>
          {label}
        </label>
        {blank && (
          <p className="field__error" id={`${id}-error`}>
            <span className="visually-hidden">Error: </span>
            Write something first.
          </p>
        )}
        <textarea
          ref={textRef}
          id={`${id}-body`}
          className="input comment-form__text"
          rows={3}
          required
          value={body}
          onChange={(event) => setBody(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Escape' && !pending) onClose();
            // Ctrl+Enter sends, as in most comment boxes; Enter alone makes a new line.
            if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) void send();
          }}
          aria-invalid={blank ? true : undefined}
          aria-describedby={blank ? `${id}-error` : undefined}
        />
      </div>
      {error !== null && (
        <p className="comment-form__error" role="alert">
          {messageOf(error)}
        </p>
      )}
      <div className="button-row">
        <button type="button" className="button button--small" disabled={pending} onClick={() => void send()}>
          {pending ? pendingLabel : submitLabel}
        </button>
        <button type="button" className="button button--secondary button--small" onClick={onClose} disabled={pending}>
          Cancel
        </button>
      </div>
    </div>
  );
}
