import { isApiError } from '../../lib/api-client';

interface ErrorStateProps {
  error: unknown;
  /** What failed, e.g. "The questionnaires could not be loaded". */
  title?: string;
  onRetry?: () => void;
  /** True while the retry is on its way: the button waits. */
  isRetrying?: boolean;
}

const GENERIC_MESSAGE = 'Something unexpected happened. Please try again.';

// A 401 shows here for a moment when a session ends while a page is open, until the session
// check sends the person to the sign-in page.
const HINTS: Partial<Record<number, string>> = {
  401: 'Your session may have ended. Sign in, then try again.',
  403: 'If you think you should have access, contact the survey administrator.',
  404: 'The link may be out of date, or what it names was removed. Go back and choose again.',
  422: 'Change what is named above, then load the page again.',
};

export function ErrorState({ error, title = 'Something went wrong', onRetry, isRetrying = false }: ErrorStateProps) {
  const message = isApiError(error) ? error.message : GENERIC_MESSAGE;
  const hint = isApiError(error) ? HINTS[error.status] : undefined;
  const problems = isApiError(error) ? detailMessages(error.details) : [];
  return (
    <div className="state state--error" role="alert">
      <h2 className="state__title">{title}</h2>
      <p>{message}</p>
      {problems.length > 0 && (
        <ul className="state__problems">
          {problems.map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      )}
      {hint && <p className="state__hint">{hint}</p>}
      {onRetry && mayHelpToRetry(error) && (
        <button type="button" className="button button--secondary" onClick={onRetry} disabled={isRetrying}>
          {isRetrying ? 'Trying again…' : 'Try again'}
        </button>
      )}
    </div>
  );
}

/**
 * Whether asking again can change the answer, and so whether "Try again" is offered: a lost
 * connection, a timeout, a busy or failing server (0, 408, 429, 5xx) or an ended session (401)
 * can; a refusal of what was asked (no such reply, not yours, bad parameters) comes back the
 * same however often it is asked, and a button there only sends the person round in a circle.
 */
export function mayHelpToRetry(error: unknown): boolean {
  if (!isApiError(error)) return true;
  return error.status === 0 || error.status === 401 || error.status === 408 || error.status === 429 || error.status >= 500;
}

/**
 * A 422's details name what was wrong (`[{ parameter | question, message, value? }]`): without
 * them "a query parameter has a value this route cannot use" does not say which.
 */
function detailMessages(details: unknown): string[] {
  if (!Array.isArray(details)) return [];
  return details.flatMap((detail: unknown) => {
    if (typeof detail !== 'object' || detail === null) return [];
    const { parameter, question, message, value } = detail as Record<string, unknown>;
    if (typeof message !== 'string') return [];
    const subject = typeof parameter === 'string' ? parameter : typeof question === 'string' ? question : null;
    const given = typeof value === 'string' ? ` (“${value}”)` : '';
    return [subject ? `${subject}${given}: ${message}` : message];
  });
}
