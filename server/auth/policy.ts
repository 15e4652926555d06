import { AppError, forbidden, notFound, unauthorized } from '../http/errors.js';
import type { Principal, SessionUser } from './principal.js';
import { memberStateAccessOf, type MemberStateAccess, type RouteAccess } from './route-access.js';
import { constantTimeEqual } from './secrets.js';

/**
 * The one place that decides who may do what. Routes declare their access, including whether
 * they read or write one member state's data, and the auth plugin's hook asks here.
 */

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Checks, in the contract's order: signed in (401), CSRF header for cookie-authenticated writes
 * (403), role (403), then member state (404/403) — all before the body and parameters are
 * validated, so a refusal comes before 400. Returns the refusal, or null to let the request through.
 */
export function checkRouteAccess(
  route: { access: RouteAccess; duringPasswordChange?: boolean | undefined },
  principal: Principal | null,
  request: { method: string; csrfHeader: string | undefined; state: string | null },
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
  const memberState = memberStateAccessOf(access);
  return memberState ? memberStateRefusal(memberState, principal.user, request.state) : null;
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

/**
 * The one member state whose data a user may read, or null when they may read every state's.
 * Delegates see only their own; everyone else sees all. A delegate without a state (the
 * database forbids it) may read none.
 */
export function readableStateOf(user: SessionUser): string | null {
  return user.role === 'delegate' ? (user.memberState ?? '') : null;
}

/**
 * The member-state rule of a route that declares `memberState` (route-access.ts), given the
 * route's :state code — null when it is not a well-formed code, which is nobody's own state.
 * Another state's data does not exist as far as a delegate can tell: 404, not 403. Only a
 * delegate of the state changes its response.
 */
export function memberStateRefusal(mode: MemberStateAccess, user: SessionUser, state: string | null): AppError | null {
  const readable = readableStateOf(user);
  if (readable !== null && readable !== state) return notFound('RESPONSE_NOT_FOUND', 'There is no such response.');
  if (mode === 'write' && readable === null) return forbidden('FORBIDDEN', 'Only delegates of this member state can change its response.');
  return null;
}
