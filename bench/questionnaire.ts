import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { compileQuestionnaire, createSubmitValidator, longRows, wideColumns, wideRow } from '../server/questionnaire/index.js';
import type { JsonObject, Problem } from '../server/questionnaire/index.js';
import { machine, writeSection } from './report.js';

/**
 * Throughput of the questionnaire core on one core: the draft check every save runs, the full
 * submit validation (draft check, then the submit engine), progress, and the CSV layout of one
 * response. Submit validation and progress are measured with both engines on the same rows: the
 * compiled submit rules, and survey-core's Model path that definitions outside the rules' subset
 * keep. Uses the real v2 questionnaire and its complete response.
 *
 * `npm run bench -- questionnaire`
 */
const ROOT = path.resolve(import.meta.dirname, '..');
const FILES = { definition: 'survey-definitions/national-cooperation/v2.json', answers: 'tests/fixtures/national-cooperation/v2-complete.json' };
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

/** What the figures measure, and where the survey-core path spends its time. */
const NOTES = [
  '',
  "Both engines give the same problems and progress (tests/server/questionnaire/submit-rules-differential.test.ts compares them on generated answer sets). The submit rules are compiled once per version from survey-core's element tree: a call runs the visibility conditions with survey-core's expression engine on the answers, then the checks of the questions left visible; it builds no survey-core object and assigns no data. The survey-core path spends all its time inside survey-core — assigning the data (`model.data = …`, which re-reads every question's value and re-runs every condition) and `model.validate()` — and more when consecutive responses differ in their dynamic-panel entries, which it builds or drops (the alternating row).",
];

const format = (value: number) => Math.round(value).toLocaleString('en-GB');

export async function runQuestionnaireBench(): Promise<void> {
  // Other work on the machine slows every figure; the load average says how much there was.
  const load = os.loadavg()[0] ?? 0;
  const definition = readJson(FILES.definition);
  const complete = readJson(FILES.answers);
  const half = halfOf(complete);

  const compileStarted = performance.now();
  const compiled = compileQuestionnaire(definition);
  const compileMs = performance.now() - compileStarted;
  // The fallback engine, behind the same draft check as compiled.validateForSubmit.
  const surveyCore = createSubmitValidator(definition);
  const surveyCoreSubmit = (data: JsonObject): Problem[] => {
    const problems = compiled.checkDraft(data);
    return problems.length > 0 ? problems : surveyCore.validateForSubmit(data);
  };
  if (compiled.checkDraft(complete).length > 0 || compiled.validateForSubmit(complete).length > 0) {
    throw new Error(`${FILES.answers} is not a valid complete response of ${FILES.definition}`);
  }
  for (const data of [complete, half]) {
    if (JSON.stringify(compiled.validateForSubmit(data)) !== JSON.stringify(surveyCoreSubmit(data))) throw new Error('the submit engines disagree');
  }
  const columns = wideColumns(compiled.catalogue, [complete]);
  const engine = compiled.submitEngine;

  const checks = perSecond(() => compiled.checkDraft(complete), 3);
  let flip = false;
  const alternate = () => {
    flip = !flip;
    return flip ? complete : half;
  };
  // compiled.* is the rules only when the questionnaire uses them; otherwise it is the column beside.
  const rules =
    engine.kind === 'rules'
      ? {
        validations: perSecond(() => compiled.validateForSubmit(complete), 5),
        alternating: perSecond(() => compiled.validateForSubmit(alternate()), 5),
        progress: perSecond(() => compiled.progress(complete), 3),
      }
      : undefined;
  const model = {
    validations: perSecond(() => surveyCoreSubmit(complete), 5),
    alternating: perSecond(() => surveyCoreSubmit(alternate()), 5),
    progress: perSecond(() => surveyCore.progress(complete), 3),
  };
  const wide = perSecond(() => wideRow(columns, complete, { values: 'labels' }), 2);
  const long = perSecond(() => longRows(compiled.catalogue, complete, { values: 'codes' }), 2);

  const met = (value: number, target: number) => (value >= target ? 'met' : 'NOT met');
  const perCall = (value: number, digits: number) => `${(1000 / value).toFixed(digits)} ms`;
  const both = (label: string, fast: number | undefined, slow: number) =>
    `| ${label} | ${fast === undefined ? '—' : format(fast)} | ${fast === undefined ? '—' : perCall(fast, 3)} | ${format(slow)} | ${perCall(slow, 1)} |`;
  const used = rules ?? model;
  const body = [
    `Command: \`npm run bench -- questionnaire\` · ${machine()} · one core (Node runs the core on the event loop) · load average ${load.toFixed(1)} at the start`,
    '',
    `Questionnaire: \`${FILES.definition}\` (${compiled.catalogue.variables.length} catalogue variables), response \`${FILES.answers}\`. Compiling it (survey-core model, catalogue, Ajv schema, submit rules) took ${compileMs.toFixed(0)} ms, once per version. Its submit engine: ${engine.kind === 'rules' ? 'the submit rules' : `survey-core (${engine.reasons.join('; ')})`}.`,
    '',
    '| operation (complete response unless said) | rules: per second | per call | survey-core: per second | per call |',
    '|---|---|---|---|---|',
    `| draft check (\`checkDraft\`, Ajv; the same for both) | ${format(checks)} | ${perCall(checks, 3)} | | |`,
    both('submit validation (`validateForSubmit`: draft check + engine), same response again', rules?.validations, model.validations),
    both('submit validation, alternating the complete response and one with half the questions', rules?.alternating, model.alternating),
    both('progress (visibility and required)', rules?.progress, model.progress),
    `| wide CSV row, labels | ${format(wide)} | ${perCall(wide, 3)} | | |`,
    `| long CSV rows, codes | ${format(long)} | ${perCall(long, 3)} | | |`,
    '',
    `Targets, with the engine this questionnaire uses (${engine.kind}): ≥ ${format(TARGETS.checks)} draft checks/s — ${met(checks, TARGETS.checks)}; ≥ ${TARGETS.validations} submit validations/s — ${met(used.validations, TARGETS.validations)}.`,
    ...NOTES,
  ].join('\n');
  writeSection('Questionnaire core', body);
  console.log(body);
}
