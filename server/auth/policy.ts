import { AppError, forbidden, notFound, unauthorized } from '../http/errors.js';
import type { Principal, SessionUser } from './principal.js';
import type { RouteAccess } from './route-access.js';
import { constantTimeEqual } from './secrets.js';

/**
 * The one place that decides who may do what. Routes declare their access; handlers that touch
 * one member state's data ask `assertMayReadState` / `assertMayWriteState`.
 */

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Checks, in the contract's order: signed in (401), CSRF header for cookie-authenticated writes
 * (403), then role (403). Returns the refusal, or null to let the request through.
 */
export function checkRouteAccess(
  route: { access: RouteAccess; duringPasswordChange?: boolean | undefined },
  principal: Principal | null,
  request: { method: string; csrfHeader: string | undefined },
): AppError | null {
  const { access } = route;
  if (access === 'public') return null;
  if (!principal) return unauthorized('UNAUTHENTICATED', 'Sign in to continue.');
  const csrf = csrfRefusal(principal, request);
  if (csrf) return csrf;
  if (principal.user.mustChangePassword && !route.duringPasswordChange) {
    return forbidden('PASSWORD_CHANGE_REQUIRED', 'Choose a new password before you continue.');
  }
  if (access === 'signed-in') return null;
  if (!access.roles.includes(principal.user.role)) return forbidden('FORBIDDEN', 'Your role does not allow this.');
  return null;
}

/**
 * A change made with a session cookie must carry the session's CSRF token in x-csrf-token
 * (a bearer token cannot be sent by another site, so it needs none).
 */
export function csrfRefusal(principal: Principal | null, request: { method: string; csrfHeader: string | undefined }): AppError | null {
  if (principal?.via !== 'session' || !UNSAFE_METHODS.has(request.method)) return null;
  const given = request.csrfHeader;
  if (typeof given === 'string' && constantTimeEqual(principal.csrfToken, given)) return null;
  return forbidden('CSRF_TOKEN_INVALID', 'The x-csrf-token header is missing or does not match this session.');
}

/** Delegates see only their own member state; everyone else sees all. */
export function mayReadState(user: SessionUser, memberState: string): boolean {
  return user.role !== 'delegate' || user.memberState === memberState;
}

/** Only a delegate of the state fills in its response. */
export function mayWriteState(user: SessionUser, memberState: string): boolean {
  return user.role === 'delegate' && user.memberState === memberState;
}

/** Another state's data does not exist as far as a delegate can tell: 404, not 403. */
export function assertMayReadState(user: SessionUser, memberState: string): void {
  if (!mayReadState(user, memberState)) throw notFound('RESPONSE_NOT_FOUND', 'There is no such response.');
}

export function assertMayWriteState(user: SessionUser, memberState: string): void {
  assertMayReadState(user, memberState);
  if (!mayWriteState(user, memberState)) throw forbidden('FORBIDDEN', 'Only delegates of this member state can change its response.');
}
