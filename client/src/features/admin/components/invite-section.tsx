import { useEffect, useRef, useState, type FormEvent } from 'react';
import { CopyField } from '../../../components/copy-field';
import { TextField } from '../../../components/form/field';
import { FormAlert } from '../../../components/form/form-alert';
import { readText } from '../../../components/form/read-text';
import { serverFieldError } from '../../../components/form/server-field-error';
import { useFocusFirstInvalid } from '../../../components/form/use-focus-first-invalid';
import { ROLE_LABELS } from '../../../config/roles';
import { formatDate } from '../../../lib/format-date';
import type { Role } from '../../../types/api';
import { useCreateInvitation, type CreatedInvitation } from '../api/create-invitation';
import { RoleAndStateFields } from './role-and-state-fields';

interface InviteErrors {
  email?: string;
  name?: string;
  memberState?: string;
}

const FIELD_OF_ERROR: Partial<Record<string, keyof InviteErrors>> = {
  INVALID_EMAIL: 'email',
  USER_EXISTS: 'email',
  INVALID_NAME: 'name',
  MEMBER_STATE_REQUIRED: 'memberState',
  UNKNOWN_MEMBER_STATE: 'memberState',
  INACTIVE_MEMBER_STATE: 'memberState',
};

interface SentInvitation extends CreatedInvitation {
  email: string;
  role: Role;
}

export function InviteSection() {
  const create = useCreateInvitation();
  const [role, setRole] = useState<Role>('delegate');
  const [errors, setErrors] = useState<InviteErrors>({});
  const [sent, setSent] = useState<SentInvitation | null>(null);
  const [formRef, focusFirstInvalid] = useFocusFirstInvalid();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (create.isPending) return;
    const form = event.currentTarget;
    const email = readText(form, 'email').trim();
    const name = readText(form, 'name').trim();
    const memberState = readText(form, 'memberState');
    const found: InviteErrors = {};
    if (email === '') found.email = 'Enter the e-mail address of the person to invite.';
    if (role === 'delegate' && memberState === '') found.memberState = 'Choose the member state the delegate answers for.';
    setErrors(found);
    create.reset();
    if (Object.keys(found).length > 0) {
      focusFirstInvalid();
      return;
    }
    create.mutate(
      { email, role, ...(name ? { name } : {}), ...(role === 'delegate' ? { memberState } : {}) },
      {
        onSuccess: (invitation) => {
          form.reset();
          setSent({ ...invitation, email, role });
        },
        onError: (error) => {
          const fieldErrors = serverFieldError(error, FIELD_OF_ERROR);
          if (!fieldErrors) return;
          setErrors(fieldErrors);
          focusFirstInvalid();
        },
      },
    );
  }

  const fieldError = serverFieldError(create.error, FIELD_OF_ERROR) !== null;
  return (
    <section className="section" aria-labelledby="invite-heading">
      <h2 id="invite-heading">Invite someone</h2>
      {sent && <SentPanel invitation={sent} onDone={() => setSent(null)} />}
      <form ref={formRef} className="form" onSubmit={submit} noValidate>
        <FormAlert error={fieldError ? null : create.error} title="The invitation was not created" />
        <div className="form__grid">
          <TextField label="E-mail address" name="email" type="email" autoComplete="off" spellCheck={false} error={errors.email} required />
          <TextField
            label="Name (optional)"
            name="name"
            autoComplete="off"
            hint="They can change it when they accept."
            error={errors.name}
          />
          <RoleAndStateFields role={role} onRoleChange={setRole} errors={errors} />
        </div>
        <div className="button-row">
          <button type="submit" className="button" disabled={create.isPending}>
            {create.isPending ? 'Creating the invitation…' : 'Create invitation link'}
          </button>
        </div>
      </form>
    </section>
  );
}

/** The link to send: there is no mail server, and it cannot be shown again later. */
function SentPanel({ invitation, onDone }: { invitation: SentInvitation; onDone: () => void }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), [invitation]);
  return (
    <div ref={ref} className="panel panel--highlight" role="region" aria-labelledby="sent-heading" tabIndex={-1}>
      <h3 id="sent-heading">Invitation link for {invitation.email}</h3>
      <p>
        Send this link to {invitation.email} yourself, for example by e-mail. It creates an account with the role
        “{ROLE_LABELS[invitation.role]}”, works once, and expires on{' '}
        <time dateTime={invitation.expiresAt}>{formatDate(invitation.expiresAt)}</time>.
      </p>
      <p className="notice notice--warning">Copy it now: the link cannot be shown again once you close this.</p>
      <CopyField label="Invitation link" value={invitation.url} />
      <button type="button" className="button button--secondary" onClick={onDone}>
        Close
      </button>
    </div>
  );
}
