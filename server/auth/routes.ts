import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { errorResponses, SignedIn, Timestamp } from '../http/schemas.js';
import { headerValue, principalOf, SESSION_COOKIE } from './plugin.js';
import { csrfRefusal } from './policy.js';

const routes: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.post(
    '/auth/login',
    {
      config: { access: 'public' },
      schema: {
        tags: ['sessions'],
        summary: 'Sign in with e-mail and password',
        description: 'Sets an HttpOnly session cookie. Send the returned csrfToken as x-csrf-token on every cookie-authenticated write.',
        body: Type.Object({ email: Type.String({ maxLength: 320 }), password: Type.String({ maxLength: 1024 }) }, { additionalProperties: false }),
        response: { 200: SignedIn, ...errorResponses(400, 401, 429) },
      },
    },
    async (request, reply) => {
      // A session from before sign-in is never carried over (session fixation).
      const previous = request.principal?.via === 'session' ? request.principal.sessionId : null;
      const { user, session } = await fastify.signIn.signIn(request.body.email, request.body.password, {
        ip: request.ip,
        userAgent: request.headers['user-agent'],
      });
      if (previous) await fastify.sessions.revoke(previous);
      reply.setSessionCookie(session.token, session.expiresAt);
      return { user, csrfToken: session.csrfToken };
    },
  );

  fastify.get(
    '/auth/me',
    {
      config: { access: 'signed-in', duringPasswordChange: true },
      schema: { tags: ['sessions'], summary: 'Who is signed in', response: { 200: SignedIn, ...errorResponses(401) } },
    },
    async (request) => {
      const principal = principalOf(request);
      return { user: principal.user, csrfToken: principal.via === 'session' ? principal.csrfToken : null };
    },
  );

  fastify.post(
    '/auth/logout',
    {
      config: { access: 'public', duringPasswordChange: true },
      schema: { tags: ['sessions'], summary: 'Sign out of this session', response: { 204: Type.Null(), ...errorResponses(403) } },
    },
    async (request, reply) => {
      const principal = request.principal;
      // Public, so that signing out of an expired session still clears the cookie; but a live
      // session is only ended by its own page.
      const csrf = csrfRefusal(principal, { method: request.method, csrfHeader: headerValue(request.headers['x-csrf-token']) });
      if (csrf) throw csrf;
      if (principal?.via === 'session') await fastify.ownAccount.signOut(principal.user, principal.sessionId, request.ip);
      if (request.cookies[SESSION_COOKIE]) reply.clearSessionCookie();
      return reply.status(204).send(null);
    },
  );

  fastify.post(
    '/auth/password',
    {
      config: { access: 'signed-in', duringPasswordChange: true },
      schema: {
        tags: ['sessions'],
        summary: 'Change my password',
        description: 'Ends every other session of mine. Required after signing in with a one-time password.',
        body: Type.Object({ currentPassword: Type.String({ maxLength: 1024 }), newPassword: Type.String({ maxLength: 1024 }) }, { additionalProperties: false }),
        response: { 200: SignedIn, ...errorResponses(400, 401, 403, 422) },
      },
    },
    async (request) => {
      const principal = principalOf(request);
      const user = await fastify.passwordChanges.changeOwn(
        principal.user,
        { current: request.body.currentPassword, next: request.body.newPassword },
        { ip: request.ip, keepSession: principal.via === 'session' ? principal.sessionId : undefined },
      );
      return { user, csrfToken: principal.via === 'session' ? principal.csrfToken : null };
    },
  );

  fastify.post(
    '/auth/logout-everywhere',
    {
      config: { access: 'signed-in' },
      schema: { tags: ['sessions'], summary: 'Sign out of every session of mine', response: { 200: Type.Object({ ended: Type.Integer() }), ...errorResponses(401, 403) } },
    },
    async (request, reply) => {
      const ended = await fastify.ownAccount.signOutEverywhere(principalOf(request).user, request.ip);
      reply.clearSessionCookie();
      return { ended };
    },
  );

  fastify.get(
    '/tokens',
    {
      config: { access: 'signed-in' },
      schema: {
        tags: ['api tokens'],
        summary: 'My API tokens (never the secrets)',
        response: {
          200: Type.Array(Type.Object({ id: Type.String(), name: Type.String(), createdAt: Timestamp, lastUsedAt: Type.Union([Timestamp, Type.Null()]) })),
          ...errorResponses(401),
        },
      },
    },
    async (request) => fastify.apiTokens.listFor(principalOf(request).user.id),
  );

  fastify.post(
    '/tokens',
    {
      config: { access: 'signed-in' },
      schema: {
        tags: ['api tokens'],
        summary: 'Create an API token for scripts',
        description: 'The token is shown once. Use it as `Authorization: Bearer <token>`; it acts with your role.',
        body: Type.Object({ name: Type.String({ maxLength: 100 }) }, { additionalProperties: false }),
        response: { 201: Type.Object({ id: Type.String(), token: Type.String() }), ...errorResponses(400, 401, 403, 422) },
      },
    },
    async (request, reply) => {
      const created = await fastify.ownAccount.createToken(principalOf(request).user, request.body.name, request.ip);
      return reply.status(201).send(created);
    },
  );

  fastify.delete(
    '/tokens/:id',
    {
      config: { access: 'signed-in' },
      schema: {
        tags: ['api tokens'],
        summary: 'Revoke one of my API tokens',
        params: Type.Object({ id: Type.String({ format: 'uuid' }) }),
        response: { 204: Type.Null(), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      await fastify.ownAccount.revokeToken(principalOf(request).user, request.params.id, request.ip);
      return reply.status(204).send(null);
    },
  );
};

export default routes;
