/**
 * Who may call a route, declared in the route's own config and enforced by one policy
 * (server/auth). A route without a declaration is refused at start-up, so no route can be
 * forgotten.
 */
import type { Role } from './roles.js';

export type RouteAccess =
  | 'public'
  | 'signed-in'
  | { readonly roles: readonly Role[] };

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
    /** Reachable while the caller must still replace a one-time password (me, password, sign-out). */
    duringPasswordChange?: boolean;
  }
}
