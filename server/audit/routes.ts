import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { changedBy } from '../auth/plugin.js';
import { CSV_CONTENT_TYPE, csvStream } from '../analysis/export/csv-encoder.js';
import { attachment } from '../analysis/export/file-names.js';
import { errorResponses, Timestamp } from '../http/schemas.js';

const Filter = Type.Object(
  {
    action: Type.Optional(Type.String({ maxLength: 100 })),
    actorId: Type.Optional(Type.String({ format: 'uuid' })),
    before: Type.Optional(Type.String({ pattern: '^[0-9]{1,18}$', description: 'Page: events older than this id' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
  },
  { additionalProperties: false },
);

const AuditEvent = Type.Object({
  id: Type.String(),
  at: Timestamp,
  actorId: Type.Union([Type.String(), Type.Null()]),
  actorEmail: Type.Union([Type.String(), Type.Null()]),
  action: Type.String(),
  target: Type.Union([Type.String(), Type.Null()]),
  details: Type.Record(Type.String(), Type.Unknown()),
  ip: Type.Union([Type.String(), Type.Null()]),
});

const routes: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.get(
    '/audit',
    {
      config: { access: { roles: ['admin'] } },
      schema: { tags: ['audit'], summary: 'Audit events, newest first', querystring: Filter, response: { 200: Type.Array(AuditEvent), ...errorResponses(400, 401, 403) } },
    },
    async (request) => fastify.audit.list(request.query),
  );

  fastify.get(
    '/audit.csv',
    {
      config: { access: { roles: ['admin'] } },
      schema: {
        tags: ['audit'],
        summary: 'The audit log as CSV (UTF-8 with BOM, CRLF)',
        querystring: Type.Omit(Filter, ['limit']),
        produces: ['text/csv'],
        response: errorResponses(400, 401, 403),
      },
    },
    async (request, reply) => {
      const file = `audit-${new Date().toISOString().slice(0, 10)}.csv`;
      // As every download's event: the file and the filter, so the log says what was taken.
      await fastify.audit.recordDownload(changedBy(request), { target: 'audit.csv', file, details: { filter: request.query } });
      const events = fastify.audit.stream(request.query);
      async function* records() {
        yield [['id', 'at', 'actor_email', 'action', 'target', 'ip', 'details']];
        for await (const e of events) {
          yield [[e.id, e.at.toISOString(), e.actorEmail, e.action, e.target, e.ip, JSON.stringify(e.details)]];
        }
      }
      return reply
        .type(CSV_CONTENT_TYPE)
        .header('content-disposition', attachment(file))
        .header('cache-control', 'no-store')
        .send(csvStream(records()));
    },
  );
};

export default routes;
