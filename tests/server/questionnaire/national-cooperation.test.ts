import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkDefinition, compileQuestionnaire, mapAnswers, parseCrosswalk } from '../../../server/questionnaire/index.js';
import type { Crosswalk, JsonObject } from '../../../server/questionnaire/index.js';
import { answerSets } from './support/answer-arbitraries.js';
import { questionTree, realAnswers, realFile } from './support/fixtures.js';

// The real questionnaire (survey-definitions/national-cooperation) run through the core: what
// the server will do with it when it publishes the files and checks the responses.
const v1 = realFile('v1.json');
const v2 = realFile('v2.json');
const crosswalkJson = realFile('crosswalk.json');
const v1Complete = realAnswers('v1-complete.json');
const v2Complete = realAnswers('v2-complete.json');

describe.skipIf(v1 === undefined || v2 === undefined)('the national cooperation questionnaire', () => {
  const definitions = { v1: v1 as JsonObject, v2: v2 as JsonObject };

  it.each(['v1', 'v2'] as const)('%s passes checkDefinition and compiles', (version) => {
    expect(checkDefinition(definitions[version])).toMatchObject({ ok: true });
    const compiled = compileQuestionnaire(definitions[version]);
    expect(compiled.catalogue.variables.length).toBeGreaterThan(50);
  });

  it.skipIf(v2Complete === undefined)('accepts the complete v2 response as a draft and for submission', () => {
    const compiled = compileQuestionnaire(definitions.v2);
    const data = v2Complete as JsonObject;
    expect(compiled.checkDraft(data)).toEqual([]);
    expect(compiled.validateForSubmit(data)).toEqual([]);
    expect(compiled.progress(data).share).toBe(1);
  });

  it.skipIf(v1Complete === undefined)('accepts the complete v1 response as a draft and for submission', () => {
    const compiled = compileQuestionnaire(definitions.v1);
    expect(compiled.checkDraft(v1Complete)).toEqual([]);
    expect(compiled.validateForSubmit(v1Complete)).toEqual([]);
  });

  describe.skipIf(crosswalkJson === undefined)('crosswalk', () => {
    const parsed = parseCrosswalk(crosswalkJson);
    const crosswalk = (parsed.ok ? parsed.crosswalk : undefined) as Crosswalk;
    const v2Compiled = compileQuestionnaire(definitions.v2);

    it('parses', () => {
      expect(parsed).toMatchObject({ ok: true });
    });

    it.skipIf(v1Complete === undefined)('maps the complete v1 response to answers v2 accepts', () => {
      const { data } = mapAnswers(crosswalk, 1, 2, v1Complete as JsonObject);
      expect(v2Compiled.checkDraft(data)).toEqual([]);
    });

    it('maps any v1 answer set to answers v2 accepts, without needing v2 to drop anything', () => {
      fc.assert(
        fc.property(answerSets(questionTree(definitions.v1)), (data) => {
          expect(v2Compiled.checkDraft(mapAnswers(crosswalk, 1, 2, data).data)).toEqual([]);
        }),
        { numRuns: 100 },
      );
    });
  });
});
