import { ConfigError, loadConfig } from './config.js';
import { openEmbeddedDatabase } from './db/embedded.js';
import { demoArguments } from './demo/arguments.js';
import { limitHeapGrowth } from './heap-growth.js';

/** Process entry: read configuration, build the app, listen, and close gracefully on signals. */
async function main(): Promise<void> {
  const startedAt = performance.now();
  limitHeapGrowth();
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }

  // PGlite takes about a second to open (its WebAssembly): it opens while the app's modules load,
  // which is about as long (bench/BENCHMARKS.md, Start-up). buildApp awaits it.
  const embedded = config.database.kind === 'embedded' ? openEmbeddedDatabase(config.database.dataDir) : undefined;
  embedded?.catch(() => undefined);
  const [{ buildApp }, { ensureFirstAdmin }, { startBanner }] = await Promise.all([import('./app.js'), import('./people/first-admin.js'), import('./start-banner.js')]);
  const app = await buildApp(config, { readableLogs: process.stdout.isTTY === true, embedded });
  // `npm run demo`: the demo data first, so that no first administrator is made beside its accounts.
  const demo = demoArguments(process.argv.slice(2));
  let demoAccounts: readonly string[] = [];
  if (demo) {
    const [{ prepareDemo }, { DemoRefusedError }] = await Promise.all([import('./demo/at-start.js'), import('./demo/seed.js')]);
    try {
      demoAccounts = await prepareDemo(app, demo, (line) => console.log(line));
    } catch (error) {
      await app.close();
      if (!(error instanceof DemoRefusedError)) throw error;
      console.error(error.message);
      process.exit(1);
    }
  }
  const firstAdmin = await ensureFirstAdmin(app, config.firstAdmin);

  let closing = false;
  const close = async (signal: NodeJS.Signals) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    const force = setTimeout(() => {
      app.log.error('shutdown took longer than 10 s; exiting');
      process.exit(1);
    }, 10_000);
    force.unref();
    try {
      await app.close();
      process.exit(0);
    } catch (error) {
      app.log.error({ err: error }, 'error during shutdown');
      process.exit(1);
    }
  };
  process.once('SIGTERM', (signal) => void close(signal));
  process.once('SIGINT', (signal) => void close(signal));

  const address = await app.listen({ port: config.port, host: config.host });
  app.log.info({ startupMs: Math.round(performance.now() - startedAt) }, 'listening');
  const url = config.publicUrl?.href ?? address.replace('127.0.0.1', 'localhost');
  console.log(startBanner(url, { firstAdmin, demoAccounts }));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
