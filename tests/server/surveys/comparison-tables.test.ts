import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../../server/app.js';
import { buildCatalogue, catalogueQuestions } from '../../../server/questionnaire/index.js';
import type { SurveyDefinition } from '../../../server/questionnaire/index.js';
import { comparisonTablesReasons } from '../../../server/surveys/comparison-tables.js';
import { buildTestApp, configOf, testDatabaseInfo } from '../../helpers/build-test-app.js';
import { definitionsFixturesDir } from '../../helpers/test-config.js';

const REAL = path.resolve(import.meta.dirname, '../../../survey-definitions/national-cooperation');
const readReal = (file: string) => JSON.parse(fs.readFileSync(path.join(REAL, file), 'utf8')) as unknown;
type Table = { id: string; title: string; description?: string; questions: string[] };
const realTables = () => (readReal('tables.json') as { tables: Table[] }).tables;
const questionsOf = (file: string) => new Set(catalogueQuestions(buildCatalogue(readReal(file) as SurveyDefinition)));

/**
 * The pilot fixture (action_plan, shelter_places) plus a v2 that adds a question and a
 * display-only text, in a writable folder.
 */
function pilotWithTwoVersions(): string {
  const dir = fs.mkdtempSync(path.join(testDatabaseInfo().scratchDir, 'tables-'));
  fs.cpSync(definitionsFixturesDir('small'), dir, { recursive: true });
  const v1 = JSON.parse(fs.readFileSync(path.join(dir, 'pilot', 'v1.json'), 'utf8'));
  const v2 = structuredClone(v1);
  v2.title = 'Pilot questionnaire, version 2';
  v2.pages[0].elements.push(
    { type: 'boolean', name: 'stockholm_follow_up', title: 'Has the country followed up the Stockholm recommendations?' },
    { type: 'html', name: 'stockholm_note', html: '<p>The Stockholm conference, December 2009.</p>' },
  );
  fs.writeFileSync(path.join(dir, 'pilot', 'v2.json'), JSON.stringify(v2));
  return dir;
}

const writeTables = (dir: string, tables: unknown[]) => fs.writeFileSync(path.join(dir, 'pilot', 'tables.json'), JSON.stringify({ tables }));
const storedTables = async (app: FastifyInstance) =>
  (await app.db.selectFrom('surveys').select('comparison_tables').where('id', '=', 'pilot').executeTakeFirstOrThrow()).comparison_tables;

describe('comparisonTablesReasons', () => {
  const asked = new Set(['action_plan', 'shelter_places']);

  it('accepts tables whose every question some version asks', () => {
    expect(comparisonTablesReasons({ tables: [{ id: 'coordination', title: 'Coordination', questions: ['action_plan', 'shelter_places'] }] }, asked)).toEqual([]);
  });

  it('refuses a question no version asks, and one named twice, naming the table', () => {
    const tables = {
      tables: [
        { id: 'coordination', title: 'Coordination', questions: ['action_plan'] },
        { id: 'shelter', title: 'Shelter', questions: ['shelter_place', 'action_plan', 'action_plan'] },
      ],
    };
    expect(comparisonTablesReasons(tables, asked)).toEqual([
      "tables[1].questions: no version of the survey asks a question 'shelter_place'",
      "tables[1].questions: 'action_plan' is named twice",
    ]);
  });

  it('still checks the shape first', () => {
    expect(comparisonTablesReasons([], asked)).toEqual(['comparison tables are an object with a "tables" list']);
    expect(comparisonTablesReasons({ tables: [{ id: 'x', title: 'X', questions: [] }] }, asked)).toEqual([
      'tables[0].questions: must be a non-empty list of question names',
    ]);
  });
});

describe('comparison tables checked against the survey at import', () => {
  let app: FastifyInstance | undefined;
  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  it('accepts a table naming a question only a later version asks', async () => {
    const definitionsDir = pilotWithTwoVersions();
    const table = { id: 'follow-up', title: 'Follow-up', questions: ['action_plan', 'stockholm_follow_up'] };
    writeTables(definitionsDir, [table]);
    app = await buildTestApp({ config: { definitionsDir }, build: { importDefinitions: true } });
    expect(await storedTables(app)).toEqual({ tables: [table] });
  });

  it('refuses a table naming a question no version asks, or a display-only element, and stores nothing', async () => {
    const definitionsDir = pilotWithTwoVersions();
    writeTables(definitionsDir, [{ id: 'coordination', title: 'Coordination', questions: ['action_plan'] }]);
    app = await buildTestApp({ config: { definitionsDir }, build: { importDefinitions: true } });
    await app.close();

    writeTables(definitionsDir, [
      { id: 'coordination', title: 'Coordination', questions: ['action_plan'] },
      { id: 'follow-up', title: 'Follow-up', questions: ['stockholm_followup', 'stockholm_note'] },
    ]);
    const restart = (importDefinitions: boolean) => buildApp(configOf(app!), { logger: false, migrate: false, importDefinitions });
    await expect(restart(true)).rejects.toThrow(
      new RegExp(
        [
          'pilot/tables\\.json is not a valid list of comparison tables:',
          "  - tables\\[1\\]\\.questions: no version of the survey asks a question 'stockholm_followup'",
          "  - tables\\[1\\]\\.questions: no version of the survey asks a question 'stockholm_note'",
        ].join('\n'),
      ),
    );
    // The tables stored at the first start are still there, unchanged.
    app = await restart(false);
    expect(await storedTables(app)).toEqual({ tables: [{ id: 'coordination', title: 'Coordination', questions: ['action_plan'] }] });
  });

  it('counts versions published through the API beyond the files', async () => {
    const definitionsDir = fs.mkdtempSync(path.join(testDatabaseInfo().scratchDir, 'tables-'));
    fs.cpSync(definitionsFixturesDir('small'), definitionsDir, { recursive: true });
    app = await buildTestApp({ config: { definitionsDir }, build: { importDefinitions: true } });
    const v2 = structuredClone((await app.surveys.getVersion('pilot', 1)).definition) as { pages: Array<{ elements: unknown[] }> };
    v2.pages[0]!.elements.push({ type: 'boolean', name: 'stockholm_follow_up', title: 'Followed up?' });
    await app.surveys.publishNextVersion('pilot', v2);
    await app.close();

    const table = { id: 'follow-up', title: 'Follow-up', questions: ['stockholm_follow_up'] };
    writeTables(definitionsDir, [table]);
    app = await buildApp(configOf(app), { logger: false, migrate: false });
    expect(await storedTables(app)).toEqual({ tables: [table] });
  });
});

describe("the study's tables.json", () => {
  const v1 = questionsOf('v1.json');
  const v2 = questionsOf('v2.json');
  const byId = new Map(realTables().map((table) => [table.id, table]));

  it('passes the import check against v1 and v2, and the template database holds it', async () => {
    expect(comparisonTablesReasons(readReal('tables.json'), new Set([...v1, ...v2]))).toEqual([]);
    const app = await buildTestApp();
    try {
      const stored = (await app.db.selectFrom('surveys').select('comparison_tables').where('id', '=', 'national-cooperation').executeTakeFirstOrThrow())
        .comparison_tables as { tables: Table[] };
      expect(stored.tables.map((table) => table.id)).toEqual(realTables().map((table) => table.id));
    } finally {
      await app.close();
    }
  });

  it('has a regional cooperation table with the questions on cooperation between the Baltic Sea states', () => {
    const regional = byId.get('regional-cooperation')!;
    expect(regional.questions).toEqual(['regional_agreements', 'cbss_cooperation_partners', 'cooperation_channels', 'regional_obstacles', 'regional_model_mou_interest']);
    // regional_obstacles was dropped in 2010; the others are asked in both rounds.
    expect(regional.questions.filter((name) => !v2.has(name))).toEqual(['regional_obstacles']);
    expect(regional.questions.every((name) => v1.has(name))).toBe(true);
  });

  it('has the Stockholm follow-up: every question of its page in v2, none asked in v1', () => {
    const stockholm = byId.get('stockholm-follow-up')!;
    expect(stockholm.questions.some((name) => v1.has(name))).toBe(false);
    const page = (readReal('v2.json') as { pages: Array<{ name: string; elements: Array<{ name: string; type: string }> }> }).pages.find(
      (p) => p.name === 'stockholm_follow_up',
    )!;
    // The two free-text answers are read in the country profile, not compared in a table.
    const coded = page.elements.filter((element) => element.type !== 'comment').map((element) => element.name);
    expect(stockholm.questions).toEqual(coded);
  });

  it('puts the year of the victim figures beside them and the action plan period beside the plan', () => {
    const data = byId.get('data-risk-assessment')!.questions;
    expect(data.slice(data.indexOf('victim_data_year'), data.indexOf('victim_data_year') + 3)).toEqual(['victim_data_year', 'identified_victims', 'presumed_victims']);
    const coordination = byId.get('national-coordination')!.questions;
    expect(coordination.slice(0, 3)).toEqual(['action_plan', 'action_plan_start_year', 'action_plan_end_year']);
  });

  it('names both names of a question the crosswalk renamed, so each round shows its own', () => {
    const crosswalk = readReal('crosswalk.json') as { steps: Array<{ renamed: Record<string, string> }> };
    for (const table of realTables()) {
      for (const [old, renamed] of Object.entries(crosswalk.steps[0]!.renamed)) {
        expect(table.questions.includes(old), `${table.id}: ${old} / ${renamed}`).toBe(table.questions.includes(renamed));
      }
    }
  });
});
