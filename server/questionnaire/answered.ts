/**
 * The API's definition of "unanswered": absent, an empty string, an empty array or an empty
 * object. Progress, counts and empty CSV cells all use this one rule.
 */
export function isAnswered(value: unknown): boolean {
  if (value === undefined || value === null || value === '') return false;
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'object') return Object.keys(value).length > 0;
  return true;
}
