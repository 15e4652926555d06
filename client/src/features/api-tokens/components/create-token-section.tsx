import { useEffect, useRef, useState, type FormEvent } from 'react';
import { CopyField } from '../../../components/copy-field';
import { TextField } from '../../../components/form/field';
import { FormAlert } from '../../../components/form/form-alert';
import { readText } from '../../../components/form/read-text';
import { useFocusFirstInvalid } from '../../../components/form/use-focus-first-invalid';
import { isApiError } from '../../../lib/api-client';
import { useCreateApiToken, type CreatedApiToken } from '../api/create-api-token';

interface NewToken extends CreatedApiToken {
  name: string;
}

export function CreateTokenSection() {
  const create = useCreateApiToken();
  const [nameError, setNameError] = useState<string>();
  const [created, setCreated] = useState<NewToken | null>(null);
  const [formRef, focusFirstInvalid] = useFocusFirstInvalid();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (create.isPending) return;
    const form = event.currentTarget;
    const name = readText(form, 'name').trim();
    create.reset();
    setCreated(null);
    if (name === '') {
      setNameError('Give the token a name, e.g. the script that uses it.');
      focusFirstInvalid();
      return;
    }
    setNameError(undefined);
    create.mutate(
      { name },
      {
        onSuccess: (token) => {
          form.reset();
          setCreated({ ...token, name });
        },
        onError: (error) => {
          if (!isApiError(error) || error.status !== 422) return;
          setNameError(error.message);
          focusFirstInvalid();
        },
      },
    );
  }

  const nameRefused = isApiError(create.error) && create.error.status === 422;
  return (
    <section className="section" aria-labelledby="create-token-heading">
      <h2 id="create-token-heading">Create a token</h2>
      {created ? (
        <NewTokenPanel token={created} onDone={() => setCreated(null)} />
      ) : (
        <form ref={formRef} className="form form--inline" onSubmit={submit} noValidate>
          <FormAlert error={nameRefused ? null : create.error} title="The token was not created" />
          <TextField
            label="Name"
            name="name"
            hint="What will use it, e.g. “Nightly export to the statistics server”."
            maxLength={100}
            autoComplete="off"
            error={nameError}
            required
          />
          <div className="button-row">
            <button type="submit" className="button" disabled={create.isPending}>
              {create.isPending ? 'Creating…' : 'Create token'}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}

/** The secret, once: it is not stored anywhere the page could show it again. */
function NewTokenPanel({ token, onDone }: { token: NewToken; onDone: () => void }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <div ref={ref} className="panel panel--highlight" tabIndex={-1} aria-labelledby="new-token-heading" role="region">
      <h3 id="new-token-heading">Your new token “{token.name}”</h3>
      <p className="notice notice--warning">
        <strong>Copy it now: it is shown only this once.</strong> When you leave or reload this page it cannot be
        shown again. Keep it as safe as a password.
      </p>
      <CopyField label="API token" value={token.token} />
      <button type="button" className="button button--secondary" onClick={onDone}>
        I have copied it
      </button>
    </div>
  );
}
