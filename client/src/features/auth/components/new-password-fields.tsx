import { TextField } from '../../../components/form/field';

export const MIN_PASSWORD_LENGTH = 12;

export interface NewPasswordErrors {
  password?: string;
  confirmation?: string;
}

/**
 * The checks worth making before asking the server: long enough, typed the same twice. The
 * server decides the rest (common passwords, the e-mail address as password…).
 */
export function checkNewPassword(password: string, confirmation: string): NewPasswordErrors {
  const errors: NewPasswordErrors = {};
  if (password.length < MIN_PASSWORD_LENGTH) {
    errors.password = `The password must have at least ${MIN_PASSWORD_LENGTH} characters.`;
  }
  if (confirmation === '') errors.confirmation = 'Type the password again.';
  else if (confirmation !== password) errors.confirmation = 'The two passwords are not the same.';
  return errors;
}

interface NewPasswordFieldsProps {
  label: string;
  errors: NewPasswordErrors;
}

/** A new password, typed twice; the form reads them as `password` and `confirmation`. */
export function NewPasswordFields({ label, errors }: NewPasswordFieldsProps) {
  return (
    <>
      <TextField
        label={label}
        name="password"
        type="password"
        autoComplete="new-password"
        hint={`At least ${MIN_PASSWORD_LENGTH} characters. A few unrelated words make a password that is easy to remember and hard to guess.`}
        error={errors.password}
        required
      />
      <TextField
        label="Type the password again"
        name="confirmation"
        type="password"
        autoComplete="new-password"
        error={errors.confirmation}
        required
      />
    </>
  );
}
