import v8 from 'node:v8';
import fp from 'fastify-plugin';
import underPressure from '@fastify/under-pressure';
import type { ErrorBody } from './errors.js';

/** `maxEventLoopDelayMs` 0 leaves the event loop unchecked (the tests do; the heap is still watched). */
export type LoadSheddingOptions = { readonly maxEventLoopDelayMs: number; readonly sampleIntervalMs: number };

/** Seconds a client is asked to wait when the server is over capacity. */
export const BUSY_RETRY_AFTER_SECONDS = 10;

/** Most of the heap V8 may use: beyond it, a collection can no longer keep up. */
const HEAP_SHARE = 0.9;

/**
 * Beyond capacity — the event loop delayed past its limit, or the heap nearly full — API requests
 * are turned away at once with 503 and Retry-After instead of waiting until they time out, and
 * served again as soon as the next sample is back under the limits (`@fastify/under-pressure`).
 *
 * The client's own files (the page shell and its hashed scripts) are always served: they are
 * pre-compressed files streamed from disk, cheap next to any API request, and a 503 for one
 * script would leave a blank page, where the loaded page can say "busy, retrying" (the autosave
 * treats a 503 like being offline).
 */
function isApiRequest(url: string): boolean {
  return url === '/api' || url.startsWith('/api/') || url.startsWith('/api?');
}

export default fp<LoadSheddingOptions>(
  async (fastify, { maxEventLoopDelayMs, sampleIntervalMs }) => {
    await fastify.register(underPressure, {
      maxEventLoopDelay: maxEventLoopDelayMs,
      maxHeapUsedBytes: Math.floor(v8.getHeapStatistics().heap_size_limit * HEAP_SHARE),
      sampleInterval: sampleIntervalMs,
      retryAfter: BUSY_RETRY_AFTER_SECONDS,
      pressureHandler: (request, reply, type, value) => {
        // Returning without a reply lets the request through (under-pressure calls next()).
        if (!isApiRequest(request.url)) return;
        request.log.warn({ type, value }, 'over capacity: request turned away');
        const body: ErrorBody = { error: { code: 'SERVER_BUSY', message: 'The server is busy just now. Nothing was changed; try again in a few seconds.' } };
        void reply.status(503).header('retry-after', String(BUSY_RETRY_AFTER_SECONDS)).type('application/json; charset=utf-8').send(body);
      },
    });
  },
  { name: 'load-shedding' },
);
