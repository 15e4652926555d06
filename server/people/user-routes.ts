import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { changedBy } from '../auth/plugin.js';
import { errorResponses } from '../http/schemas.js';
import { Person, PersonChangesBody, UserIdParams } from './schemas.js';

const TAGS = ['people'];

const routes: FastifyPluginAsyncTypebox = async (fastify) => {
  const { accountChanges } = fastify;

  fastify.get(
    '/users',
    {
      config: { access: { roles: ['admin'] } },
      schema: { tags: TAGS, summary: 'Everyone with an account', response: { 200: Type.Array(Person), ...errorResponses(401, 403) } },
    },
    async () => fastify.users.list(),
  );

  fastify.patch(
    '/users/:id',
    {
      config: { access: { roles: ['admin'] } },
      schema: {
        tags: TAGS,
        summary: "Change a person's name, role or member state",
        description: 'A new role or member state ends the person’s sessions.',
        params: UserIdParams,
        body: PersonChangesBody,
        response: { 200: Person, ...errorResponses(400, 401, 403, 404, 422) },
      },
    },
    async (request) => accountChanges.update(request.params.id, request.body, changedBy(request)),
  );

  for (const [path, disabled] of [['disable', true], ['enable', false]] as const) {
    fastify.post(
      `/users/:id/${path}`,
      {
        config: { access: { roles: ['admin'] } },
        schema: {
          tags: TAGS,
          summary: disabled ? 'Disable an account (signs it out everywhere, stops its API tokens)' : 'Enable a disabled account',
          params: UserIdParams,
          response: { 200: Person, ...errorResponses(400, 401, 403, 404, 422) },
        },
      },
      async (request) => accountChanges.setDisabled(request.params.id, disabled, changedBy(request)),
    );
  }

  fastify.post(
    '/users/:id/sessions/revoke',
    {
      config: { access: { roles: ['admin'] } },
      schema: {
        tags: TAGS,
        summary: "End all of a person's sessions",
        params: UserIdParams,
        response: { 200: Type.Object({ ended: Type.Integer() }), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => ({ ended: await accountChanges.endSessions(request.params.id, changedBy(request)) }),
  );
};

export default routes;
