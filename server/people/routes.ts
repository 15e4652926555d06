import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { principalOf } from '../auth/plugin.js';
import { tooManyAttempts } from '../auth/sign-in.js';
import { invitationLink } from './invitations.js';
import { toSessionUser } from '../auth/principal.js';
import { AppError } from '../http/errors.js';
import { errorResponses, RoleSchema, SignedIn, Timestamp, UserBody } from '../http/schemas.js';

const INVITATION_ADDRESS_FAILURE_LIMIT = 20;

const Invitation = Type.Object({
  id: Type.String(),
  email: Type.String(),
  name: Type.Union([Type.String(), Type.Null()]),
  role: RoleSchema,
  memberState: Type.Union([Type.String(), Type.Null()]),
  createdAt: Timestamp,
  expiresAt: Timestamp,
});

const Person = Type.Object({
  ...UserBody.properties,
  createdAt: Timestamp,
  disabledAt: Type.Union([Timestamp, Type.Null()]),
  hasPassword: Type.Boolean(),
});

const UserIdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });

const routes: FastifyPluginAsyncTypebox = async (fastify) => {
  const invitationUrl = (request: FastifyRequest, token: string) => {
    const base = fastify.publicUrl ?? new URL(`${request.protocol}://${request.host}/`);
    return invitationLink(base, token);
  };

  fastify.post(
    '/invitations',
    {
      config: { access: { roles: ['admin'] } },
      schema: {
        tags: ['people'],
        summary: 'Invite a person by link',
        description: 'There is no mail server: copy the returned url to the person. It works once and expires after 14 days.',
        body: Type.Object(
          {
            email: Type.String({ maxLength: 320 }),
            name: Type.Optional(Type.String({ maxLength: 300 })),
            role: RoleSchema,
            memberState: Type.Optional(Type.Union([Type.String({ maxLength: 64 }), Type.Null()])),
          },
          { additionalProperties: false },
        ),
        response: {
          201: Type.Object({ id: Type.String(), token: Type.String(), url: Type.String(), expiresAt: Timestamp }),
          ...errorResponses(400, 401, 403, 409, 422),
        },
      },
    },
    async (request, reply) => {
      const admin = principalOf(request).user;
      const created = await fastify.invitations.create(request.body, admin.id);
      await fastify.audit.record({
        actor: admin,
        action: 'invitation.created',
        target: created.email,
        details: { invitationId: created.id, role: request.body.role, memberState: request.body.memberState ?? null },
        ip: request.ip,
      });
      return reply.status(201).send({ id: created.id, token: created.token, url: invitationUrl(request, created.token), expiresAt: created.expiresAt });
    },
  );

  fastify.get(
    '/invitations',
    {
      config: { access: { roles: ['admin'] } },
      schema: { tags: ['people'], summary: 'Pending invitations', response: { 200: Type.Array(Invitation), ...errorResponses(401, 403) } },
    },
    async () => fastify.invitations.listPending(),
  );

  fastify.delete(
    '/invitations/:id',
    {
      config: { access: { roles: ['admin'] } },
      schema: {
        tags: ['people'],
        summary: 'Withdraw a pending invitation',
        params: UserIdParams,
        response: { 204: Type.Null(), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const revoked = await fastify.invitations.revoke(request.params.id);
      await fastify.audit.record({ actor: principalOf(request).user, action: 'invitation.revoked', target: revoked.email, details: { invitationId: request.params.id }, ip: request.ip });
      return reply.status(204).send(null);
    },
  );

  fastify.get(
    '/invitations/:token',
    {
      config: { access: 'public' },
      schema: {
        tags: ['people'],
        summary: 'What an invitation link is for (shown before accepting)',
        params: Type.Object({ token: Type.String({ maxLength: 200 }) }),
        response: {
          200: Type.Object({
            email: Type.String(),
            name: Type.Union([Type.String(), Type.Null()]),
            role: RoleSchema,
            memberState: Type.Union([Type.String(), Type.Null()]),
            memberStateName: Type.Union([Type.String(), Type.Null()], { description: 'The member state by name, for the page shown before signing in' }),
            expiresAt: Timestamp,
          }),
          ...errorResponses(404, 429),
        },
      },
    },
    async (request) => withInvitationThrottle(request, () => fastify.invitations.preview(request.params.token)),
  );

  fastify.post(
    '/invitations/:token/accept',
    {
      config: { access: 'public' },
      schema: {
        tags: ['people'],
        summary: 'Accept an invitation: set name and password, and sign in',
        params: Type.Object({ token: Type.String({ maxLength: 200 }) }),
        body: Type.Object({ name: Type.String({ maxLength: 300 }), password: Type.String({ maxLength: 1024 }) }, { additionalProperties: false }),
        response: { 201: SignedIn, ...errorResponses(400, 404, 409, 422, 429) },
      },
    },
    async (request, reply) => {
      const { user, session } = await withInvitationThrottle(request, () =>
        fastify.db.transaction().execute(async (trx) => {
          const accepted = await fastify.invitations.accept(request.params.token, request.body, trx);
          const created = await fastify.sessions.create(accepted.user.id, { ip: request.ip, userAgent: request.headers['user-agent'] }, trx);
          await fastify.audit.record(
            { actor: accepted.user, action: 'invitation.accepted', target: accepted.user.email, details: { invitationId: accepted.invitationId, role: accepted.user.role }, ip: request.ip },
            trx,
          );
          return { user: toSessionUser(accepted.user), session: created };
        }),
      );
      reply.setSessionCookie(session.token, session.expiresAt);
      return reply.status(201).send({ user, csrfToken: session.csrfToken });
    },
  );

  /** Guessing invitation tokens is throttled per address, like sign-in. */
  async function withInvitationThrottle<T>(request: FastifyRequest, work: () => Promise<T>): Promise<T> {
    const key = `invitation-address:${request.ip}`;
    const wait = await fastify.failureThrottle.retryAfterSeconds([{ key, limit: INVITATION_ADDRESS_FAILURE_LIMIT }]);
    if (wait > 0) throw tooManyAttempts(wait);
    try {
      return await work();
    } catch (error) {
      if (error instanceof AppError && error.code === 'INVITATION_NOT_FOUND') await fastify.failureThrottle.recordFailure([key]);
      throw error;
    }
  }

  fastify.get(
    '/users',
    {
      config: { access: { roles: ['admin'] } },
      schema: { tags: ['people'], summary: 'Everyone with an account', response: { 200: Type.Array(Person), ...errorResponses(401, 403) } },
    },
    async () => fastify.users.list(),
  );

  fastify.patch(
    '/users/:id',
    {
      config: { access: { roles: ['admin'] } },
      schema: {
        tags: ['people'],
        summary: "Change a person's name, role or member state",
        params: UserIdParams,
        body: Type.Object(
          {
            name: Type.Optional(Type.String({ maxLength: 300 })),
            role: Type.Optional(RoleSchema),
            memberState: Type.Optional(Type.Union([Type.String({ maxLength: 64 }), Type.Null()])),
          },
          { additionalProperties: false },
        ),
        response: { 200: Person, ...errorResponses(400, 401, 403, 404, 422) },
      },
    },
    async (request) => {
      const admin = principalOf(request).user;
      const { before, after } = await fastify.users.update(request.params.id, request.body);
      if (before.role !== after.role || before.memberState !== after.memberState) {
        await fastify.audit.record({
          actor: admin,
          action: 'user.role_changed',
          target: after.email,
          details: { from: { role: before.role, memberState: before.memberState }, to: { role: after.role, memberState: after.memberState } },
          ip: request.ip,
        });
        // New powers take effect at once; old sessions must not keep the old role's reach.
        await fastify.sessions.revokeAllFor(after.id);
      }
      return after;
    },
  );

  for (const [path, disabled] of [['disable', true], ['enable', false]] as const) {
    fastify.post(
      `/users/:id/${path}`,
      {
        config: { access: { roles: ['admin'] } },
        schema: {
          tags: ['people'],
          summary: disabled ? 'Disable an account (signs it out everywhere, stops its API tokens)' : 'Enable a disabled account',
          params: UserIdParams,
          response: { 200: Person, ...errorResponses(400, 401, 403, 404, 422) },
        },
      },
      async (request) => {
        const admin = principalOf(request).user;
        if (disabled && request.params.id === admin.id) {
          throw new AppError(422, 'CANNOT_DISABLE_SELF', 'You cannot disable your own account.');
        }
        const person = await fastify.users.setDisabled(request.params.id, disabled);
        if (disabled) await fastify.sessions.revokeAllFor(person.id);
        await fastify.audit.record({ actor: admin, action: disabled ? 'user.disabled' : 'user.enabled', target: person.email, ip: request.ip });
        return person;
      },
    );
  }

  fastify.post(
    '/users/:id/sessions/revoke',
    {
      config: { access: { roles: ['admin'] } },
      schema: {
        tags: ['people'],
        summary: "End all of a person's sessions",
        params: UserIdParams,
        response: { 200: Type.Object({ ended: Type.Integer() }), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const person = await fastify.users.get(request.params.id);
      const ended = await fastify.sessions.revokeAllFor(person.id);
      await fastify.audit.record({ actor: principalOf(request).user, action: 'user.sessions_revoked', target: person.email, details: { ended }, ip: request.ip });
      return { ended };
    },
  );
};

export default routes;
