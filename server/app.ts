import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyInstance } from 'fastify';
import helmet from '@fastify/helmet';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Config } from './config.js';
import databasePlugin from './db/plugin.js';
import { openEmbeddedDatabase, type EmbeddedDatabase } from './db/embedded.js';
import errorHandler from './http/error-handler.js';
import loadShedding from './http/load-shedding.js';
import storableText from './http/storable-text.js';
import openapi from './http/openapi.js';
import routeAccessCheck from './auth/route-access-check.js';
import staticClient from './http/static-client.js';
import healthRoutes from './health/routes.js';
import memberStateRoutes from './member-states/routes.js';
import surveyRoutes from './surveys/routes.js';
import catalogueRoutes from './surveys/catalogue-routes.js';
import namedTableRoutes from './surveys/tables-routes.js';
import responseRoutes from './responses/routes.js';
import analysisRoutes from './analysis/routes.js';
import analysisExportRoutes from './analysis/export/routes.js';
import reviewRoutes from './review/routes.js';
import services from './services.js';
import auth from './auth/plugin.js';
import authRoutes from './auth/routes.js';
import peopleRoutes from './people/routes.js';
import auditRoutes from './audit/routes.js';
import definitionsImport from './surveys/import-at-start.js';
import { loggerOptions, OneLinePerRequest } from './http/logging.js';

export interface BuildOptions {
  /** Run migrations on start (tests start from an already-migrated template). */
  readonly migrate?: boolean;
  /** Import questionnaire files on start. */
  readonly importDefinitions?: boolean;
  /** Pino logger options; false silences logs (tests). */
  readonly logger?: boolean;
  /** Readable log lines for a person at a terminal, instead of JSON (main.ts: stdout is a TTY). */
  readonly readableLogs?: boolean;
  /** Where JSON log lines go instead of stdout (tests read them: tests/server/security). */
  readonly logStream?: { write(line: string): void };
  /** The embedded database, already being opened (main.ts starts it before loading this module); by default opened here. */
  readonly embedded?: Promise<EmbeddedDatabase>;
}

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/**
 * Builds the application in layers: infrastructure (errors, security headers, database, OpenAPI),
 * then the app's own services, then routes. `main.ts` owns listening and shutdown.
 */
export async function buildApp(config: Config, options: BuildOptions = {}): Promise<FastifyInstance> {
  // Opened outside the plugin tree so that a failed start can still release it.
  const embedded = config.database.kind === 'embedded' ? await (options.embedded ?? openEmbeddedDatabase(config.database.dataDir)) : null;
  const app = createFastify(config, options);
  try {
    await registerLayers(app, config, options, embedded);
    await app.ready();
  } catch (error) {
    // Whatever did start (the embedded database and its lock) must be released.
    await app.close().catch(() => undefined);
    await embedded?.close();
    throw error;
  }
  return app;
}

type App = ReturnType<typeof createFastify>;

function createFastify(config: Config, options: BuildOptions) {
  const app = Fastify({
    logger:
      options.logger === false
        ? false
        : options.logStream
          ? { level: config.logLevel, stream: options.logStream }
          : loggerOptions(config.logLevel, options.readableLogs === true),
    logController: new OneLinePerRequest(),
    bodyLimit: config.bodyLimitBytes,
    // Our own check of the incoming id (genReqId), instead of Fastify trusting any header value.
    requestIdHeader: false,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
    trustProxy: true,
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', allErrors: false } },
  }).withTypeProvider<TypeBoxTypeProvider>();
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  // The API speaks JSON only: any other body is 415, not a string that fails validation as 400.
  app.removeContentTypeParser('text/plain');
  return app;
}

async function registerLayers(app: App, config: Config, options: BuildOptions, embedded: EmbeddedDatabase | null): Promise<void> {
  // Infrastructure
  await app.register(errorHandler);
  await app.register(loadShedding, config.overload);
  await app.register(routeAccessCheck);
  await app.register(storableText);
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        // SurveyJS sets inline styles on the elements it renders.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        // Nobody embeds the questionnaire: refusing all framing rules out click-jacking.
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: config.publicUrl?.protocol === 'https:' ? [] : null,
      },
    },
    hsts: config.publicUrl?.protocol === 'https:',
  });
  await app.register(databasePlugin, { database: config.database, embedded, migrate: options.migrate ?? true });
  await app.register(openapi);

  // The application's own services
  await app.register(services, { publicUrl: config.publicUrl });
  await app.register(auth, { secureCookies: config.publicUrl?.protocol === 'https:' });
  if (options.importDefinitions ?? true) await app.register(definitionsImport, { definitionsDir: config.definitionsDir });

  // Routes
  await app.register(
    async (api) => {
      await api.register(healthRoutes);
      await api.register(authRoutes);
      await api.register(peopleRoutes);
      await api.register(auditRoutes);
      await api.register(memberStateRoutes);
      await api.register(surveyRoutes);
      await api.register(catalogueRoutes);
      await api.register(namedTableRoutes);
      await api.register(responseRoutes);
      await api.register(analysisRoutes);
      await api.register(analysisExportRoutes);
      await api.register(reviewRoutes);
    },
    { prefix: '/api' },
  );
  await app.register(staticClient, { clientDir: config.clientDir });
}
