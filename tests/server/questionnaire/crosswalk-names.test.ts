import { describe, expect, it } from 'vitest';
import { crosswalkNameReasons, parseCrosswalk } from '../../../server/questionnaire/crosswalk.js';
import type { Crosswalk } from '../../../server/questionnaire/crosswalk.js';
import type { JsonObject } from '../../../server/questionnaire/json.js';
import { fixture, onePage, realFile } from './support/fixtures.js';

function crosswalkOf(json: unknown): Crosswalk {
  const parsed = parseCrosswalk(json);
  if (!parsed.ok) throw new Error(parsed.reasons.join('; '));
  return parsed.crosswalk;
}

const versions = new Map<number, JsonObject>([
  [1, fixture('versions/v1.json')],
  [2, fixture('versions/v2.json')],
  [3, fixture('versions/v3.json')],
]);

describe('crosswalkNameReasons', () => {
  it('accepts a crosswalk whose every name is a question of the version it names', () => {
    expect(crosswalkNameReasons(crosswalkOf(fixture('versions/crosswalk.json')), versions)).toEqual([]);
  });

  it('accepts the real crosswalk against the real questionnaire', () => {
    const real = new Map([
      [1, realFile('v1.json')!],
      [2, realFile('v2.json')!],
    ]);
    expect(crosswalkNameReasons(crosswalkOf(realFile('crosswalk.json')), real)).toEqual([]);
  });

  it('names every step that refers to a missing version or question', () => {
    const walk = crosswalkOf({
      steps: [
        {
          from: 1,
          to: 2,
          renamed: { nrm_descripton: 'referral_mechanism_description', institution: 'institution_kind' },
          recoded: { institution: { a: 'b' } },
          dropped: ['good_practise'],
        },
        { from: 3, to: 4 },
      ],
    });
    expect(crosswalkNameReasons(walk, versions)).toEqual([
      "steps[0].renamed: version 1 has no question 'nrm_descripton'",
      "steps[0].renamed.institution: version 2 has no question 'institution_kind'",
      `steps[0].recoded: version 2 has no question 'institution' (recodes name the question as it is in "to")`,
      "steps[0].dropped: version 1 has no question 'good_practise'",
      'steps[1].to: the survey has no version 4',
    ]);
  });

  it('counts questions inside panels, not fields of dynamic panels', () => {
    const v1 = onePage({
      type: 'panel',
      name: 'group',
      elements: [
        { type: 'text', name: 'inner' },
        { type: 'paneldynamic', name: 'orgs', templateElements: [{ type: 'text', name: 'org_name' }] },
      ],
    });
    const walk = crosswalkOf({ steps: [{ from: 1, to: 2, dropped: ['inner', 'org_name'] }] });
    expect(crosswalkNameReasons(walk, new Map([[1, v1], [2, v1]]))).toEqual(["steps[0].dropped: version 1 has no question 'org_name'"]);
  });
});
