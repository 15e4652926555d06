import path from 'node:path';
import { buildParts, PARTS } from './build-inputs.mjs';

/** `npm run build`: the client and the server, recorded so that `npm start` knows them up to date. */
const root = path.resolve(import.meta.dirname, '..');
if (!buildParts(root, Object.keys(PARTS))) process.exit(1);
