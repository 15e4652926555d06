import type { FastifyRequest } from 'fastify';

/**
 * Route parameters that carry a secret (an invitation link's token): a log line shows the route
 * and the rest of the address, never the secret, so a copy of the logs opens no invitation.
 */
const SECRET_PARAMS = new Set(['token']);

export function redactedUrl(request: FastifyRequest): string {
  const params = (request.params ?? {}) as Record<string, unknown>;
  let url = request.url;
  for (const [name, value] of Object.entries(params)) {
    if (SECRET_PARAMS.has(name) && typeof value === 'string' && value.length > 0) {
      url = url.split(encodeURIComponent(value)).join('[redacted]').split(value).join('[redacted]');
    }
  }
  return url;
}
