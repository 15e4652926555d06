/**
 * Who may call a route, declared in the route's own config and enforced by one policy
 * (server/auth). A route without a declaration is refused at start-up, so no route can be
 * forgotten; so is a route about one member state (a `:state` parameter) that does not say
 * whether it reads or writes that state's data.
 */
import type { Role } from './roles.js';

/** `read`: delegates only of the state (others 404); `write`: only a delegate of the state (404, then 403). */
export type MemberStateAccess = 'read' | 'write';

export type RouteAccess =
  | 'public'
  | 'signed-in'
  | { readonly roles: readonly Role[]; readonly memberState?: MemberStateAccess };

/** The path parameter that names a member state; a route with it must declare `memberState`. */
export const STATE_PARAM = 'state';

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
    /** Reachable while the caller must still replace a one-time password (me, password, sign-out). */
    duringPasswordChange?: boolean;
  }
}

export function memberStateAccessOf(access: RouteAccess): MemberStateAccess | undefined {
  return typeof access === 'object' ? access.memberState : undefined;
}
