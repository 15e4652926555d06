import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildParts, PARTS, staleParts } from './build-inputs.mjs';

/**
 * `npm start`: build the client and the server only where their sources changed since the last
 * build (or there is none, as on a fresh clone), then run the server in this process.
 */
const root = path.resolve(import.meta.dirname, '..');
const say = (name) => console.log(`Building the ${name}: its sources changed since it was last built…`);
if (!buildParts(root, staleParts(root), { say })) process.exit(1);
await import(pathToFileURL(path.join(root, PARTS.server.output)).href);
