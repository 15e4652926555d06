import { buildApp } from '../app.js';
import { loadConfig } from '../config.js';

/** `npm run migrate`: bring the database schema up to date, then stop. */
const app = await buildApp(loadConfig(), { importDefinitions: false });
await app.close();
console.log('The database schema is up to date.');
