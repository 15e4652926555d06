import { createHash } from 'node:crypto';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { changedBy } from '../auth/plugin.js';
import { unprocessable } from '../http/errors.js';
import { errorResponses, SurveyId, SurveyVersionParams, Timestamp, VersionNumber } from '../http/schemas.js';

const VersionStatus = Type.Union([Type.Literal('open'), Type.Literal('closed')]);

const SurveyList = Type.Array(
  Type.Object({
    id: Type.String(),
    title: Type.String(),
    versions: Type.Array(
      Type.Object({ version: Type.Integer(), title: Type.String(), status: VersionStatus, publishedAt: Timestamp }),
    ),
  }),
);

const SurveyVersion = Type.Object({
  surveyId: Type.String(),
  version: Type.Integer(),
  title: Type.String(),
  status: VersionStatus,
  definition: Type.Object({}, { additionalProperties: true }),
});

const routes: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.get(
    '/surveys',
    {
      config: { access: 'signed-in' },
      schema: { tags: ['questionnaires'], summary: 'Questionnaires and their versions', response: { 200: SurveyList, ...errorResponses(401) } },
    },
    async () => fastify.surveys.list(),
  );

  fastify.post(
    '/surveys',
    {
      config: { access: { roles: ['admin'] } },
      schema: {
        tags: ['questionnaires'],
        summary: 'Create a questionnaire (no versions yet)',
        body: Type.Object({ id: SurveyId, title: Type.String({ minLength: 1, maxLength: 300 }) }, { additionalProperties: false }),
        response: { 201: Type.Object({ id: Type.String(), title: Type.String() }), ...errorResponses(400, 401, 403, 409, 422) },
      },
    },
    async (request, reply) => {
      const title = request.body.title.trim();
      if (title === '') throw unprocessable('INVALID_TITLE', 'The title must not be blank.');
      return reply.status(201).send(await fastify.surveys.createSurvey(request.body.id, title));
    },
  );

  fastify.get(
    '/surveys/:surveyId/versions/:version',
    {
      config: { access: 'signed-in' },
      schema: {
        tags: ['questionnaires'],
        summary: 'A questionnaire version with its SurveyJS definition',
        description: 'Answers with a strong ETag; send it back in If-None-Match to get 304 when nothing changed.',
        params: SurveyVersionParams,
        response: { 200: SurveyVersion, 304: Type.Null(), ...errorResponses(400, 401, 404) },
      },
    },
    async (request, reply) => {
      const found = await fastify.surveys.getVersion(request.params.surveyId, request.params.version);
      const body = JSON.stringify({
        surveyId: found.surveyId,
        version: found.version,
        title: found.title,
        status: found.status,
        definition: found.definition,
      });
      const etag = `"${createHash('sha256').update(body).digest('base64url')}"`;
      // The body is serialised here so that the ETag covers exactly the bytes sent.
      const untyped = reply as FastifyReply;
      untyped.header('etag', etag).header('cache-control', 'no-cache');
      if (ifNoneMatchIncludes(request.headers['if-none-match'], etag)) return untyped.status(304).send();
      return untyped.type('application/json; charset=utf-8').send(body);
    },
  );

  fastify.post(
    '/surveys/:surveyId/versions',
    {
      config: { access: { roles: ['admin'] } },
      bodyLimit: 5 * 1024 * 1024,
      schema: {
        tags: ['questionnaires'],
        summary: 'Publish the next version of a questionnaire',
        description: 'The definition is checked with survey-core first; 422 INVALID_DEFINITION lists the reasons.',
        params: Type.Object({ surveyId: SurveyId }),
        body: Type.Object({ definition: Type.Object({}, { additionalProperties: true }) }, { additionalProperties: false }),
        response: { 201: Type.Object({ version: Type.Integer() }), ...errorResponses(400, 401, 403, 404, 422) },
      },
    },
    async (request, reply) => {
      const published = await fastify.surveys.publishNextVersion(request.params.surveyId, request.body.definition, changedBy(request));
      return reply.status(201).send(published);
    },
  );

  fastify.patch(
    '/surveys/:surveyId/versions/:version',
    {
      config: { access: { roles: ['admin'] } },
      schema: {
        tags: ['questionnaires'],
        summary: 'Open or close a questionnaire version',
        params: SurveyVersionParams,
        body: Type.Object({ status: VersionStatus }, { additionalProperties: false }),
        response: {
          200: Type.Object({ surveyId: Type.String(), version: VersionNumber, title: Type.String(), status: VersionStatus, publishedAt: Timestamp }),
          ...errorResponses(400, 401, 403, 404),
        },
      },
    },
    async (request) => {
      const updated = await fastify.surveys.setStatus(request.params.surveyId, request.params.version, request.body.status, changedBy(request));
      return { surveyId: updated.surveyId, version: updated.version, title: updated.title, status: updated.status, publishedAt: updated.publishedAt };
    },
  );
};

export default routes;

function ifNoneMatchIncludes(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.split(',').some((tag) => tag.trim() === etag || tag.trim() === '*');
}
