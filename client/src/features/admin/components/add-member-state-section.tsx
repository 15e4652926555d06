import { useState, type FormEvent } from 'react';
import { TextField } from '../../../components/form/field';
import { FormAlert } from '../../../components/form/form-alert';
import { readText } from '../../../components/form/read-text';
import { serverFieldError } from '../../../components/form/server-field-error';
import { useFocusFirstInvalid } from '../../../components/form/use-focus-first-invalid';
import { useCreateMemberState } from '../api/create-member-state';
import type { MemberState } from '../../../api/get-member-states';

interface AddErrors {
  code?: string;
  name?: string;
}

const FIELD_OF_ERROR: Partial<Record<string, keyof AddErrors>> = {
  MEMBER_STATE_EXISTS: 'code',
  INVALID_MEMBER_STATE_CODE: 'code',
  INVALID_MEMBER_STATE_NAME: 'name',
};

export function AddMemberStateSection() {
  const create = useCreateMemberState();
  const [errors, setErrors] = useState<AddErrors>({});
  const [added, setAdded] = useState<MemberState | null>(null);
  const [formRef, focusFirstInvalid] = useFocusFirstInvalid();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (create.isPending) return;
    const form = event.currentTarget;
    // Codes are capitals ("EE"); typing "ee" means the same.
    const code = readText(form, 'code').trim().toUpperCase();
    const name = readText(form, 'name').trim();
    const found: AddErrors = {};
    if (code === '') found.code = 'Enter the code, e.g. EE.';
    if (name === '') found.name = 'Enter the name, e.g. Estonia.';
    setErrors(found);
    setAdded(null);
    create.reset();
    if (Object.keys(found).length > 0) {
      focusFirstInvalid();
      return;
    }
    create.mutate(
      { code, name },
      {
        onSuccess: (state) => {
          form.reset();
          setAdded(state);
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
    <section className="section" aria-labelledby="add-state-heading">
      <h2 id="add-state-heading">Add a member state</h2>
      {added && (
        <p className="notice notice--success" role="status">
          {added.name} ({added.code}) has been added.
        </p>
      )}
      <form ref={formRef} className="form" onSubmit={submit} noValidate>
        <FormAlert error={fieldError ? null : create.error} title="The member state was not added" />
        <div className="form__grid">
          <TextField
            label="Code"
            name="code"
            hint="2–16 capital letters, digits or “-”, starting with a letter: EE, DE-BY. It cannot be changed later."
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            maxLength={16}
            error={errors.code}
            required
          />
          <TextField label="Name" name="name" autoComplete="off" maxLength={200} error={errors.name} required />
        </div>
        <div className="button-row">
          <button type="submit" className="button" disabled={create.isPending}>
            {create.isPending ? 'Adding…' : 'Add member state'}
          </button>
        </div>
      </form>
    </section>
  );
}
