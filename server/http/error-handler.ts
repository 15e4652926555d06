import fp from 'fastify-plugin';
import type { FastifyError } from 'fastify';
import { DATABASE_RETRY_AFTER_SECONDS, isDatabaseUnavailable } from '../db/unavailable.js';
import { AppError, type ErrorBody } from './errors.js';
import { noteRefusal } from './logging.js';

/** Fastify's own client errors, mapped to the contract's codes. */
const FASTIFY_CLIENT_ERRORS: Record<string, { status: number; code: string; message: string }> = {
  FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, code: 'BODY_TOO_LARGE', message: 'The request body is too large.' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { status: 415, code: 'UNSUPPORTED_MEDIA_TYPE', message: 'Send the request body as application/json.' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, code: 'INVALID_JSON', message: 'The request body is empty; send a JSON object.' },
  FST_ERR_CTP_INVALID_JSON_BODY: { status: 400, code: 'INVALID_JSON', message: 'The request body is not valid JSON.' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { status: 400, code: 'INVALID_REQUEST', message: 'The Content-Length header does not match the body.' },
};

/**
 * One error handler for the whole API: every failure leaves in the contract's shape, client
 * mistakes as 4xx with a stable code, and nothing of a 5xx's internals reaches the client.
 */
export default fp(
  async (fastify) => {
    fastify.setErrorHandler<FastifyError | AppError>((error, request, reply) => {
      if (isDatabaseUnavailable(error)) {
        // Nothing was written (a statement that cannot reach the database commits nothing):
        // the client keeps its change and tries again, as after a lost connection.
        request.log.warn({ err: error }, 'database unavailable');
        const body: ErrorBody = { error: { code: 'DATABASE_UNAVAILABLE', message: 'The database cannot be reached just now. Nothing was changed; try again in a few seconds.' } };
        return reply.status(503).header('retry-after', String(DATABASE_RETRY_AFTER_SECONDS)).type('application/json; charset=utf-8').send(body);
      }
      const { status, body } = describe(error);
      if (status >= 500) request.log.error({ err: error }, 'request failed');
      // Said in the request's one log line (http/logging.ts), not in a line of its own.
      else noteRefusal(request, body.error.code);
      if (status === 429 && error instanceof AppError && typeof error.details === 'object' && error.details !== null) {
        const retryAfter = (error.details as { retryAfterSeconds?: number }).retryAfterSeconds;
        if (retryAfter !== undefined) reply.header('retry-after', String(retryAfter));
      }
      return reply.status(status).type('application/json; charset=utf-8').send(body);
    });

    fastify.setNotFoundHandler((request, reply) => {
      const body: ErrorBody = { error: { code: 'NOT_FOUND', message: 'There is nothing at this address.' } };
      return reply.status(404).send(body);
    });
  },
  { name: 'error-handler' },
);

function describe(error: FastifyError | AppError): { status: number; body: ErrorBody } {
  if (error instanceof AppError) {
    const body: ErrorBody = { error: { code: error.code, message: error.message } };
    if (error.details !== undefined) body.error.details = error.details;
    return { status: error.statusCode, body };
  }
  if ('validation' in error && error.validation) {
    return {
      status: 400,
      body: {
        error: {
          code: 'INVALID_REQUEST',
          message: `The request does not have the expected shape (${error.validationContext ?? 'body'}).`,
          details: error.validation.map((v) => ({
            location: error.validationContext ?? 'body',
            path: v.instancePath || '/',
            message: v.message ?? 'is invalid',
          })),
        },
      },
    };
  }
  const known = error.code ? FASTIFY_CLIENT_ERRORS[error.code] : undefined;
  if (known) return { status: known.status, body: { error: { code: known.code, message: known.message } } };
  const status = error.statusCode ?? 500;
  if (status >= 400 && status < 500) {
    return { status, body: { error: { code: 'BAD_REQUEST', message: 'The request could not be understood.' } } };
  }
  return { status: 500, body: { error: { code: 'INTERNAL_ERROR', message: 'Something went wrong on our side. The problem has been logged.' } } };
}
