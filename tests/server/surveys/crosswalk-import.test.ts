import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../../server/app.js';
import { readDefinitionFolders } from '../../../server/surveys/definition-files.js';
import { buildTestApp, configOf, testDatabaseInfo } from '../../helpers/build-test-app.js';
import { definitionsFixturesDir } from '../../helpers/test-config.js';

/** The pilot fixture plus a v2 that renames its question, in a writable folder. */
function pilotWithTwoVersions(): string {
  const dir = fs.mkdtempSync(path.join(testDatabaseInfo().scratchDir, 'defs-'));
  fs.cpSync(definitionsFixturesDir('small'), dir, { recursive: true });
  const v1 = JSON.parse(fs.readFileSync(path.join(dir, 'pilot', 'v1.json'), 'utf8'));
  const v2 = structuredClone(v1);
  v2.title = 'Pilot questionnaire, version 2';
  v2.pages[0].elements[0].name = 'national_action_plan';
  fs.writeFileSync(path.join(dir, 'pilot', 'v2.json'), JSON.stringify(v2));
  return dir;
}

const write = (dir: string, file: string, json: unknown) => fs.writeFileSync(path.join(dir, 'pilot', file), JSON.stringify(json));
const renameStep = { from: 1, to: 2, renamed: { action_plan: 'national_action_plan' } };
const table = { id: 'coordination', title: 'Coordination', questions: ['national_action_plan'] };

async function storedFiles(app: FastifyInstance, surveyId: string) {
  return app.db.selectFrom('surveys').select(['crosswalk', 'comparison_tables']).where('id', '=', surveyId).executeTakeFirstOrThrow();
}

describe('crosswalk and comparison tables imported with the survey', () => {
  let app: FastifyInstance | undefined;
  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  it('the template database holds the real crosswalk and tables', async () => {
    app = await buildTestApp();
    const crosswalk = await app.surveys.crosswalkOf('national-cooperation');
    expect(crosswalk?.steps).toHaveLength(1);
    expect(crosswalk?.steps[0]?.renamed).toMatchObject({ nrm_description: 'referral_mechanism_description' });
    const stored = await storedFiles(app, 'national-cooperation');
    expect((stored.comparison_tables as { tables: Array<{ id: string }> }).tables.map((t) => t.id)).toContain('national-coordination');
  });

  it('stores the files as they are at each start, and null without them', async () => {
    const definitionsDir = pilotWithTwoVersions();
    write(definitionsDir, 'crosswalk.json', { steps: [renameStep] });
    write(definitionsDir, 'tables.json', { tables: [table] });
    app = await buildTestApp({ config: { definitionsDir }, build: { importDefinitions: true } });
    expect(await app.surveys.crosswalkOf('pilot')).toEqual({ steps: [{ ...renameStep, recoded: {}, dropped: [] }] });
    expect(await storedFiles(app, 'pilot')).toEqual({ crosswalk: { steps: [renameStep] }, comparison_tables: { tables: [table] } });
    await app.close();

    fs.rmSync(path.join(definitionsDir, 'pilot', 'crosswalk.json'));
    fs.rmSync(path.join(definitionsDir, 'pilot', 'tables.json'));
    app = await buildApp(configOf(app), { logger: false, migrate: false });
    expect(await app.surveys.crosswalkOf('pilot')).toBeNull();
    expect(await storedFiles(app, 'pilot')).toEqual({ crosswalk: null, comparison_tables: null });
  });

  it('checks and stores them again only when a file or the versions changed', async () => {
    const definitionsDir = pilotWithTwoVersions();
    write(definitionsDir, 'crosswalk.json', { steps: [renameStep] });
    app = await buildTestApp({ config: { definitionsDir }, build: { importDefinitions: true } });
    // The row's version (xmin) moves with every update of it.
    const rowVersion = async () => (await sql<{ v: string }>`select xmin::text as v from surveys where id = 'pilot'`.execute(app!.db)).rows[0]!.v;
    const before = await rowVersion();
    // Formatting and key order are not a change.
    fs.writeFileSync(path.join(definitionsDir, 'pilot', 'crosswalk.json'), JSON.stringify({ steps: [{ renamed: { action_plan: 'national_action_plan' }, to: 2, from: 1 }] }, null, 2));
    expect(await app.surveys.importFolders(await readDefinitionFolders(definitionsDir))).toEqual([]);
    expect(await rowVersion()).toBe(before);
    write(definitionsDir, 'tables.json', { tables: [table] });
    await app.surveys.importFolders(await readDefinitionFolders(definitionsDir));
    expect(await rowVersion()).not.toBe(before);
    expect(await storedFiles(app, 'pilot')).toEqual({ crosswalk: { steps: [renameStep] }, comparison_tables: { tables: [table] } });
  });

  it('refuses a crosswalk naming a version or question the survey lacks, publishing nothing', async () => {
    const definitionsDir = pilotWithTwoVersions();
    const v2 = fs.readFileSync(path.join(definitionsDir, 'pilot', 'v2.json'));
    fs.rmSync(path.join(definitionsDir, 'pilot', 'v2.json'));
    app = await buildTestApp({ config: { definitionsDir }, build: { importDefinitions: true } });
    await app.close();

    fs.writeFileSync(path.join(definitionsDir, 'pilot', 'v2.json'), v2);
    write(definitionsDir, 'crosswalk.json', { steps: [{ from: 1, to: 2, renamed: { action_plans: 'national_action_plan' } }, { from: 2, to: 3 }] });
    const restart = (importDefinitions: boolean) => buildApp(configOf(app!), { logger: false, migrate: false, importDefinitions });
    await expect(restart(true)).rejects.toThrow(
      /pilot\/crosswalk\.json is not a valid crosswalk:\n {2}- steps\[0\]\.renamed: version 1 has no question 'action_plans'\n {2}- steps\[1\]\.to: the survey has no version 3/,
    );
    // v2.json, published in the same import, was rolled back with it.
    app = await restart(false);
    expect(await app.surveys.findVersion('pilot', 2)).toBeUndefined();
    expect(await app.surveys.crosswalkOf('pilot')).toBeNull();
  });

  it('checks a crosswalk against versions published through the API too', async () => {
    const definitionsDir = pilotWithTwoVersions();
    fs.rmSync(path.join(definitionsDir, 'pilot', 'v2.json'));
    app = await buildTestApp({ config: { definitionsDir }, build: { importDefinitions: true } });
    const v2 = structuredClone((await app.surveys.getVersion('pilot', 1)).definition) as { pages: Array<{ elements: Array<{ name: string }> }> };
    v2.pages[0]!.elements[0]!.name = 'national_action_plan';
    await app.surveys.publishNextVersion('pilot', v2);
    await app.close();

    write(definitionsDir, 'crosswalk.json', { steps: [renameStep] });
    app = await buildApp(configOf(app), { logger: false, migrate: false });
    expect((await app.surveys.crosswalkOf('pilot'))?.steps[0]?.renamed).toEqual(renameStep.renamed);
  });

  it('refuses a crosswalk that is not one, and tables of the wrong shape', async () => {
    const definitionsDir = pilotWithTwoVersions();
    write(definitionsDir, 'crosswalk.json', { steps: [{ from: 2, to: 1 }] });
    await expect(buildTestApp({ config: { definitionsDir }, build: { importDefinitions: true } })).rejects.toThrow(
      /crosswalk\.json is not a valid crosswalk:\n {2}- steps\[0\]: "to" \(1\) must be a later version than "from" \(2\)/,
    );

    write(definitionsDir, 'crosswalk.json', { steps: [renameStep] });
    write(definitionsDir, 'tables.json', { tables: [table, { ...table, questions: [] }, { id: 'x', title: ' ' }] });
    await expect(buildTestApp({ config: { definitionsDir }, build: { importDefinitions: true } })).rejects.toThrow(
      /tables\.json is not a valid list of comparison tables:\n {2}- tables\[1\]\.id: 'coordination' is used twice\n {2}- tables\[1\]\.questions: must be a non-empty list of question names\n {2}- tables\[2\]\.title: must be a non-empty text\n {2}- tables\[2\]\.questions/,
    );
  });

  it('refuses a crosswalk file that is not JSON, naming it', async () => {
    const definitionsDir = pilotWithTwoVersions();
    fs.writeFileSync(path.join(definitionsDir, 'pilot', 'crosswalk.json'), '{ "steps": [');
    await expect(buildTestApp({ config: { definitionsDir }, build: { importDefinitions: true } })).rejects.toThrow(/crosswalk\.json: is not valid JSON/);
  });
});
