import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { ErrorState } from '../../../components/feedback/error-state';
import { LoadingState } from '../../../components/feedback/loading-state';
import { TextField } from '../../../components/form/field';
import { FormAlert } from '../../../components/form/form-alert';
import { readText } from '../../../components/form/read-text';
import { serverFieldError } from '../../../components/form/server-field-error';
import { useFocusFirstInvalid } from '../../../components/form/use-focus-first-invalid';
import { Page } from '../../../components/layout/page';
import { paths } from '../../../config/paths';
import { ROLE_LABELS } from '../../../config/roles';
import { formatDate } from '../../../lib/format-date';
import { isApiError } from '../../../lib/api-client';
import { useAcceptInvitation } from '../api/accept-invitation';
import { useMe } from '../api/get-me';
import { useInvitation, type InvitationPreview } from '../api/get-invitation';
import { checkNewPassword, NewPasswordFields } from './new-password-fields';

const isUnknownLink = (error: unknown) => isApiError(error) && error.status === 404;

/** Where an invitation link leads: who it is for, then a name and a password to create the account. */
export function InvitationPage({ token }: { token: string }) {
  const invitation = useInvitation(token);

  if (invitation.isPending) {
    return (
      <Page title="Your invitation">
        <LoadingState label="Opening the invitation…" />
      </Page>
    );
  }
  if (invitation.isError) {
    if (isUnknownLink(invitation.error)) return <UnusableLink />;
    return (
      <Page title="Your invitation">
        <ErrorState
          error={invitation.error}
          title="The invitation could not be opened"
          onRetry={() => void invitation.refetch()}
          isRetrying={invitation.isFetching}
        />
      </Page>
    );
  }
  return <AcceptInvitation token={token} invitation={invitation.data} />;
}

function UnusableLink() {
  return (
    <Page
      title="This invitation link does not work"
      lead="The link is unknown, has already been used, or has expired. Each link works once and for 14 days."
    >
      <p>Ask the survey administrator for a new invitation link.</p>
      <p>
        If you have already created your account with this link, <Link to={paths.signIn.getHref()}>sign in</Link>{' '}
        instead.
      </p>
    </Page>
  );
}

interface AcceptErrors {
  name?: string;
  password?: string;
  confirmation?: string;
}

const FIELD_OF_ERROR: Partial<Record<string, keyof AcceptErrors>> = {
  WEAK_PASSWORD: 'password',
  INVALID_NAME: 'name',
};

function AcceptInvitation({ token, invitation }: { token: string; invitation: InvitationPreview }) {
  const navigate = useNavigate();
  const me = useMe();
  const accept = useAcceptInvitation();
  const [errors, setErrors] = useState<AcceptErrors>({});
  const [formRef, focusFirstInvalid] = useFocusFirstInvalid();

  if (isUnknownLink(accept.error)) return <UnusableLink />;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (accept.isPending) return;
    const form = event.currentTarget;
    const name = readText(form, 'name').trim();
    const password = readText(form, 'password');
    const found: AcceptErrors = checkNewPassword(password, readText(form, 'confirmation'));
    if (name === '') found.name = 'Enter your name.';
    setErrors(found);
    accept.reset();
    if (Object.keys(found).length > 0) {
      focusFirstInvalid();
      return;
    }
    accept.mutate(
      { token, name, password },
      {
        onSuccess: () => void navigate(paths.home.getHref(), { replace: true }),
        onError: (error) => {
          const fieldErrors = serverFieldError(error, FIELD_OF_ERROR);
          if (!fieldErrors) return;
          setErrors(fieldErrors);
          focusFirstInvalid();
        },
      },
    );
  }

  const role = ROLE_LABELS[invitation.role].toLowerCase();
  const memberState = invitation.memberStateName ?? invitation.memberState;
  const fieldError = serverFieldError(accept.error, FIELD_OF_ERROR) !== null;
  return (
    <Page
      title="Create your account"
      lead={`You have been invited to take part as ${memberState ? `${role} of ${memberState}` : role}.`}
    >
      <dl className="facts">
        <dt>E-mail address</dt>
        <dd>{invitation.email}</dd>
        <dt>Role</dt>
        <dd>{ROLE_LABELS[invitation.role]}</dd>
        {memberState && (
          <>
            <dt>Member state</dt>
            <dd>{memberState}</dd>
          </>
        )}
        <dt>Link valid until</dt>
        <dd>
          <time dateTime={invitation.expiresAt}>{formatDate(invitation.expiresAt)}</time>
        </dd>
      </dl>
      {me.data && (
        <p className="notice notice--warning">
          You are signed in as {me.data.email}. Creating this account signs you out of that one.
        </p>
      )}
      <form ref={formRef} className="form form--narrow" onSubmit={submit} noValidate>
        <FormAlert error={fieldError ? null : accept.error} title="Your account was not created" />
        <input type="email" name="username" autoComplete="username" value={invitation.email} readOnly hidden />
        <TextField
          label="Your name"
          name="name"
          autoComplete="name"
          hint="As colleagues should see it, e.g. in comments on answers."
          defaultValue={invitation.name ?? ''}
          error={errors.name}
          required
        />
        <NewPasswordFields label="Choose a password" errors={errors} />
        <div className="button-row">
          <button type="submit" className="button" disabled={accept.isPending}>
            {accept.isPending ? 'Creating your account…' : 'Create my account'}
          </button>
        </div>
      </form>
    </Page>
  );
}
