import fp from 'fastify-plugin';
import cookie from '@fastify/cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AuditContext } from '../audit/service.js';
import { AppError, unauthorized } from '../http/errors.js';
import { checkRouteAccess } from './policy.js';
import type { Principal } from './principal.js';
import { isMemberStateCode } from '../member-states/code.js';
import { STATE_PARAM } from './route-access.js';

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
  }
}

export const SESSION_COOKIE = 'ncs_session';

/**
 * Works out who is calling (session cookie or bearer API token) and enforces each route's
 * declared access — role and member state — before the body is even parsed, so 401/403/404
 * come before 400 as the contract says.
 */
export default fp<{ secureCookies: boolean }>(
  async (fastify, { secureCookies }) => {
    await fastify.register(cookie);
    fastify.decorateRequest('principal', null);

    fastify.addHook('onRequest', async (request, reply) => {
      request.principal = await identify(request, reply);
      const { access, duringPasswordChange } = request.routeOptions.config;
      if (access === undefined) return; // not an API route (static files, 404s)
      const refusal = checkRouteAccess({ access, duringPasswordChange }, request.principal, {
        method: request.method,
        csrfHeader: headerValue(request.headers['x-csrf-token']),
        state: stateParam(request),
      });
      if (refusal) throw refusal;
    });

    async function identify(request: FastifyRequest, reply: FastifyReply): Promise<Principal | null> {
      const authorization = headerValue(request.headers.authorization);
      if (authorization !== undefined) {
        const match = /^Bearer\s+(\S+)$/i.exec(authorization);
        const found = match ? await fastify.apiTokens.resolve(match[1]!) : null;
        // A wrong token is an error, never a silent fall-back to the cookie.
        if (!found) throw unauthorized('INVALID_TOKEN', 'The API token is not valid (unknown, revoked, or its owner is disabled).');
        return { user: found.user, via: 'token', tokenId: found.id };
      }
      const token = request.cookies[SESSION_COOKIE];
      if (!token) return null;
      const session = await fastify.sessions.resolve(token);
      if (!session) {
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
        return null;
      }
      return { user: session.user, via: 'session', sessionId: session.id, csrfToken: session.csrfToken };
    }

    fastify.decorateReply('setSessionCookie', function (this: FastifyReply, token: string, expiresAt: Date) {
      this.setCookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'lax', secure: secureCookies, path: '/', expires: expiresAt });
      return this;
    });
    fastify.decorateReply('clearSessionCookie', function (this: FastifyReply) {
      this.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'lax', secure: secureCookies, path: '/' });
      return this;
    });
  },
  { name: 'auth', dependencies: ['services'] },
);

declare module 'fastify' {
  interface FastifyReply {
    setSessionCookie(token: string, expiresAt: Date): FastifyReply;
    clearSessionCookie(): FastifyReply;
  }
}

/** Who makes a change and from where, for the service that writes its audit event. */
export function changedBy(request: FastifyRequest): AuditContext {
  return { actor: principalOf(request).user, ip: request.ip };
}

/** The signed-in person, for handlers of routes that are not public. */
export function principalOf(request: FastifyRequest): Principal {
  if (!request.principal) throw new AppError(401, 'UNAUTHENTICATED', 'Sign in to continue.');
  return request.principal;
}

/**
 * The route's :state code, checked here because the hook runs before Fastify validates params
 * (a refusal must come before 400): a malformed code is null, nobody's own state; the schema
 * then answers 400 to whoever may read every state.
 */
function stateParam(request: FastifyRequest): string | null {
  const value = (request.params as Record<string, unknown> | undefined)?.[STATE_PARAM];
  return isMemberStateCode(value) ? value : null;
}

export function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
