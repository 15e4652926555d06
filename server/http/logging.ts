import { LogController, type FastifyReply, type FastifyRequest, type FastifyServerOptions } from 'fastify';
import pretty from 'pino-pretty';
import { redactedUrl } from './redacted-url.js';

/**
 * The server's log: JSON lines for log collectors, or — when a person watches it on a terminal
 * — one readable line each (pino-pretty), the request's own fields folded into its message.
 */
export function loggerOptions(level: string, readable: boolean): FastifyServerOptions['logger'] {
  if (!readable) return { level };
  return {
    level,
    // Synchronous, in this thread: nothing is lost when a signal ends the process.
    stream: pretty({ sync: true, colorize: true, translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname,reqId,req,res,responseTime,code', singleLine: true }),
  };
}

/**
 * The code a refused request was answered with (error-handler.ts), for its log line. Keyed by
 * the raw request: Fastify may hand hooks and the log controller different wrappers of it.
 */
const refusals = new WeakMap<object, string>();

export function noteRefusal(request: FastifyRequest, code: string): void {
  refusals.set(request.raw, code);
}

/**
 * One line per request, once its response has gone ("GET /api/surveys 200 3 ms", with a
 * refusal's code: "GET /api/surveys 401 UNAUTHENTICATED 2 ms"; the same as fields for log
 * collectors), instead of Fastify's two — one as it comes in, one as it leaves — which
 * interleave with everything logged in between.
 */
export class OneLinePerRequest extends LogController {
  override incomingRequest(): void {}

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    if (this.isLogDisabled(request)) return;
    const responseTime = Math.round(reply.elapsedTime);
    const url = redactedUrl(request);
    const code = refusals.get(request.raw);
    const fields = { req: { method: request.method, url, ip: request.ip }, res: { statusCode: reply.statusCode }, responseTime, ...(code ? { code } : {}) };
    const line = `${request.method} ${url} ${reply.statusCode}${code ? ` ${code}` : ''} ${responseTime} ms`;
    if (error) reply.log.error({ ...fields, err: error }, `${line} (failed while sending)`);
    else reply.log.info(fields, line);
  }
}
