import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileAnswerChecker } from '../../../server/questionnaire/answer-schema.js';
import { mapAnswers, parseCrosswalk } from '../../../server/questionnaire/crosswalk.js';
import type { Crosswalk } from '../../../server/questionnaire/crosswalk.js';
import { checkDefinition } from '../../../server/questionnaire/definition.js';
import { answerSets } from './support/answer-arbitraries.js';
import { fixture, questionTree } from './support/fixtures.js';

const v1 = fixture('versions/v1.json');
const v2 = fixture('versions/v2.json');
const v3 = fixture('versions/v3.json');
const v2Checker = compileAnswerChecker(v2);
const v3Checker = compileAnswerChecker(v3);

function crosswalkOf(json: unknown): Crosswalk {
  const parsed = parseCrosswalk(json);
  if (!parsed.ok) throw new Error(parsed.reasons.join('; '));
  return parsed.crosswalk;
}

const crosswalk = crosswalkOf(fixture('versions/crosswalk.json'));

const v1Answers = {
  country_name: 'Estonia',
  institution: 'other',
  'institution-Comment': 'Coordination office',
  joint_training: 'occasional',
  channels: ['fax', 'ngo_network', 'europol', 'other'],
  'channels-Comment': 'Liaison officers',
  nrm_description: 'Formal, since 2009',
  good_practice: 'Shelter network',
  cooperation: { police: 'institutional', prosecution: 'ad_hoc' },
  shelter: 'planned',
  old_only: true,
};

describe('parseCrosswalk', () => {
  it('reads the fixture, defaulting absent parts to empty', () => {
    expect(crosswalk.steps).toHaveLength(2);
    expect(crosswalkOf({ steps: [{ from: 1, to: 2 }] })).toEqual({ steps: [{ from: 1, to: 2, renamed: {}, recoded: {}, dropped: [] }] });
  });

  it.each([
    [null, 'a crosswalk is an object with a "steps" list'],
    [{ steps: {} }, 'a crosswalk is an object with a "steps" list'],
    [{ steps: ['x'] }, 'steps[0]: a step is an object with "from" and "to"'],
    [{ steps: [{ from: 0, to: 2 }] }, 'steps[0].from: must be a version number (a positive integer)'],
    [{ steps: [{ from: 1, to: 1.5 }] }, 'steps[0].to: must be a version number (a positive integer)'],
    [{ steps: [{ from: 2, to: 1 }] }, 'steps[0]: "to" (1) must be a later version than "from" (2)'],
    [{ steps: [{ from: 1, to: 2, renamed: { a: 3 } }] }, 'steps[0].renamed.a: must be a question name'],
    [{ steps: [{ from: 1, to: 2, renamed: ['a'] }] }, 'steps[0].renamed: must be an object of old name → new name'],
    [{ steps: [{ from: 1, to: 2, renamed: { a: 'c', b: 'c' } }] }, "steps[0].renamed: two questions are renamed to 'c'"],
    [{ steps: [{ from: 1, to: 2, renamed: { a: 'b' }, dropped: ['a'] }] }, "steps[0]: 'a' is both renamed and dropped"],
    [{ steps: [{ from: 1, to: 2, dropped: 'a' }] }, 'steps[0].dropped: must be a list of question names'],
    [{ steps: [{ from: 1, to: 2, recoded: { q: 'x' } }] }, 'steps[0].recoded.q: must be an object of old code → new code'],
    [{ steps: [{ from: 1, to: 2, recoded: { q: { a: ['b'] } } }] }, 'steps[0].recoded.q.a: the new code must be a string, a number or null (to remove it)'],
    [{ steps: [{ from: 1, to: 2 }, { from: 1, to: 3 }] }, 'two steps start at version 1'],
  ])('refuses %j: %s', (json, reason) => {
    expect(parseCrosswalk(json)).toEqual({ ok: false, reasons: [reason] });
  });
});

describe('mapAnswers', () => {
  it('renames (with comment keys), recodes single values, lists and matrix cells, drops dropped questions', () => {
    const { data, dropped } = mapAnswers(crosswalk, 1, 2, v1Answers);
    expect(data).toEqual({
      country_name: 'Estonia',
      institution_type: 'other',
      'institution_type-Comment': 'Coordination office',
      joint_training: 'ad_hoc',
      channels: ['ngo_networks', 'europol', 'other'],
      'channels-Comment': 'Liaison officers',
      referral_mechanism_description: 'Formal, since 2009',
      cooperation: { police: 'formal', prosecution: 'ad_hoc' },
      shelter: 'planned',
      old_only: true,
    });
    expect(dropped).toEqual([{ question: 'good_practice', reason: 'dropped from version 1 to 2' }]);
  });

  it('with the target version, also drops what it does not have or would refuse', () => {
    const { data, dropped } = mapAnswers(crosswalk, 1, 2, v1Answers, v2Checker);
    expect(v2Checker.checkDraft(data)).toEqual([]);
    expect(data).not.toHaveProperty('shelter');
    expect(data).not.toHaveProperty('old_only');
    expect(dropped).toEqual([
      { question: 'good_practice', reason: 'dropped from version 1 to 2' },
      { question: 'old_only', reason: 'version 2 does not accept it: unknown question' },
      { question: 'shelter', reason: "version 2 does not accept it: 'planned' is not one of the choices: 'yes', 'no'" },
    ]);
  });

  it('chains steps', () => {
    const { data } = mapAnswers(crosswalk, 1, 3, v1Answers, v3Checker);
    expect(data).toMatchObject({ country: 'Estonia', joint_training: 'ad_hoc', referral_mechanism_description: 'Formal, since 2009' });
    expect(data).not.toHaveProperty('country_name');
    expect(v3Checker.checkDraft(data)).toEqual([]);
  });

  it('keeps answers as they are within one version, and leaves the input alone', () => {
    const input = structuredClone(v1Answers);
    expect(mapAnswers(crosswalk, 2, 2, input)).toEqual({ data: input, dropped: [] });
    mapAnswers(crosswalk, 1, 3, input, v3Checker);
    expect(input).toEqual(v1Answers);
  });

  it('maps forward only, along existing steps', () => {
    expect(() => mapAnswers(crosswalk, 2, 1, {})).toThrow('answers map forward only, not from version 2 back to 1');
    expect(() => mapAnswers(crosswalk, 3, 4, {})).toThrow('the crosswalk has no step from version 3 towards 4');
    expect(() => mapAnswers(crosswalkOf({ steps: [{ from: 1, to: 3 }] }), 1, 2, {})).toThrow('the crosswalk has no step from version 1 towards 2');
  });

  it('drops an answer whose every code is recoded to nothing', () => {
    const { data, dropped } = mapAnswers(crosswalk, 1, 2, { channels: ['fax'] });
    expect(data).toEqual({});
    expect(dropped).toEqual([{ question: 'channels', reason: 'every code was recoded to nothing from version 1 to 2' }]);
  });

  it('lets an explicit rename win over a same-name question', () => {
    const walk = crosswalkOf({ steps: [{ from: 1, to: 2, renamed: { a: 'b' } }] });
    expect(mapAnswers(walk, 1, 2, { b: 'old b', a: 'renamed a' })).toEqual({
      data: { b: 'renamed a' },
      dropped: [{ question: 'b', reason: "'b' already holds a renamed answer in version 2" }],
    });
  });

  it('recodes numeric codes by their text and merges codes that become one', () => {
    const walk = crosswalkOf({ steps: [{ from: 1, to: 2, recoded: { scale: { '1': 2 }, tick: { a: 'b' } } }] });
    expect(mapAnswers(walk, 1, 2, { scale: 1, tick: ['a', 'b'] }).data).toEqual({ scale: 2, tick: ['b'] });
  });

  it('treats names like toString and constructor as plain question names', () => {
    const walk = crosswalkOf({ steps: [{ from: 1, to: 2, renamed: { valueOf: 'value_of' } }] });
    expect(mapAnswers(walk, 1, 2, { toString: 'a', constructor: 'b', valueOf: 'c' })).toEqual({
      data: { toString: 'a', constructor: 'b', value_of: 'c' },
      dropped: [],
    });
  });

  it('always yields answers the target version accepts (property)', () => {
    fc.assert(
      fc.property(answerSets(questionTree(v1)), (data) => {
        expect(v2Checker.checkDraft(mapAnswers(crosswalk, 1, 2, data, v2Checker).data)).toEqual([]);
        expect(v3Checker.checkDraft(mapAnswers(crosswalk, 1, 3, data, v3Checker).data)).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it('uses fixtures that are valid definitions', () => {
    for (const definition of [v1, v2, v3]) expect(checkDefinition(definition)).toMatchObject({ ok: true });
  });
});
