import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PARTS, recordBuilt, staleParts } from '../../../scripts/build-inputs.mjs';

// `npm start` rebuilds only the parts whose sources changed (scripts/start.mjs): here on a
// miniature checkout in a temporary directory.
let root: string;
const write = (file: string, text: string) => {
  fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  fs.writeFileSync(path.join(root, file), text);
};
const builtEverything = () => {
  write(PARTS.client.output, '<!doctype html>');
  write(PARTS.server.output, '// built');
  recordBuilt(root, ['client', 'server']);
};

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'ncs-build-inputs-'));
  write('client/src/main.tsx', 'render()');
  write('server/main.ts', 'listen()');
  write('migrations/0001.ts', 'create table');
  write('package-lock.json', '{}');
  write('tsconfig.json', '{}');
});
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

describe('what npm start builds', () => {
  it('builds both parts on a fresh clone, where nothing is built', () => {
    expect(staleParts(root)).toEqual(['client', 'server']);
  });

  it('builds nothing when nothing changed since the last build, even if files were touched', () => {
    builtEverything();
    const file = path.join(root, 'server/main.ts');
    fs.utimesSync(file, new Date(), new Date(Date.now() + 60_000));
    expect(staleParts(root)).toEqual([]);
  });

  it('builds only the part whose sources changed, including a new file', () => {
    builtEverything();
    write('client/src/main.tsx', 'render(changed)');
    expect(staleParts(root)).toEqual(['client']);
    recordBuilt(root, ['client']);
    write('migrations/0002.ts', 'alter table');
    expect(staleParts(root)).toEqual(['server']);
  });

  it('builds both when the installed packages change, and a part whose output is gone', () => {
    builtEverything();
    write('package-lock.json', '{"lockfileVersion":3}');
    expect(staleParts(root)).toEqual(['client', 'server']);
    recordBuilt(root, ['client', 'server']);
    fs.rmSync(path.join(root, PARTS.server.output));
    expect(staleParts(root)).toEqual(['server']);
  });
});
