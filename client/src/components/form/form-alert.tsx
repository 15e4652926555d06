import { useEffect, useRef, type ReactNode } from 'react';
import { isApiError } from '../../lib/api-client';

const GENERIC_MESSAGE = 'Something unexpected happened. Please try again.';

interface FormAlertProps {
  /** The failure to show; nothing is shown while it is null. */
  error: unknown;
  /** What failed, e.g. "The invitation could not be created". */
  title: string;
  /** More than the server's message, e.g. what to do next. */
  children?: ReactNode;
}

/**
 * A form's failure as an alert, with the server's own message. It takes the focus when it
 * appears, so that keyboard and screen-reader users land on what went wrong.
 */
export function FormAlert({ error, title, children }: FormAlertProps) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (error) ref.current?.focus();
  }, [error]);
  if (!error) return null;
  return (
    <div ref={ref} className="form-alert" role="alert" tabIndex={-1}>
      <p className="form-alert__title">{title}</p>
      <p>{messageOf(error)}</p>
      {children}
    </div>
  );
}

export function messageOf(error: unknown): string {
  return isApiError(error) ? error.message : GENERIC_MESSAGE;
}
