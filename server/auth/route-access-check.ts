import fp from 'fastify-plugin';
import type { RouteAccess } from './route-access.js';

export interface ApiRoute {
  readonly method: string;
  readonly url: string;
  readonly access: RouteAccess;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every API route with its declared access: for the authorisation test and for review. */
    apiRoutes: readonly ApiRoute[];
  }
}

/**
 * Every API route must say who may call it. A route that does not is a programming error:
 * refuse to start rather than serve it unguarded.
 */
export default fp(
  async (fastify) => {
    const routes: ApiRoute[] = [];
    fastify.decorate('apiRoutes', routes);
    fastify.addHook('onRoute', (route) => {
      if (!route.url.startsWith('/api') || route.url.startsWith('/api/docs')) return;
      const access = route.config?.access;
      if (access === undefined) throw new Error(`Route ${String(route.method)} ${route.url} does not declare config.access`);
      for (const method of [route.method].flat()) {
        if (method !== 'HEAD') routes.push({ method, url: route.url, access });
      }
    });
  },
  { name: 'route-access-check' },
);
