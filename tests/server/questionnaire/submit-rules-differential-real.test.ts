import { describe, it } from 'vitest';
import type { JsonObject } from '../../../server/questionnaire/json.js';
import { compareEngines } from './support/compare-engines.js';
import { everyType, realFile } from './support/fixtures.js';

// The submit rules against survey-core (support/compare-engines.ts) on the every-type fixture and
// the real questionnaires: a file of its own beside submit-rules-differential.test.ts, so that
// the two halves — each most of a minute — run at the same time.
describe('the submit rules against survey-core, on whole questionnaires', () => {
  // A fresh Model per answer set costs tens of milliseconds, the real questionnaires more.
  const timeout = 120_000;

  it('agree on the every-type fixture', { timeout }, () => compareEngines(everyType(), 80));

  const v1 = realFile('v1.json');
  const v2 = realFile('v2.json');
  it.skipIf(v1 === undefined)('agree on the real v1 questionnaire', { timeout }, () => compareEngines(v1 as JsonObject, 30));
  it.skipIf(v2 === undefined)('agree on the real v2 questionnaire', { timeout }, () => compareEngines(v2 as JsonObject, 30));
});
