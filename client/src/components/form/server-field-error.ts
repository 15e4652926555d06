import { isApiError } from '../../lib/api-client';

/**
 * The server's refusal as the error of one form field, when its code belongs to a field
 * (`{ INVALID_EMAIL: 'email' }`); null when it is about the whole form.
 */
export function serverFieldError<Field extends string>(
  error: unknown,
  fieldOfCode: Partial<Record<string, Field>>,
): Partial<Record<Field, string>> | null {
  if (!isApiError(error)) return null;
  const field = fieldOfCode[error.code];
  return field === undefined ? null : ({ [field]: error.message } as Partial<Record<Field, string>>);
}
