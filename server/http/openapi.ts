import fp from 'fastify-plugin';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { ErrorResponse } from './schemas.js';

/** The OpenAPI document, generated from the route schemas, at /api/docs (JSON at /api/docs/json). */
export default fp(
  async (fastify) => {
    fastify.addSchema(ErrorResponse);
    await fastify.register(swagger, {
      openapi: {
        openapi: '3.1.0',
        info: {
          title: 'National cooperation survey API',
          description:
            'Versioned questionnaires, national responses, review and analysis for the CBSS TF-THB and UNODC. ' +
            'Errors are `{ error: { code, message, details? } }`. Cookie-authenticated writes need the `x-csrf-token` header; ' +
            'scripts use `Authorization: Bearer <API token>`.',
          version: '1',
        },
        components: {
          securitySchemes: {
            session: { type: 'apiKey', in: 'cookie', name: 'ncs_session' },
            bearer: { type: 'http', scheme: 'bearer' },
          },
        },
      },
      refResolver: { buildLocalReference: (json, _baseUri, _fragment, i) => (typeof json.$id === 'string' ? json.$id : `def-${i}`) },
    });
    await fastify.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  },
  { name: 'openapi' },
);
