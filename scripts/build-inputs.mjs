import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * What each part of the build is made from, and whether the last build of it is still what its
 * sources would give: `npm start` (scripts/start.mjs) rebuilds only a part whose inputs changed
 * since it was built, so that a warm start runs the server at once instead of rebuilding it.
 * Content, not modification times: a checkout or a copy that touches every file changes nothing.
 */
export const PARTS = {
  client: { inputs: ['client', 'server/questionnaire', 'vite.config.ts', 'package-lock.json'], output: 'dist/client/index.html', script: 'build:client' },
  server: { inputs: ['server', 'migrations', 'tsconfig.json', 'tsconfig.build.json', 'package-lock.json'], output: 'dist/server/main.js', script: 'build:server' },
};

/** The fingerprints of the last builds, by part. */
export const STAMP_FILE = 'dist/.build-inputs.json';

/** A hash of every input file's path and content, in a fixed order. */
export function fingerprint(root, inputs) {
  const hash = createHash('sha256');
  for (const file of inputs.flatMap((input) => filesUnder(root, input)).sort()) {
    hash.update(`${file}\0`);
    hash.update(fs.readFileSync(path.join(root, file)));
    hash.update('\0');
  }
  return hash.digest('hex');
}

/** The parts to build: no output yet, no record of the last build, or inputs changed since. */
export function staleParts(root) {
  const stamps = readStamps(root);
  return Object.entries(PARTS)
    .filter(([name, part]) => !fs.existsSync(path.join(root, part.output)) || stamps[name] !== fingerprint(root, part.inputs))
    .map(([name]) => name);
}

/** Builds `parts` with their npm scripts, recording each once built; false when one fails. */
export function buildParts(root, parts, { say = () => {} } = {}) {
  for (const name of parts) {
    say(name);
    const built = spawnSync('npm', ['run', '--silent', PARTS[name].script], { cwd: root, stdio: 'inherit' });
    if (built.status !== 0) return false;
    recordBuilt(root, [name]);
  }
  return true;
}

/** After building `parts`: their fingerprints, so that the next start knows them up to date. */
export function recordBuilt(root, parts) {
  const stamps = readStamps(root);
  for (const name of parts) stamps[name] = fingerprint(root, PARTS[name].inputs);
  fs.mkdirSync(path.dirname(path.join(root, STAMP_FILE)), { recursive: true });
  fs.writeFileSync(path.join(root, STAMP_FILE), `${JSON.stringify(stamps, null, 2)}\n`);
}

function readStamps(root) {
  try {
    return JSON.parse(fs.readFileSync(path.join(root, STAMP_FILE), 'utf8'));
  } catch {
    return {};
  }
}

function filesUnder(root, input) {
  const full = path.join(root, input);
  if (!fs.existsSync(full)) return [];
  if (!fs.statSync(full).isDirectory()) return [input];
  return fs.readdirSync(full, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(root, path.join(entry.parentPath ?? entry.path, entry.name)).split(path.sep).join('/'));
}
