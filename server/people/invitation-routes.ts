import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { changedBy } from '../auth/plugin.js';
import { tooManyAttempts } from '../auth/sign-in.js';
import { AppError } from '../http/errors.js';
import { errorResponses, SignedIn } from '../http/schemas.js';
import { invitationLink } from './invitations.js';
import { AcceptBody, CreatedInvitation, Invitation, InvitationBody, InvitationPreview, InvitationTokenParams, UserIdParams } from './schemas.js';

const INVITATION_ADDRESS_FAILURE_LIMIT = 20;
const TAGS = ['people'];

const routes: FastifyPluginAsyncTypebox = async (fastify) => {
  const { invitations } = fastify;
  const invitationUrl = (request: FastifyRequest, token: string) => {
    const base = fastify.publicUrl ?? new URL(`${request.protocol}://${request.host}/`);
    return invitationLink(base, token);
  };

  fastify.post(
    '/invitations',
    {
      config: { access: { roles: ['admin'] } },
      schema: {
        tags: TAGS,
        summary: 'Invite a person by link',
        description: 'There is no mail server: copy the returned url to the person. It works once and expires after 14 days.',
        body: InvitationBody,
        response: { 201: CreatedInvitation, ...errorResponses(400, 401, 403, 409, 422) },
      },
    },
    async (request, reply) => {
      const created = await invitations.create(request.body, changedBy(request));
      return reply.status(201).send({ id: created.id, token: created.token, url: invitationUrl(request, created.token), expiresAt: created.expiresAt });
    },
  );

  fastify.get(
    '/invitations',
    {
      config: { access: { roles: ['admin'] } },
      schema: { tags: TAGS, summary: 'Pending invitations', response: { 200: Type.Array(Invitation), ...errorResponses(401, 403) } },
    },
    async () => invitations.listPending(),
  );

  fastify.delete(
    '/invitations/:id',
    {
      config: { access: { roles: ['admin'] } },
      schema: {
        tags: TAGS,
        summary: 'Withdraw a pending invitation',
        params: UserIdParams,
        response: { 204: Type.Null(), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      await invitations.revoke(request.params.id, changedBy(request));
      return reply.status(204).send(null);
    },
  );

  fastify.get(
    '/invitations/:token',
    {
      config: { access: 'public' },
      schema: {
        tags: TAGS,
        summary: 'What an invitation link is for (shown before accepting)',
        params: InvitationTokenParams,
        response: { 200: InvitationPreview, ...errorResponses(404, 429) },
      },
    },
    async (request) => withInvitationThrottle(request, () => invitations.preview(request.params.token)),
  );

  fastify.post(
    '/invitations/:token/accept',
    {
      config: { access: 'public' },
      schema: {
        tags: TAGS,
        summary: 'Accept an invitation: set name and password, and sign in',
        params: InvitationTokenParams,
        body: AcceptBody,
        response: { 201: SignedIn, ...errorResponses(400, 404, 409, 422, 429) },
      },
    },
    async (request, reply) => {
      const { user, session } = await withInvitationThrottle(request, () =>
        invitations.accept(request.params.token, request.body, { ip: request.ip, userAgent: request.headers['user-agent'] }),
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
};

export default routes;
