import { useState, type FormEvent } from 'react';
import { Navigate, useLocation, useNavigate, useSearchParams } from 'react-router';
import { LoadingState } from '../../../components/feedback/loading-state';
import { TextField } from '../../../components/form/field';
import { FormAlert } from '../../../components/form/form-alert';
import { readText } from '../../../components/form/read-text';
import { useFocusFirstInvalid } from '../../../components/form/use-focus-first-invalid';
import { Page } from '../../../components/layout/page';
import { paths, safeNextPath } from '../../../config/paths';
import { isApiError } from '../../../lib/api-client';
import { useMe } from '../api/get-me';
import { useSignIn } from '../api/sign-in';

/** What the page that sent someone here may say, e.g. after signing out. */
export interface SignInNotice {
  notice: string;
}

export function SignInPage() {
  const me = useMe();
  const [searchParams] = useSearchParams();
  const next = safeNextPath(searchParams.get('next')) ?? paths.home.getHref();
  const notice = noticeFrom(useLocation().state);

  if (me.data) return <Navigate to={next} replace />;
  return (
    <Page title="Sign in" lead="Sign in with the e-mail address and password of your account.">
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      {me.isPending ? <LoadingState label="Checking whether you are signed in…" /> : <SignInForm next={next} />}
      <div className="prose">
        <h2>No account yet?</h2>
        <p>
          Accounts are created by invitation. Open the invitation link that the survey administrator sent you. If
          you have forgotten your password, ask the administrator for a new one.
        </p>
      </div>
    </Page>
  );
}

interface SignInErrors {
  email?: string;
  password?: string;
}

function SignInForm({ next }: { next: string }) {
  const navigate = useNavigate();
  const signIn = useSignIn();
  const [errors, setErrors] = useState<SignInErrors>({});
  const [formRef, focusFirstInvalid] = useFocusFirstInvalid();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (signIn.isPending) return;
    const email = readText(event.currentTarget, 'email').trim();
    const password = readText(event.currentTarget, 'password');
    const found: SignInErrors = {};
    if (email === '') found.email = 'Enter your e-mail address.';
    if (password === '') found.password = 'Enter your password.';
    setErrors(found);
    if (found.email || found.password) {
      signIn.reset();
      focusFirstInvalid();
      return;
    }
    signIn.mutate({ email, password }, { onSuccess: () => void navigate(next, { replace: true }) });
  }

  return (
    <form ref={formRef} className="form form--narrow" onSubmit={submit} noValidate>
      <FormAlert error={signIn.error} title="You could not be signed in">
        {isApiError(signIn.error) && signIn.error.status === 429 && <RetryAfter details={signIn.error.details} />}
      </FormAlert>
      <TextField
        label="E-mail address"
        name="email"
        type="email"
        autoComplete="username"
        spellCheck={false}
        error={errors.email}
        required
      />
      <TextField
        label="Password"
        name="password"
        type="password"
        autoComplete="current-password"
        error={errors.password}
        required
      />
      <div className="button-row">
        <button type="submit" className="button" disabled={signIn.isPending}>
          {signIn.isPending ? 'Signing in…' : 'Sign in'}
        </button>
      </div>
    </form>
  );
}

/** After too many failed attempts: how long to wait, when the server said. */
function RetryAfter({ details }: { details: unknown }) {
  const seconds =
    typeof details === 'object' && details !== null && 'retryAfterSeconds' in details ? Number(details.retryAfterSeconds) : NaN;
  if (!Number.isFinite(seconds) || seconds <= 0) return null;
  const minutes = Math.ceil(seconds / 60);
  return (
    <p>You can try again in about {minutes === 1 ? 'a minute' : `${minutes} minutes`}.</p>
  );
}

function noticeFrom(state: unknown): string | null {
  if (typeof state !== 'object' || state === null || !('notice' in state)) return null;
  return typeof state.notice === 'string' ? state.notice : null;
}
