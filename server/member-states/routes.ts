import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { changedBy } from '../auth/plugin.js';
import { errorResponses } from '../http/schemas.js';

const MemberStateBody = Type.Object({ code: Type.String(), name: Type.String(), active: Type.Boolean() });

const routes: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.get(
    '/member-states',
    {
      config: { access: 'signed-in' },
      schema: { tags: ['member states'], summary: 'Member states, active and inactive', response: { 200: Type.Array(MemberStateBody), ...errorResponses(401) } },
    },
    async () => fastify.memberStates.list(),
  );

  fastify.post(
    '/member-states',
    {
      config: { access: { roles: ['admin'] } },
      schema: {
        tags: ['member states'],
        summary: 'Add a member state',
        body: Type.Object({ code: Type.String({ maxLength: 64 }), name: Type.String({ maxLength: 1000 }) }, { additionalProperties: false }),
        response: { 201: MemberStateBody, ...errorResponses(400, 401, 403, 409, 422) },
      },
    },
    async (request, reply) => reply.status(201).send(await fastify.memberStates.create(request.body.code, request.body.name, changedBy(request))),
  );

  fastify.patch(
    '/member-states/:code',
    {
      config: { access: { roles: ['admin'] } },
      schema: {
        tags: ['member states'],
        summary: 'Rename, deactivate or reactivate a member state',
        description: 'Member states are never deleted: an inactive state keeps its data but gets no new responses.',
        params: Type.Object({ code: Type.String({ maxLength: 64 }) }),
        body: Type.Object(
          { name: Type.Optional(Type.String({ maxLength: 1000 })), active: Type.Optional(Type.Boolean()) },
          { additionalProperties: false },
        ),
        response: { 200: MemberStateBody, ...errorResponses(400, 401, 403, 404, 422) },
      },
    },
    async (request) => fastify.memberStates.update(request.params.code, request.body, changedBy(request)),
  );
};

export default routes;
