/**
 * A member state's code: 2–16 characters of A–Z, 0–9 and '-', starting with a letter (EE, DE-BY,
 * BENCH-0042). The one definition: the route schemas, the service and the access policy use it.
 */
export const MEMBER_STATE_CODE_PATTERN = '^[A-Z][A-Z0-9-]{1,15}$';
export const MEMBER_STATE_CODE = new RegExp(MEMBER_STATE_CODE_PATTERN);

export const isMemberStateCode = (value: unknown): value is string => typeof value === 'string' && MEMBER_STATE_CODE.test(value);
