import { describe, expect, it } from 'vitest';
import { countryProfile, createRounds, earlierQuestions, parseCrosswalk, roundsLayout, selectVariables } from '../../../server/questionnaire/index.js';
import type { Catalogue, Crosswalk } from '../../../server/questionnaire/index.js';
import { catalogueOf, crosswalkOneTwo, roundOne, roundTwo } from './support/analysis-definitions.js';

const parsed = parseCrosswalk(crosswalkOneTwo);
if (!parsed.ok) throw new Error(parsed.reasons.join('; '));
const crosswalk: Crosswalk = parsed.crosswalk;
const one = catalogueOf(roundOne());
const two = catalogueOf(roundTwo());

const names = new Set(['plan', 'training', 'good_practice', 'referral_text', 'stockholm', 'orgs']);
const fromQuestions = earlierQuestions(crosswalk, { version: 1, catalogue: one }, 2, names);
const from = { version: 1, catalogue: selectVariables(one, { questions: fromQuestions, personalData: 'exclude' }) };
const to = { version: 2, catalogue: selectVariables(two, { questions: names, personalData: 'exclude' }) };

const estonia = {
  one: { plan: 'drafting', training: 'occasional', good_practice: 'A joint desk', nrm_text: 'Police refer', orgs: [{ org_type: 'ngo', org_contact: 'x@example.ee' }] },
  two: { plan: 'in_force', training: 'ad_hoc', referral_text: 'Anyone refers', stockholm: true, orgs: [{ org_type: 'ngo' }, { org_type: 'state' }] },
};
const latvia = { one: { plan: 'none', training: 'no' }, two: { plan: 'none', training: 'regular' } };
const lithuania = { two: { plan: 'in_force' } };

function run() {
  const layout = roundsLayout(crosswalk, from, to, [estonia.one, latvia.one], [estonia.two, latvia.two, lithuania.two]);
  const rounds = createRounds(layout);
  const rows = [rounds.add(estonia.one, estonia.two), rounds.add(latvia.one, latvia.two), rounds.add(null, lithuania.two)];
  return { rows, variables: rounds.variables(), summaries: rounds.summaries() };
}

describe('two rounds side by side', () => {
  it('selects the earlier questions carried to the chosen ones, or named themselves', () => {
    expect([...fromQuestions].sort()).toEqual(['good_practice', 'nrm_text', 'orgs', 'plan', 'training']);
  });

  it('pairs renamed and recoded variables, and lists dropped and added ones, never silently paired', () => {
    const { variables } = run();
    expect(variables.map((variable) => [variable.kind, variable.key, 'from' in variable ? variable.from.key : null])).toEqual([
      ['paired', 'plan', 'plan'],
      ['paired', 'training', 'training'],
      ['dropped', 'good_practice', 'good_practice'],
      ['paired', 'referral_text', 'nrm_text'],
      ['added', 'stockholm', null],
      ['paired', 'orgs.count', 'orgs.count'],
      ['paired', 'orgs.1.org_name', 'orgs.1.org_name'],
      ['paired', 'orgs.1.org_type', 'orgs.1.org_type'],
      // Only the later round has a second organisation: the entry is still the same question.
      ['paired', 'orgs.2.org_name', 'orgs.2.org_name'],
      ['paired', 'orgs.2.org_type', 'orgs.2.org_type'],
    ]);
    expect(variables.find((variable) => variable.key === 'training')).toMatchObject({ kind: 'paired', renamed: false, recoded: true, changedStates: 1 });
    expect(variables.find((variable) => variable.key === 'referral_text')).toMatchObject({ kind: 'paired', renamed: true, recoded: false, changedStates: 1, from: { key: 'nrm_text', question: 'nrm_text' }, to: { key: 'referral_text', question: 'referral_text' } });
    expect(variables.find((variable) => variable.key === 'plan')).toMatchObject({ changedStates: 1, title: 'Is there an action plan?' });
  });

  it('reads the earlier round in the later codes, so that changed compares like with like', () => {
    const [ee, lv, lt] = run().rows;
    const byKey = (cells: typeof ee) => Object.fromEntries((cells ?? []).map((cell) => [cell.key, cell]));
    expect(byKey(ee)).toEqual({
      plan: { key: 'plan', from: { value: 'drafting', label: 'Being drafted' }, to: { value: 'in_force', label: 'In force' }, changed: true },
      training: { key: 'training', from: { value: 'ad_hoc', label: 'Ad hoc' }, to: { value: 'ad_hoc', label: 'Ad hoc' }, changed: false },
      good_practice: { key: 'good_practice', from: { value: 'A joint desk', label: 'A joint desk' }, to: null, changed: false },
      referral_text: { key: 'referral_text', from: { value: 'Police refer', label: 'Police refer' }, to: { value: 'Anyone refers', label: 'Anyone refers' }, changed: true },
      stockholm: { key: 'stockholm', from: null, to: { value: 1, label: 'Yes' }, changed: false },
      'orgs.count': { key: 'orgs.count', from: { value: 1, label: '1' }, to: { value: 2, label: '2' }, changed: true },
      'orgs.1.org_name': { key: 'orgs.1.org_name', from: { value: null, label: null }, to: { value: null, label: null }, changed: false },
      'orgs.1.org_type': { key: 'orgs.1.org_type', from: { value: 'ngo', label: 'NGO' }, to: { value: 'ngo', label: 'NGO' }, changed: false },
      'orgs.2.org_name': { key: 'orgs.2.org_name', from: { value: null, label: null }, to: { value: null, label: null }, changed: false },
      'orgs.2.org_type': { key: 'orgs.2.org_type', from: { value: null, label: null }, to: { value: 'state', label: 'State body' }, changed: false },
    });
    expect(byKey(lv).training).toEqual({ key: 'training', from: { value: 'none', label: 'No' }, to: { value: 'regular', label: 'Regularly' }, changed: true });
    // No reply in the earlier round: nothing there to have changed.
    expect(byKey(lt).plan).toEqual({ key: 'plan', from: { value: null, label: null }, to: { value: 'in_force', label: 'In force' }, changed: false });
  });

  it('summarises each round: the earlier one in the later codes, dropped and added ones on their own side', () => {
    const { summaries } = run();
    expect(summaries.map((summary) => [summary.kind, summary.key])).toEqual([
      ['paired', 'plan'],
      ['paired', 'training'],
      ['added', 'stockholm'],
      ['paired', 'orgs.1.org_type'],
      ['paired', 'orgs.2.org_type'],
    ]);
    expect(summaries[0]).toEqual({
      key: 'plan',
      question: 'plan',
      title: 'Is there an action plan?',
      kind: 'paired',
      from: { answered: 2, counts: [{ value: 'in_force', label: 'In force', count: 0 }, { value: 'drafting', label: 'Being drafted', count: 1 }, { value: 'none', label: 'No', count: 1 }] },
      to: { answered: 3, counts: [{ value: 'in_force', label: 'In force', count: 2 }, { value: 'drafting', label: 'Being drafted', count: 0 }, { value: 'none', label: 'No', count: 1 }] },
    });
    expect(summaries[1]?.from?.counts).toEqual([{ value: 'none', label: 'No', count: 1 }, { value: 'ad_hoc', label: 'Ad hoc', count: 1 }, { value: 'regular', label: 'Regularly', count: 0 }]);
    expect(summaries[2]).toMatchObject({ from: null, to: { answered: 1, counts: [{ value: 1, label: 'Yes', count: 1 }, { value: 0, label: 'No', count: 0 }] } });
  });
});

describe('a country profile', () => {
  const all = (catalogue: Catalogue) => selectVariables(catalogue, { questions: null, personalData: 'exclude' });

  it('puts each question’s answers in every round on one line, in the questionnaire’s words', () => {
    const sections = countryProfile(crosswalk, [
      { version: 1, catalogue: all(one), data: { ...estonia.one, roles: ['shelter', 'identification'] } },
      { version: 2, catalogue: all(two), data: estonia.two },
    ]);
    expect(sections.map((section) => [section.section, section.title])).toEqual([
      ['about', 'About the reply'],
      ['coordination', 'Coordination'],
      ['actors', 'Actors'],
    ]);
    const lines = Object.fromEntries(sections.flatMap((section) => section.questions).map((line) => [line.key, line.answers.map((answer) => [answer.label, answer.asked])]));
    expect(lines).toMatchObject({
      plan: [['Being drafted', true], ['In force', true]],
      roles: [['Identification; Shelter', true], [null, true]],
      training: [['Ad hoc', true], ['Ad hoc', true]],
      referral_text: [['Police refer', true], ['Anyone refers', true]],
      stockholm: [[null, false], ['Yes', true]],
      good_practice: [['A joint desk', true], [null, false]],
      'orgs.2.org_type': [[null, true], ['State body', true]],
    });
    expect(Object.keys(lines)).not.toContain('contact.name');
    expect(Object.keys(lines).some((key) => key.includes('org_contact'))).toBe(false);
  });

  it('leaves a round without a counted reply empty', () => {
    const sections = countryProfile(crosswalk, [
      { version: 1, catalogue: all(one), data: null },
      { version: 2, catalogue: all(two), data: { plan: 'none' } },
    ]);
    const plan = sections.flatMap((section) => section.questions).find((line) => line.key === 'plan');
    expect(plan?.answers).toEqual([{ version: 1, label: null, asked: true }, { version: 2, label: 'No', asked: true }]);
  });
});
