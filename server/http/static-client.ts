import fs from 'node:fs';
import path from 'node:path';
import fp from 'fastify-plugin';
import fastifyStatic from '@fastify/static';

/**
 * Serves the built client at `/`. Unknown non-API paths get index.html so that the client's
 * router handles deep links; unknown API paths keep the JSON 404. The build leaves a brotli and
 * a gzip copy beside each text asset (scripts/compress-assets.mjs): the smallest one the browser
 * accepts is sent, with `Vary: Accept-Encoding`, and the file itself to one that takes neither.
 */
export default fp<{ clientDir: string | null }>(
  async (fastify, { clientDir }) => {
    if (!clientDir || !fs.existsSync(path.join(clientDir, 'index.html'))) {
      fastify.log.info('no built client found; serving the API only (run "npm run build:client")');
      return;
    }
    await fastify.register(fastifyStatic, {
      root: clientDir,
      wildcard: false,
      index: false,
      preCompressed: true,
      setHeaders(reply, filePath) {
        // Hashed asset names never change content: cache them for long. index.html must revalidate.
        reply.header('cache-control', filePath.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
    const sendIndex = (_req: unknown, reply: { header(k: string, v: string): unknown; sendFile(f: string): unknown }) => {
      reply.header('cache-control', 'no-cache');
      return reply.sendFile('index.html');
    };
    fastify.get('/', { config: { access: 'public' }, schema: { hide: true } }, sendIndex as never);
    fastify.get('/*', { config: { access: 'public' }, schema: { hide: true } }, (request, reply) => {
      if (request.url.startsWith('/api/') || request.url === '/api') {
        return reply.status(404).send({ error: { code: 'NOT_FOUND', message: 'There is nothing at this address.' } });
      }
      return sendIndex(request, reply);
    });
  },
  { name: 'static-client' },
);
