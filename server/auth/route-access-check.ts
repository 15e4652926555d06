import fp from 'fastify-plugin';
import { memberStateAccessOf, STATE_PARAM, type RouteAccess } from './route-access.js';

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

const STATE_SEGMENT = new RegExp(`/:${STATE_PARAM}(?=/|$)`);

/**
 * Every API route must say who may call it, and a route about one member state's data whether
 * it reads or writes it. A route that does not is a programming error: refuse to start rather
 * than serve it unguarded.
 */
export default fp(
  async (fastify) => {
    const routes: ApiRoute[] = [];
    fastify.decorate('apiRoutes', routes);
    fastify.addHook('onRoute', (route) => {
      if (!route.url.startsWith('/api') || route.url.startsWith('/api/docs')) return;
      const name = `Route ${[route.method].flat().join(',')} ${route.url}`;
      const access = route.config?.access;
      if (access === undefined) throw new Error(`${name} does not declare config.access`);
      const hasState = STATE_SEGMENT.test(route.url);
      const memberState = memberStateAccessOf(access);
      if (hasState && memberState === undefined) {
        throw new Error(`${name} has a :${STATE_PARAM} parameter but does not declare config.access.memberState ('read' or 'write')`);
      }
      if (!hasState && memberState !== undefined) throw new Error(`${name} declares config.access.memberState but has no :${STATE_PARAM} parameter`);
      for (const method of [route.method].flat()) {
        if (method !== 'HEAD') routes.push({ method, url: route.url, access });
      }
    });
  },
  { name: 'route-access-check' },
);
