import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { compileQuestionnaire, longRows, wideColumns, wideRow } from '../server/questionnaire/index.js';
import type { JsonObject } from '../server/questionnaire/index.js';
import { machine, writeSection } from './report.js';

/**
 * Throughput of the questionnaire core on one core: the draft check every save runs, the full
 * submit validation (draft check, then survey-core), progress, and the CSV layout of one
 * response. Uses the real v2 questionnaire and its complete response, or the every-type test
 * fixture while those files do not exist.
 *
 * `npx tsx bench/questionnaire.ts`
 */
const ROOT = path.resolve(import.meta.dirname, '..');
const REAL = { definition: 'survey-definitions/national-cooperation/v2.json', answers: 'tests/fixtures/national-cooperation/v2-complete.json' };
const FALLBACK = { definition: 'tests/fixtures/questionnaire/every-type.json', answers: 'tests/fixtures/questionnaire/every-type-complete.json' };
const TARGETS = { checks: 20_000, validations: 150 };

const readJson = (file: string): JsonObject => JSON.parse(fs.readFileSync(path.join(ROOT, file), 'utf8')) as JsonObject;

/** Calls `run` for `seconds` after a warm-up of a third of that, and returns calls per second. */
function perSecond(run: () => unknown, seconds: number): number {
  const until = (end: number) => {
    let calls = 0;
    while (performance.now() < end) {
      run();
      calls += 1;
    }
    return calls;
  };
  until(performance.now() + (seconds * 1000) / 3);
  const started = performance.now();
  const calls = until(started + seconds * 1000);
  return calls / ((performance.now() - started) / 1000);
}

/** A different response of the same shape, as consecutive requests bring: half the questions. */
function halfOf(data: JsonObject): JsonObject {
  return Object.fromEntries(Object.entries(data).filter((_, index) => index % 2 === 0));
}

/** Why the submit target is missed and what would meet it, measured with a CPU profile. */
const VALIDATION_SHORTFALL = [
  '',
  "Where the submit time goes: all of it is inside survey-core — assigning the data (`model.data = …`, which re-reads every question's value and re-runs every condition, about two thirds) and `model.validate()` (about one third); the Ajv check and the copy of the data are under 0.1 ms. When consecutive responses differ in their dynamic-panel entries, survey-core also builds or drops those entries (the alternating row). A fresh model per call is slower still (building one takes about 80 ms before any data is set).",
  '',
  'What would meet it: a pool of worker threads, each holding its own compiled questionnaires, scales with cores — on these 2 cores at most about twice the figure above, so still short of 150/s here. It is not built: a submission happens about once per member state per round (11 states), so one core validates far more than the real load; progress, which also runs survey-core, is best computed once per save and stored with the response rather than on every list request.',
];

const format = (value: number) => Math.round(value).toLocaleString('en-GB');

export async function runQuestionnaireBench(): Promise<string> {
  // Other work on the machine slows every figure; the load average says how much there was.
  const load = os.loadavg()[0] ?? 0;
  const files = fs.existsSync(path.join(ROOT, REAL.definition)) && fs.existsSync(path.join(ROOT, REAL.answers)) ? REAL : FALLBACK;
  const definition = readJson(files.definition);
  const complete = readJson(files.answers);
  const half = halfOf(complete);

  const compileStarted = performance.now();
  const compiled = compileQuestionnaire(definition);
  const compileMs = performance.now() - compileStarted;
  if (compiled.checkDraft(complete).length > 0 || compiled.validateForSubmit(complete).length > 0) {
    throw new Error(`${files.answers} is not a valid complete response of ${files.definition}`);
  }
  const columns = wideColumns(compiled.catalogue, [complete]);

  const checks = perSecond(() => compiled.checkDraft(complete), 3);
  const validations = perSecond(() => compiled.validateForSubmit(complete), 5);
  let flip = false;
  const alternating = perSecond(() => compiled.validateForSubmit((flip = !flip) ? complete : half), 5);
  const progress = perSecond(() => compiled.progress(complete), 3);
  const wide = perSecond(() => wideRow(columns, complete, { values: 'labels' }), 2);
  const long = perSecond(() => longRows(compiled.catalogue, complete, { values: 'codes' }), 2);

  const met = (value: number, target: number) => (value >= target ? 'met' : 'NOT met');
  const body = [
    `Command: \`npx tsx bench/questionnaire.ts\` · ${machine()} · one core (Node runs the core on the event loop) · load average ${load.toFixed(1)} at the start`,
    '',
    `Questionnaire: \`${files.definition}\` (${compiled.catalogue.variables.length} catalogue variables), response \`${files.answers}\`. Compiling it (survey-core model, catalogue, Ajv schema) took ${compileMs.toFixed(0)} ms, once per version.`,
    '',
    '| operation (complete response unless said) | per second | per call |',
    '|---|---|---|',
    `| draft check (\`checkDraft\`, Ajv) | ${format(checks)} | ${(1000 / checks).toFixed(3)} ms |`,
    `| submit validation (\`validateForSubmit\`: draft check + survey-core), same response again | ${format(validations)} | ${(1000 / validations).toFixed(1)} ms |`,
    `| submit validation, alternating the complete response and one with half the questions | ${format(alternating)} | ${(1000 / alternating).toFixed(1)} ms |`,
    `| progress (survey-core visibility and required) | ${format(progress)} | ${(1000 / progress).toFixed(1)} ms |`,
    `| wide CSV row, labels | ${format(wide)} | ${(1000 / wide).toFixed(3)} ms |`,
    `| long CSV rows, codes | ${format(long)} | ${(1000 / long).toFixed(3)} ms |`,
    '',
    `Targets: ≥ ${format(TARGETS.checks)} draft checks/s — ${met(checks, TARGETS.checks)}; ≥ ${TARGETS.validations} submit validations/s — ${met(validations, TARGETS.validations)}.`,
    ...(validations >= TARGETS.validations ? [] : VALIDATION_SHORTFALL),
  ].join('\n');
  writeSection('Questionnaire core', body);
  return body;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(await runQuestionnaireBench());
}
