import { useEffect, useRef, useState, type FormEvent } from 'react';
import { ConfirmAction } from '../../../components/confirm-action';
import { TextField } from '../../../components/form/field';
import { FormAlert } from '../../../components/form/form-alert';
import { readText } from '../../../components/form/read-text';
import { serverFieldError } from '../../../components/form/server-field-error';
import { useFocusFirstInvalid } from '../../../components/form/use-focus-first-invalid';
import type { Role } from '../../../types/api';
import { useEndPersonSessions } from '../api/end-person-sessions';
import type { Person } from '../api/get-people';
import { useSetPersonDisabled } from '../api/set-person-disabled';
import { useUpdatePerson } from '../api/update-person';
import { RoleAndStateFields, type RoleAndStateErrors } from './role-and-state-fields';

interface PersonManagerProps {
  person: Person;
  /** The administrator looking at their own account: no lock-out by accident (their own sign-out is in the account menu). */
  isYou: boolean;
  onClose: () => void;
}

/** Everything an administrator changes about one person, opened from their row. */
export function PersonManager({ person, isYou, onClose }: PersonManagerProps) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  return (
    <div className="manager">
      <h3 ref={headingRef} tabIndex={-1}>
        Manage {person.name}
      </h3>
      <PersonForm person={person} isYou={isYou} />
      <div className="manager__actions">
        <AccountActions person={person} isYou={isYou} />
        <button type="button" className="button button--secondary button--small" onClick={onClose}>
          Close<span className="visually-hidden"> {person.name}</span>
        </button>
      </div>
    </div>
  );
}

interface PersonErrors extends RoleAndStateErrors {
  name?: string;
}

const FIELD_OF_ERROR: Partial<Record<string, keyof PersonErrors>> = {
  INVALID_NAME: 'name',
  MEMBER_STATE_REQUIRED: 'memberState',
  UNKNOWN_MEMBER_STATE: 'memberState',
  INACTIVE_MEMBER_STATE: 'memberState',
};

function PersonForm({ person, isYou }: { person: Person; isYou: boolean }) {
  const update = useUpdatePerson();
  const [role, setRole] = useState<Role>(person.role);
  const [errors, setErrors] = useState<PersonErrors>({});
  const [formRef, focusFirstInvalid] = useFocusFirstInvalid();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (update.isPending) return;
    const form = event.currentTarget;
    const name = readText(form, 'name').trim();
    const memberState = role === 'delegate' ? readText(form, 'memberState') : null;
    const found: PersonErrors = {};
    if (name === '') found.name = 'Enter a name.';
    if (memberState === '') found.memberState = 'Choose the member state the delegate answers for.';
    setErrors(found);
    update.reset();
    if (Object.keys(found).length > 0) {
      focusFirstInvalid();
      return;
    }
    update.mutate(
      { id: person.id, changes: isYou ? { name } : { name, role, memberState } },
      {
        onError: (error) => {
          const fieldErrors = serverFieldError(error, FIELD_OF_ERROR);
          if (!fieldErrors) return;
          setErrors(fieldErrors);
          focusFirstInvalid();
        },
      },
    );
  }

  const fieldError = serverFieldError(update.error, FIELD_OF_ERROR) !== null;
  return (
    <form ref={formRef} className="form" onSubmit={submit} noValidate aria-label={`Details of ${person.name}`}>
      <FormAlert error={fieldError ? null : update.error} title="The changes were not saved" />
      {update.isSuccess && (
        <p className="notice notice--success" role="status">
          Saved.
        </p>
      )}
      <div className="form__grid">
        <TextField label="Name" name="name" defaultValue={person.name} autoComplete="off" error={errors.name} required />
        {isYou ? (
          <p className="muted">
            You cannot change your own role: ask another administrator, so that nobody locks themselves out by mistake.
          </p>
        ) : (
          <RoleAndStateFields role={role} onRoleChange={setRole} defaultMemberState={person.memberState} errors={errors} />
        )}
      </div>
      {!isYou && (
        <p className="field__hint">A new role or member state signs {person.name} out everywhere, so that it applies at once.</p>
      )}
      <div className="button-row">
        <button type="submit" className="button button--small" disabled={update.isPending}>
          {update.isPending ? 'Saving…' : 'Save changes'}
        </button>
      </div>
    </form>
  );
}

function AccountActions({ person, isYou }: { person: Person; isYou: boolean }) {
  const setDisabled = useSetPersonDisabled();
  const endSessions = useEndPersonSessions();
  const disabled = person.disabledAt !== null;
  return (
    <>
      {endSessions.isSuccess && (
        <p className="notice notice--success" role="status">
          {person.name} has been signed out ({endSessions.data.ended} {endSessions.data.ended === 1 ? 'session' : 'sessions'}{' '}
          ended).
        </p>
      )}
      {!isYou && !disabled && (
        <ConfirmAction
          question={`Sign ${person.name} out on every device? Their API tokens keep working.`}
          confirmLabel="End sessions"
          pendingLabel="Ending sessions…"
          onConfirm={() => endSessions.mutateAsync({ id: person.id })}
        >
          End sessions
        </ConfirmAction>
      )}
      {!isYou && !disabled && (
        <ConfirmAction
          question={`Disable the account of ${person.name}? They are signed out everywhere and their API tokens stop working. You can enable it again later.`}
          confirmLabel="Disable account"
          pendingLabel="Disabling…"
          onConfirm={() => setDisabled.mutateAsync({ id: person.id, disabled: true })}
          destructive
        >
          Disable account
        </ConfirmAction>
      )}
      {disabled && (
        <ConfirmAction
          question={`Enable the account of ${person.name} again? They can sign in and use their API tokens again.`}
          confirmLabel="Enable account"
          pendingLabel="Enabling…"
          onConfirm={() => setDisabled.mutateAsync({ id: person.id, disabled: false })}
        >
          Enable account
        </ConfirmAction>
      )}
    </>
  );
}
