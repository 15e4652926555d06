import { useState, type FormEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { TextField } from '../../../components/form/field';
import { FormAlert } from '../../../components/form/form-alert';
import { readText } from '../../../components/form/read-text';
import { serverFieldError } from '../../../components/form/server-field-error';
import { useFocusFirstInvalid } from '../../../components/form/use-focus-first-invalid';
import { Page } from '../../../components/layout/page';
import { paths, safeNextPath } from '../../../config/paths';
import { useChangePassword } from '../api/change-password';
import { useSignedInUser } from '../api/get-me';
import { checkNewPassword, NewPasswordFields } from './new-password-fields';

interface ChangePasswordErrors {
  currentPassword?: string;
  password?: string;
  confirmation?: string;
}

/** The server's refusals that belong to one field rather than to the whole form. */
const FIELD_OF_ERROR: Partial<Record<string, keyof ChangePasswordErrors>> = {
  WRONG_CURRENT_PASSWORD: 'currentPassword',
  WEAK_PASSWORD: 'password',
};

export function ChangePasswordPage() {
  const user = useSignedInUser();
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  const changePassword = useChangePassword();
  const [errors, setErrors] = useState<ChangePasswordErrors>({});
  const [changed, setChanged] = useState(false);
  const [formRef, focusFirstInvalid] = useFocusFirstInvalid();
  // Decided on arrival: once the new password is saved the person no longer "must" change it.
  const [forced] = useState(user.mustChangePassword);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (changePassword.isPending) return;
    const form = event.currentTarget;
    const currentPassword = readText(form, 'currentPassword');
    const newPassword = readText(form, 'password');
    const found: ChangePasswordErrors = checkNewPassword(newPassword, readText(form, 'confirmation'));
    if (currentPassword === '') found.currentPassword = 'Enter your current password.';
    setErrors(found);
    setChanged(false);
    changePassword.reset();
    if (Object.keys(found).length > 0) {
      focusFirstInvalid();
      return;
    }
    changePassword.mutate(
      { currentPassword, newPassword },
      {
        onSuccess: () => {
          if (forced) {
            void navigate(safeNextPath(searchParams.get('next')) ?? paths.home.getHref(), { replace: true });
            return;
          }
          form.reset();
          setChanged(true);
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

  const fieldError = serverFieldError(changePassword.error, FIELD_OF_ERROR) !== null;
  return (
    <Page
      title={forced ? 'Choose your own password' : 'Change your password'}
      lead={
        forced
          ? 'You signed in with a password someone else gave you. Choose a password of your own before you continue.'
          : 'Changing your password signs you out on your other devices; this one stays signed in.'
      }
    >
      {changed && (
        <p className="notice notice--success" role="status">
          Your password has been changed. You have been signed out on your other devices.
        </p>
      )}
      <form ref={formRef} className="form form--narrow" onSubmit={submit} noValidate>
        <FormAlert error={fieldError ? null : changePassword.error} title="Your password was not changed" />
        <input type="text" name="username" autoComplete="username" value={user.email} readOnly hidden />
        <TextField
          label="Current password"
          name="currentPassword"
          type="password"
          autoComplete="current-password"
          error={errors.currentPassword}
          required
        />
        <NewPasswordFields label="New password" errors={errors} />
        <div className="button-row">
          <button type="submit" className="button" disabled={changePassword.isPending}>
            {changePassword.isPending ? 'Saving…' : 'Save the new password'}
          </button>
        </div>
      </form>
    </Page>
  );
}
