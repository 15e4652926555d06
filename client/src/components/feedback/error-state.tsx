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
};

export function ErrorState({ error, title = 'Something went wrong', onRetry, isRetrying = false }: ErrorStateProps) {
  const message = isApiError(error) ? error.message : GENERIC_MESSAGE;
  const hint = isApiError(error) ? HINTS[error.status] : undefined;
  return (
    <div className="state state--error" role="alert">
      <h2 className="state__title">{title}</h2>
      <p>{message}</p>
      {hint && <p className="state__hint">{hint}</p>}
      {onRetry && (
        <button type="button" className="button button--secondary" onClick={onRetry} disabled={isRetrying}>
          {isRetrying ? 'Trying again…' : 'Try again'}
        </button>
      )}
    </div>
  );
}
