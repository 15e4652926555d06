import { Fragment, useEffect, useRef, useState, type FormEvent } from 'react';
import { ConfirmAction } from '../../../components/confirm-action';
import { DataTable, spanOf } from '../../../components/data-table';
import { queryView } from '../../../components/feedback/query-view';
import { TextField } from '../../../components/form/field';
import { FormAlert } from '../../../components/form/form-alert';
import { readText } from '../../../components/form/read-text';
import { serverFieldError } from '../../../components/form/server-field-error';
import { useFocusFirstInvalid } from '../../../components/form/use-focus-first-invalid';
import { useMemberStates, type MemberState } from '../../../api/get-member-states';
import { useUpdateMemberState } from '../api/update-member-state';
import { ActiveBadge } from './active-badge';

const COLUMNS = ['Code', 'Name', 'Status'];

export function MemberStateTable() {
  const states = useMemberStates();
  const [renaming, setRenaming] = useState<string | null>(null);

  const view = queryView(states, {
    loading: 'Loading the member states…',
    errorTitle: 'The member states could not be loaded',
    empty: { title: 'No member states yet', body: 'Add the first one below.' },
  });
  if ('element' in view) return view.element;
  return (
    <DataTable columns={COLUMNS}>
      {view.data.map((state) => (
        <Fragment key={state.code}>
          <MemberStateRow
            state={state}
            renaming={renaming === state.code}
            onRename={() => setRenaming(renaming === state.code ? null : state.code)}
          />
          {renaming === state.code && (
            <tr id={`rename-${state.code}`} className="table__detail">
              <td colSpan={spanOf(COLUMNS)}>
                <RenameForm state={state} onDone={() => setRenaming(null)} />
              </td>
            </tr>
          )}
        </Fragment>
      ))}
    </DataTable>
  );
}

interface MemberStateRowProps {
  state: MemberState;
  renaming: boolean;
  onRename: () => void;
}

function MemberStateRow({ state, renaming, onRename }: MemberStateRowProps) {
  const update = useUpdateMemberState();
  const renameRef = useRef<HTMLButtonElement>(null);
  const wasRenaming = useRef(renaming);
  useEffect(() => {
    if (wasRenaming.current && !renaming && document.activeElement === document.body) renameRef.current?.focus();
    wasRenaming.current = renaming;
  }, [renaming]);

  const label = `${state.name} (${state.code})`;
  return (
    <tr>
      <th scope="row">{state.code}</th>
      <td>{state.name}</td>
      <td>
        <ActiveBadge active={state.active} inactiveLabel="Inactive" />
      </td>
      <td className="table__actions">
        <div className="button-row">
          <button
            ref={renameRef}
            type="button"
            className="button button--secondary button--small"
            aria-expanded={renaming}
            aria-controls={renaming ? `rename-${state.code}` : undefined}
            onClick={onRename}
          >
            Rename<span className="visually-hidden"> {label}</span>
          </button>
          {state.active ? (
            <ConfirmAction
              question={`Deactivate ${label}? Its responses and data are kept, but it gets no new responses and no new delegates. You can reactivate it at any time.`}
              confirmLabel="Deactivate"
              pendingLabel="Deactivating…"
              onConfirm={() => update.mutateAsync({ code: state.code, changes: { active: false } })}
              destructive
            >
              Deactivate<span className="visually-hidden"> {label}</span>
            </ConfirmAction>
          ) : (
            <ConfirmAction
              question={`Reactivate ${label}? It can get new responses and delegates again.`}
              confirmLabel="Reactivate"
              pendingLabel="Reactivating…"
              onConfirm={() => update.mutateAsync({ code: state.code, changes: { active: true } })}
            >
              Reactivate<span className="visually-hidden"> {label}</span>
            </ConfirmAction>
          )}
        </div>
      </td>
    </tr>
  );
}

const FIELD_OF_ERROR: Partial<Record<string, 'name'>> = { INVALID_MEMBER_STATE_NAME: 'name' };

function RenameForm({ state, onDone }: { state: MemberState; onDone: () => void }) {
  const update = useUpdateMemberState();
  const [error, setError] = useState<string>();
  const [formRef, focusFirstInvalid] = useFocusFirstInvalid();
  const inputRef = useRef<HTMLInputElement>(null);
  useEffect(() => inputRef.current?.focus(), []);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (update.isPending) return;
    const name = readText(event.currentTarget, 'name').trim();
    update.reset();
    if (name === '') {
      setError('Enter the new name.');
      focusFirstInvalid();
      return;
    }
    setError(undefined);
    update.mutate(
      { code: state.code, changes: { name } },
      {
        onSuccess: onDone,
        onError: (failure) => {
          const fieldErrors = serverFieldError(failure, FIELD_OF_ERROR);
          if (!fieldErrors) return;
          setError(fieldErrors.name);
          focusFirstInvalid();
        },
      },
    );
  }

  const fieldError = serverFieldError(update.error, FIELD_OF_ERROR) !== null;
  return (
    <form ref={formRef} className="form form--inline" onSubmit={submit} noValidate aria-label={`Rename ${state.code}`}>
      <FormAlert error={fieldError ? null : update.error} title="The name was not changed" />
      <TextField
        ref={inputRef}
        label={`New name of ${state.code}`}
        name="name"
        defaultValue={state.name}
        autoComplete="off"
        maxLength={200}
        error={error}
        required
      />
      <div className="button-row">
        <button type="submit" className="button button--small" disabled={update.isPending}>
          {update.isPending ? 'Saving…' : 'Save name'}
        </button>
        <button type="button" className="button button--secondary button--small" onClick={onDone} disabled={update.isPending}>
          Cancel
        </button>
      </div>
    </form>
  );
}
