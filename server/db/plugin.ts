import fp from 'fastify-plugin';
import fastifyPostgres from '@fastify/postgres';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import { Kysely, PostgresDialect } from 'kysely';
import type { DatabaseConfig } from '../config.js';
import type { EmbeddedDatabase } from './embedded.js';
import { migrateToLatest } from './migrator.js';
import { NamedStatementsClient } from './named-statements.js';
import type { Database } from './schema.js';

declare module 'fastify' {
  interface FastifyInstance {
    db: Kysely<Database>;
  }
}

export interface DatabasePluginOptions {
  database: DatabaseConfig;
  /** The opened embedded engine when `database.kind` is embedded (buildApp opens and owns it). */
  embedded: EmbeddedDatabase | null;
  migrate: boolean;
}

/**
 * A query that waits this long for a connection fails instead of hanging: with the embedded
 * engine's single connection, querying `db` inside an open transaction would otherwise wait forever.
 */
const CONNECTION_TIMEOUT_MS = 10_000;

/**
 * One code path for both engines: `@fastify/postgres` owns a `pg` pool — on a PostgreSQL server,
 * or on embedded PGlite through its `pg` adapter (a pool of one) — and Kysely sits on that pool.
 */
export default fp<DatabasePluginOptions>(
  async (fastify, { database, embedded, migrate }) => {
    if (database.kind === 'embedded') {
      if (!embedded) throw new Error('the embedded database must be opened before the plugin is registered');
      // Registered before the pool: close hooks run last-in-first-out, so the pool ends first,
      // then PGlite closes, then the directory is released.
      fastify.addHook('onClose', () => embedded.close());
      await fastify.register(fastifyPostgres, {
        ...createPgConfig(embedded.pglite),
        max: 1,
        idleTimeoutMillis: 0,
        connectionTimeoutMillis: CONNECTION_TIMEOUT_MS,
      });
    } else {
      await fastify.register(fastifyPostgres, {
        connectionString: database.url,
        Client: NamedStatementsClient,
        // Each save waits on its commit's WAL flush: with 10 connections, 32 concurrent saves
        // queued for a connection while the CPU idled (bench/BENCHMARKS.md, 732 → 817 saves/s).
        max: 20,
        connectionTimeoutMillis: CONNECTION_TIMEOUT_MS,
      });
    }

    // A connection the server drops (a restart, an outage) is reported as an 'error' event: on the
    // pool while the connection is idle, on the connection itself while it is handed out (a query
    // on its way is failed as well). Without listeners either would end the process; the pool
    // replaces the connection at the next query.
    const lost = (error: Error) => fastify.log.warn({ err: error }, 'database connection lost');
    fastify.pg.pool.on('error', lost);
    fastify.pg.pool.on('connect', (client) => client.on('error', lost));

    // Kysely is not destroyed on close: that would end the pool @fastify/postgres owns.
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: fastify.pg.pool }) });
    fastify.decorate('db', db);

    if (migrate) await migrateToLatest(db, fastify.log);
  },
  { name: 'database' },
);
