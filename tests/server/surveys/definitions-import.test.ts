import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../../server/app.js';
import { readDefinitionFolders } from '../../../server/surveys/definition-files.js';
import { buildTestApp, configOf, testDatabaseInfo } from '../../helpers/build-test-app.js';
import { definitionsFixturesDir } from '../../helpers/test-config.js';

/** A writable copy of a fixture definitions folder, so a test can change files between starts. */
function copyOfFixture(name: string): string {
  const dir = fs.mkdtempSync(path.join(testDatabaseInfo().scratchDir, 'defs-'));
  fs.cpSync(definitionsFixturesDir(name), dir, { recursive: true });
  return dir;
}

const readJson = (file: string) => JSON.parse(fs.readFileSync(file, 'utf8'));

describe('importing questionnaire files at start-up', () => {
  let app: FastifyInstance | undefined;
  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  it('the template database holds the real questionnaires', async () => {
    app = await buildTestApp();
    const real = (await app.surveys.list()).find((s) => s.id === 'national-cooperation');
    expect(real?.versions.map((v) => v.version)).toEqual([1, 2]);
  });

  it('publishes new files once; unchanged files, reformatted or reordered, change nothing', async () => {
    const definitionsDir = copyOfFixture('small');
    app = await buildTestApp({ config: { definitionsDir }, build: { importDefinitions: true } });
    expect((await app.surveys.getVersion('pilot', 1)).title).toBe('Pilot questionnaire, version 1');

    const file = path.join(definitionsDir, 'pilot', 'v1.json');
    const original = readJson(file);
    fs.writeFileSync(file, JSON.stringify({ pages: original.pages, title: original.title }));
    expect(await app.surveys.importFolders(await readDefinitionFolders(definitionsDir))).toEqual([]);
  });

  it('refuses to start when a published file was changed, saying to publish it as the next version', async () => {
    const definitionsDir = copyOfFixture('small');
    app = await buildTestApp({ config: { definitionsDir }, build: { importDefinitions: true } });
    await app.close();

    const file = path.join(definitionsDir, 'pilot', 'v1.json');
    const original = readJson(file);
    const reworded = structuredClone(original);
    reworded.pages[0].elements[0].title = 'Does your country have a national action plan?';
    fs.writeFileSync(file, JSON.stringify(reworded, null, 2));

    const restart = () => buildApp(configOf(app!), { logger: false, migrate: false });
    await expect(restart()).rejects.toThrow(/v1\.json differs from version 1 of "pilot".*put the changed questionnaire in v2\.json/s);

    // Restored v1 plus the change as v2.json: v2 is published, v1 stays as it was.
    fs.writeFileSync(file, JSON.stringify(original));
    fs.writeFileSync(path.join(definitionsDir, 'pilot', 'v2.json'), JSON.stringify(reworded));
    app = await restart();
    expect(JSON.stringify((await app.surveys.getVersion('pilot', 1)).definition)).not.toContain('Does your country');
    expect(JSON.stringify((await app.surveys.getVersion('pilot', 2)).definition)).toContain('Does your country');
  });

  it('refuses an invalid definition file with the reasons, publishing nothing', async () => {
    const definitionsDir = copyOfFixture('small');
    fs.writeFileSync(
      path.join(definitionsDir, 'pilot', 'v1.json'),
      JSON.stringify({ pages: [{ name: 'p', elements: [{ type: 'text', name: 'a' }, { type: 'text', name: 'a' }] }] }),
    );
    await expect(buildTestApp({ config: { definitionsDir }, build: { importDefinitions: true } })).rejects.toThrow(/v1\.json is not a valid questionnaire/);
  });

  it('refuses version files with gaps', async () => {
    const definitionsDir = copyOfFixture('small');
    fs.renameSync(path.join(definitionsDir, 'pilot', 'v1.json'), path.join(definitionsDir, 'pilot', 'v2.json'));
    await expect(buildTestApp({ config: { definitionsDir }, build: { importDefinitions: true } })).rejects.toThrow(/without gaps/);
  });

  it('refuses a folder whose survey.json id is not the folder name', async () => {
    const definitionsDir = copyOfFixture('small');
    fs.writeFileSync(path.join(definitionsDir, 'pilot', 'survey.json'), JSON.stringify({ id: 'other', title: 'x' }));
    await expect(buildTestApp({ config: { definitionsDir }, build: { importDefinitions: true } })).rejects.toThrow(/must be the folder name "pilot"/);
  });
});
