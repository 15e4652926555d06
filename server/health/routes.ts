import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { sql } from 'kysely';
import { Type } from 'typebox';
import { DATABASE_RETRY_AFTER_SECONDS } from '../db/unavailable.js';

const HEALTH_QUERY_TIMEOUT_MS = 3_000;

const routes: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.get(
    '/health',
    {
      config: { access: 'public' },
      logLevel: 'warn',
      schema: {
        tags: ['health'],
        summary: 'Liveness and database reachability, for load balancers and orchestrators',
        response: {
          200: Type.Object({ status: Type.Literal('ok'), database: Type.Literal('ok') }),
          // The database unreachable, or the instance over capacity (load shedding's SERVER_BUSY):
          // either way a load balancer should send the next request elsewhere for a while.
          503: Type.Union([Type.Object({ status: Type.Literal('unavailable'), database: Type.Literal('unreachable') }), Type.Ref('ErrorResponse')]),
        },
      },
    },
    async (request, reply) => {
      try {
        await withTimeout(sql`select 1`.execute(fastify.db), HEALTH_QUERY_TIMEOUT_MS);
        return { status: 'ok' as const, database: 'ok' as const };
      } catch (error) {
        request.log.warn({ err: error }, 'health check: database unreachable');
        return reply.status(503).header('retry-after', String(DATABASE_RETRY_AFTER_SECONDS)).send({ status: 'unavailable' as const, database: 'unreachable' as const });
      }
    },
  );
};

export default routes;

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
