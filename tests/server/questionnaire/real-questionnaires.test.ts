// Checks the real national-cooperation questionnaire definitions (v1: 2009 baseline, v2: 2010
// follow-up after the Stockholm conference), their crosswalk and comparison tables, and the
// complete answer fixtures that other tests and the demo data use.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Model, type Question } from 'survey-core';
import { compileQuestionnaire } from '../../../server/questionnaire/index.js';
import type { SurveyDefinition } from '../../../server/questionnaire/index.js';

const DEFINITIONS = new URL('../../../survey-definitions/national-cooperation/', import.meta.url);
const FIXTURES = new URL('../../fixtures/national-cooperation/', import.meta.url);

type Json = Record<string, unknown>;
interface Element {
  type: string;
  name: string;
  title?: string;
  description?: string;
  inputType?: string;
  showOtherItem?: boolean;
  isRequired?: boolean;
  visibleIf?: string;
  enableIf?: string;
  requiredIf?: string;
  elements?: Element[];
  templateElements?: Element[];
  choices?: Array<{ value: string; text: string } | string>;
  rows?: Array<{ value: string; text: string }> | number;
  columns?: Array<{ value?: string; name?: string; text?: string; title?: string; cellType?: string; inputType?: string; choices?: Array<{ value: string; text: string }> }>;
  items?: Array<{ name: string; inputType?: string; validators?: Array<{ type: string }> }>;
  validators?: Array<{ type: string; minValue?: number; maxValue?: number; expression?: string }>;
  rateMin?: number;
  rateMax?: number;
  personalData?: boolean;
  publicationConsent?: boolean;
}
interface Page {
  name: string;
  title?: string;
  elements: Element[];
}
interface Definition {
  title?: string;
  description?: string;
  pages: Page[];
}
interface Crosswalk {
  steps: Array<{
    from: number;
    to: number;
    renamed: Record<string, string>;
    recoded: Record<string, Record<string, string>>;
    dropped: string[];
  }>;
}
interface Tables {
  tables: Array<{ id: string; title: string; description?: string; questions: string[] }>;
}

const readJson = <T>(base: URL, file: string): T => JSON.parse(readFileSync(new URL(file, base), 'utf8')) as T;

const survey = readJson<{ id: string; title: string }>(DEFINITIONS, 'survey.json');
const crosswalk = readJson<Crosswalk>(DEFINITIONS, 'crosswalk.json');
const tables = readJson<Tables>(DEFINITIONS, 'tables.json');
const definitions: Record<1 | 2, Definition> = {
  1: readJson<Definition>(DEFINITIONS, 'v1.json'),
  2: readJson<Definition>(DEFINITIONS, 'v2.json'),
};
const fixtures: Record<1 | 2, Json> = {
  1: readJson<Json>(FIXTURES, 'v1-complete.json'),
  2: readJson<Json>(FIXTURES, 'v2-complete.json'),
};
const VERSIONS = [1, 2] as const;

const COUNT_RULE = 'Enter 0 if you know there are none; leave blank if you do not know.';
const NAME = /^[a-z][a-z0-9_]*$/;
/** The platform's member-state codes (migrations/…-member-states.ts): lists of states use them as choice codes. */
const MEMBER_STATE_CODES = ['DK', 'EE', 'FI', 'DE', 'IS', 'LV', 'LT', 'NO', 'PL', 'RU', 'SE'];

/** Every element of a definition, depth first, with the dynamic panel it sits in (if any). */
function elementsOf(def: Definition): Array<{ element: Element; page: string; dynamicPanel?: string }> {
  const out: Array<{ element: Element; page: string; dynamicPanel?: string }> = [];
  const walk = (elements: Element[] | undefined, page: string, dynamicPanel?: string): void => {
    for (const element of elements ?? []) {
      out.push(dynamicPanel === undefined ? { element, page } : { element, page, dynamicPanel });
      walk(element.elements, page, dynamicPanel);
      walk(element.templateElements, page, element.name);
    }
  };
  for (const page of def.pages) walk(page.elements, page.name);
  return out;
}
const questionsOf = (def: Definition): Element[] =>
  elementsOf(def)
    .map((e) => e.element)
    .filter((e) => e.type !== 'panel');
const questionNames = (def: Definition): Set<string> => new Set(questionsOf(def).map((q) => q.name));
const findQuestion = (def: Definition, name: string): Element | undefined => questionsOf(def).find((q) => q.name === name);
const choiceValues = (q: Element | undefined): string[] =>
  (q?.choices ?? []).map((c) => (typeof c === 'string' ? c : c.value));

/** Question names referenced in an expression: `{a}`, `{a.row}`, `{panel.a}`, `{a[0].b}` → `a`. */
function references(expression: string): string[] {
  return [...expression.matchAll(/\{([^}]+)\}/g)].map((m) => (m[1] ?? '').trim().replace(/^panel\./, '').split(/[.[]/)[0] ?? '');
}

function model(version: 1 | 2, data?: Json): Model {
  const m = new Model(definitions[version]);
  if (data) m.data = structuredClone(data);
  return m;
}
/** All questions of a model including the template questions of dynamic panels. */
function allModelQuestions(m: Model): Question[] {
  const top = m.getAllQuestions(false, false, false);
  const nested: Question[] = [];
  for (const q of top) {
    if (q.getType() === 'paneldynamic') {
      const template = (q as unknown as { template: { questions: Question[] } }).template;
      nested.push(...template.questions);
    }
  }
  return [...top, ...nested];
}
/** Visible itself and inside visible containers (a question in a hidden panel is not shown). */
const shown = (q: Question): boolean => q.isVisible && q.isParentVisible;
function errorsAfterValidate(m: Model): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  for (const q of m.getAllQuestions(false, false, true)) {
    if (q.errors.length > 0) errors[q.name] = q.errors.map((e) => e.getText());
  }
  return errors;
}

describe('national-cooperation survey.json', () => {
  it('names the survey', () => {
    expect(survey.id).toBe('national-cooperation');
    expect(survey.title.length).toBeGreaterThan(10);
  });
});

describe.each(VERSIONS)('national-cooperation v%i', (version) => {
  const def = definitions[version];

  it('loads in survey-core without JSON errors', () => {
    const m = model(version);
    expect((m.jsonErrors ?? []).map((e) => e.message)).toEqual([]);
    expect(def.title).toBeTruthy();
    expect(def.description).toBeTruthy();
    expect(m.pages.length).toBe(def.pages.length);
  });

  it('has titled pages that all hold elements, with unique names', () => {
    const names = def.pages.map((p) => p.name);
    expect(new Set(names).size).toBe(names.length);
    for (const page of def.pages) {
      expect(page.name).toMatch(NAME);
      expect(page.title, page.name).toBeTruthy();
      expect(page.elements.length, page.name).toBeGreaterThan(0);
    }
    for (const page of ['respondent', 'actors', 'coordination', 'agreements', 'informal_cooperation', 'identification_referral', 'assistance_protection', 'return_reintegration', 'training', 'regional_cooperation', 'data_risk', 'gaps']) {
      expect(names).toContain(page);
    }
    if (version === 2) expect(names).toContain('stockholm_follow_up');
  });

  it('gives every question a unique, non-empty snake_case name across the whole survey', () => {
    const names = allModelQuestions(model(version)).map((q) => q.name);
    expect(names.length).toBeGreaterThan(40);
    for (const name of names) expect(name).toMatch(NAME);
    const duplicates = names.filter((n, i) => names.indexOf(n) !== i);
    expect(duplicates).toEqual([]);
    // The JSON walk sees the same questions (panels excluded).
    expect(new Set(names)).toEqual(questionNames(def));
    // Panels and dynamic-panel fields do not clash with question names either.
    const all = elementsOf(def).map((e) => e.element.name);
    expect(new Set(all).size).toBe(all.length);
  });

  it('uses stable snake_case choice codes, each with a human label, and the member-state codes for states', () => {
    let stateLists = 0;
    for (const q of questionsOf(def)) {
      const values = choiceValues(q);
      const listsStates = values.some((value) => MEMBER_STATE_CODES.includes(value));
      if (listsStates) {
        stateLists++;
        expect(values.filter((value) => /^[A-Z]/.test(value)), q.name).toEqual(MEMBER_STATE_CODES);
      }
      for (const c of q.choices ?? []) {
        expect(typeof c, `${q.name}: choices need a text label`).toBe('object');
        if (typeof c === 'object') {
          if (!(listsStates && MEMBER_STATE_CODES.includes(c.value))) expect(c.value, q.name).toMatch(NAME);
          expect(c.text, `${q.name}.${c.value}`).toBeTruthy();
        }
      }
      if (Array.isArray(q.rows)) for (const r of q.rows) expect(r.value, q.name).toMatch(NAME);
      for (const col of q.columns ?? []) {
        expect(col.value ?? col.name, q.name).toMatch(NAME);
        expect(col.text ?? col.title, q.name).toBeTruthy();
        for (const c of col.choices ?? []) expect(c.value, q.name).toMatch(NAME);
      }
    }
    // Partners in regional agreements, and the states cooperated with on cases.
    expect(stateLists).toBe(2);
  });

  it('refers only to existing questions in visibleIf / enableIf / requiredIf and expression validators', () => {
    const names = questionNames(def);
    const checked: string[] = [];
    for (const { element } of elementsOf(def)) {
      const expressions = [element.visibleIf, element.enableIf, element.requiredIf, ...(element.validators ?? []).map((v) => v.expression)];
      for (const expression of expressions) {
        if (!expression) continue;
        const refs = references(expression);
        expect(refs.length, `${element.name}: ${expression}`).toBeGreaterThan(0);
        for (const ref of refs) expect(names.has(ref), `${element.name} refers to unknown "${ref}"`).toBe(true);
        checked.push(element.name);
      }
    }
    expect(checked.length).toBeGreaterThanOrEqual(8);
  });

  it('uses every question type the content calls for', () => {
    const elements = elementsOf(def).map((e) => e.element);
    const types = new Set(elements.map((e) => e.type));
    // No boolean or rating: a yes/no switch and a rating scale cannot offer "don't know" (see questionnaire-rules.test.ts).
    const expected = ['text', 'comment', 'radiogroup', 'dropdown', 'checkbox', 'matrix', 'matrixdropdown', 'multipletext', 'paneldynamic', 'panel'];
    if (version === 2) expected.push('ranking');
    for (const type of expected) expect(types.has(type), type).toBe(true);
    expect(elements.some((e) => e.type === 'text' && e.inputType === 'number')).toBe(true);
    expect(elements.some((e) => e.type === 'checkbox' && e.showOtherItem)).toBe(true);
    expect(elements.some((e) => e.type === 'radiogroup' && e.showOtherItem)).toBe(true);
    const emailValidated = elements.some(
      (e) => (e.validators ?? []).some((v) => v.type === 'email') || (e.items ?? []).some((i) => (i.validators ?? []).some((v) => v.type === 'email')),
    );
    expect(emailValidated).toBe(true);
    // Dynamic panels hold fields of several types, including a checkbox and a dropdown.
    for (const name of ['organisations', 'mou_list', 'regional_agreements']) {
      const panel = findQuestion(def, name);
      expect(panel?.type, name).toBe('paneldynamic');
      expect(new Set((panel?.templateElements ?? []).map((e) => e.type)).size, name).toBeGreaterThanOrEqual(3);
    }
    const inner = elementsOf(def).filter((e) => e.dynamicPanel).map((e) => e.element.type);
    expect(inner).toContain('checkbox');
    expect(inner).toContain('dropdown');
  });

  it('follows the questionnaire conventions: no country question, explicit consent, don\'t know, counts', () => {
    const names = questionNames(def);
    expect([...names].some((n) => /country|member_state/.test(n))).toBe(false);
    expect(choiceValues(findQuestion(def, 'consent_publish'))).toEqual(['as_received', 'anonymised', 'not_for_publication']);
    const contact = findQuestion(def, 'contact_person');
    expect(contact?.type).toBe('multipletext');
    expect((contact?.items ?? []).map((i) => i.name)).toEqual(expect.arrayContaining(['name', 'institution', 'email']));
    expect(questionsOf(def).filter((q) => choiceValues(q).includes('dont_know')).length).toBeGreaterThanOrEqual(10);

    // Required answers: few, and only those the study cannot do without.
    const required = questionsOf(def).filter((q) => q.isRequired).map((q) => q.name);
    for (const name of ['consent_publish', 'action_plan', 'national_coordinator', 'national_rapporteur', 'police_ngo_agreement', 'national_referral_mechanism', 'reflection_period', 'safe_return_programme']) {
      expect(required).toContain(name);
    }
    const topLevelRequired = model(version).getAllQuestions(false, false, false).filter((q) => q.isRequired);
    expect(topLevelRequired.length).toBeGreaterThanOrEqual(8);
    expect(topLevelRequired.length).toBeLessThanOrEqual(12);

    // Counts: non-negative, and the 0 / blank convention stated.
    for (const q of questionsOf(def)) {
      const isYear = (q.validators ?? []).some((v) => v.minValue === 1990);
      if (q.type === 'text' && q.inputType === 'number') {
        const validator = (q.validators ?? []).find((v) => v.type === 'numeric');
        expect(validator, q.name).toBeDefined();
        if (isYear) {
          expect(validator?.maxValue, q.name).toBe(2030);
        } else {
          expect(validator?.minValue, q.name).toBe(0);
          if (q.name !== 'reflection_period_days') expect(q.description, q.name).toContain(COUNT_RULE);
        }
      }
      if (q.type === 'matrixdropdown' && (q.columns ?? []).every((c) => c.inputType === 'number')) {
        expect(q.description, q.name).toContain(COUNT_RULE);
      }
    }
    for (const name of ['identified_victims', 'presumed_victims']) {
      expect(findQuestion(def, name)?.type, name).toBe('matrixdropdown');
    }
  });

  it('marks the contact details as personal data and consent_publish as the publication consent', () => {
    const marked = (property: 'personalData' | 'publicationConsent') =>
      elementsOf(def)
        .filter(({ element }) => element[property] === true)
        .map(({ element, dynamicPanel }) => (dynamicPanel ? `${dynamicPanel}.${element.name}` : element.name));
    expect(marked('personalData')).toEqual(['contact_person', 'organisations.org_contact']);
    expect(marked('publicationConsent')).toEqual(['consent_publish']);
    // Whatever asks for a name, an e-mail, a phone number or a contact is among them.
    const personal = new Set(marked('personalData'));
    for (const { element, dynamicPanel } of elementsOf(def)) {
      const asksForContact =
        /(^|_)(contact|e_?mail|phone)(_|$)/.test(element.name) ||
        ['email', 'tel'].includes(element.inputType ?? '') ||
        (element.items ?? []).some((item) => ['email', 'tel'].includes(item.inputType ?? ''));
      if (asksForContact) expect(personal, element.name).toContain(dynamicPanel ? `${dynamicPanel}.${element.name}` : element.name);
    }
    // The core reads the marks (survey-core's Serializer knows them) down to every variable.
    const { catalogue } = compileQuestionnaire(definitions[version] as unknown as SurveyDefinition);
    expect(catalogue.variables.filter((v) => v.personalData).map((v) => v.key)).toEqual([
      'contact_person.name',
      'contact_person.position',
      'contact_person.institution',
      'contact_person.email',
      'organisations.{n}.org_contact',
    ]);
    expect(catalogue.variables.filter((v) => v.publicationConsent).map((v) => v.key)).toEqual(['consent_publish']);
  });

  it('shows follow-up questions only when they apply', () => {
    const m = model(version);
    const visible = (name: string): boolean => shown(m.getQuestionByName(name));
    m.setValue('action_plan', 'none');
    expect(visible('action_plan_start_year')).toBe(false);
    m.setValue('action_plan', 'in_preparation');
    expect(visible('action_plan_start_year')).toBe(true);

    m.setValue('police_ngo_agreement', 'none');
    m.setValue('mou_other_actors', 'no');
    m.setValue('mou_count', 0);
    expect(visible('mou_list')).toBe(false);
    m.setValue('mou_count', 2);
    expect(visible('mou_list')).toBe(true);
    m.setValue('mou_count', 0);
    m.setValue('police_ngo_agreement', 'local_only');
    expect(visible('mou_list')).toBe(true);

    // Only agreements in force can have been evaluated.
    m.setValue('police_ngo_agreement', 'draft');
    m.setValue('mou_other_actors', 'draft');
    expect(visible('mou_list')).toBe(true);
    expect(visible('mou_evaluated')).toBe(false);
    m.setValue('mou_other_actors', 'yes');
    expect(visible('mou_evaluated')).toBe(true);

    // No reflection period is a 0, not a blank that would read as "don't know": the days are asked then too.
    expect(visible('reflection_period_days')).toBe(false);
    m.setValue('reflection_period', 'dont_know');
    expect(visible('reflection_period_days')).toBe(false);
    m.setValue('reflection_period', 'none');
    expect(visible('reflection_period_days')).toBe(true);
    m.setValue('reflection_period', 'law');
    expect(visible('reflection_period_days')).toBe(true);

    // Likewise shelter places: 0 when no group has shelter, asked once the shelters are described.
    expect(visible('shelter_places')).toBe(false);
    m.setValue('shelters', { women: 'none', men: 'none', children: 'none' });
    expect(visible('shelter_places')).toBe(true);

    const trainingFollowUps = version === 1 ? ['training_labour_exploitation', 'joint_training', 'training_evaluated'] : ['training_labour_exploitation', 'joint_training'];
    m.setValue('training_provision', { police: 'none', ngo_staff: 'dont_know' });
    for (const name of trainingFollowUps) expect(visible(name), name).toBe(false);
    m.setValue('training_provision', { police: 'none', judges: 'ad_hoc' });
    for (const name of trainingFollowUps) expect(visible(name), name).toBe(true);

    m.setValue('safe_return_programme', 'none');
    expect(visible('return_operator')).toBe(false);
    m.setValue('safe_return_programme', 'programme');
    expect(visible('return_operator')).toBe(true);

    if (version === 2) {
      m.setValue('return_programme_reassessment', 'completed');
      expect(visible('return_programme_reassessment')).toBe(true);
      expect(visible('return_programme_changes')).toBe(true);
      m.setValue('safe_return_programme', 'case_by_case');
      expect(visible('return_programme_reassessment')).toBe(false);
      expect(visible('return_programme_changes')).toBe(false);
    }
  });

  it('accepts the complete answer set of the fixture without changing it', () => {
    const data = fixtures[version];
    const m = model(version, data);
    const ok = m.validate(true, false);
    expect(errorsAfterValidate(m)).toEqual({});
    expect(ok).toBe(true);
    // survey-core drops unknown choice values and invents keys when it finds something wrong.
    expect(m.data).toEqual(data);
    for (const key of Object.keys(data)) {
      const q = m.getQuestionByName(key.replace(/-Comment$/, ''));
      expect(q, `fixture key ${key}`).toBeTruthy();
      expect(shown(q), `fixture answers hidden question ${key}`).toBe(true);
    }
    // Every visible top-level question is answered.
    const unanswered = m.getAllQuestions(true, false, false).filter((q) => q.isEmpty()).map((q) => q.name);
    expect(unanswered).toEqual([]);
  });

  it('uses only existing choice values in the fixture', () => {
    const data = fixtures[version];
    const check = (q: Element, value: unknown, where: string): void => {
      const allowed = new Set(choiceValues(q));
      if (q.showOtherItem) allowed.add('other');
      if (['radiogroup', 'dropdown'].includes(q.type)) expect(allowed.has(value as string), `${where}=${String(value)}`).toBe(true);
      if (['checkbox', 'ranking'].includes(q.type)) {
        expect(Array.isArray(value), where).toBe(true);
        for (const v of value as unknown[]) expect(allowed.has(v as string), `${where} has ${String(v)}`).toBe(true);
      }
      if (q.type === 'matrix' || q.type === 'matrixdropdown') {
        const rows = new Set(Array.isArray(q.rows) ? q.rows.map((r) => r.value) : []);
        for (const [row, cell] of Object.entries(value as Json)) {
          expect(rows.has(row), `${where}.${row}`).toBe(true);
          if (q.type === 'matrix') {
            expect((q.columns ?? []).map((c) => c.value), `${where}.${row}`).toContain(cell);
          } else {
            for (const [col, v] of Object.entries(cell as Json)) {
              const column = (q.columns ?? []).find((c) => c.name === col);
              expect(column, `${where}.${row}.${col}`).toBeDefined();
              if (column?.choices) expect(column.choices.map((c) => c.value), `${where}.${row}.${col}`).toContain(v);
              if (column?.inputType === 'number') expect(typeof v, `${where}.${row}.${col}`).toBe('number');
            }
          }
        }
      }
      if (q.type === 'paneldynamic') {
        for (const [i, item] of (value as Json[]).entries()) {
          for (const [key, v] of Object.entries(item)) {
            if (key.endsWith('-Comment')) continue;
            const field = (q.templateElements ?? []).find((e) => e.name === key);
            expect(field, `${where}[${i}].${key}`).toBeDefined();
            if (field) check(field, v, `${where}[${i}].${key}`);
          }
        }
      }
      if (q.type === 'rating') expect(value as number).toBeGreaterThanOrEqual(q.rateMin ?? 1);
    };
    for (const [key, value] of Object.entries(data)) {
      if (key.endsWith('-Comment')) continue;
      const q = findQuestion(definitions[version], key);
      expect(q, key).toBeDefined();
      if (q) check(q, value, key);
    }
  });

  it('rejects an answer set that misses a required answer', () => {
    const required = model(version)
      .getAllQuestions(false, false, false)
      .filter((q) => q.isRequired)
      .map((q) => q.name);
    const m = model(version);
    for (const name of required) {
      const data = structuredClone(fixtures[version]);
      delete data[name];
      m.data = data;
      expect(m.validate(true, false), name).toBe(false);
      expect(Object.keys(errorsAfterValidate(m)), name).toContain(name);
    }
  });

  it('rejects invalid e-mails, years and negative counts', () => {
    const cases: Array<[string, (d: Json) => void, string]> = [
      ['email', (d) => { d.contact_person = { ...(d.contact_person as Json), email: 'not-an-address' }; }, 'email'],
      ['year', (d) => { d.action_plan_end_year = 1985; }, 'action_plan_end_year'],
      ['year order', (d) => { d.action_plan_start_year = 2009; d.action_plan_end_year = 2006; }, 'action_plan_end_year'],
      ['count', (d) => { d.specialised_ngo_count = -1; }, 'specialised_ngo_count'],
      ['fractional count', (d) => { d.specialised_ngo_count = 2.5; }, 'specialised_ngo_count'],
      ['victim cell', (d) => { d.identified_victims = { female_adult: { sexual_exploitation: -3 } }; }, 'sexual_exploitation'],
      ['fractional victim cell', (d) => { d.presumed_victims = { male_child: { labour_exploitation: 1.5 } }; }, 'labour_exploitation'],
      ['days above the maximum', (d) => { d.reflection_period_days = 4000; }, 'reflection_period_days'],
      ['no reflection period left blank', (d) => { d.reflection_period = 'none'; delete d.reflection_period_days; }, 'reflection_period_days'],
      ['no reflection period with days', (d) => { d.reflection_period = 'none'; d.reflection_period_days = 30; }, 'reflection_period_days'],
      ['no shelter with places', (d) => { d.shelters = { women: 'none', men: 'none', children: 'none' }; d.shelter_places = 4; }, 'shelter_places'],
      ['fewer agreements than listed in force', (d) => { d.mou_count = 1; d.mou_list = [{ mou_title: 'A', mou_status: 'in_force' }, { mou_title: 'B', mou_status: 'in_force' }]; }, 'mou_count'],
      ['dynamic panel', (d) => { d.mou_list = [{ mou_status: 'draft' }]; }, 'mou_title'],
    ];
    const m = model(version);
    for (const [label, mutate, failing] of cases) {
      const data = structuredClone(fixtures[version]);
      mutate(data);
      m.data = data;
      expect(m.validate(true, false), label).toBe(false);
      expect(Object.keys(errorsAfterValidate(m)), label).toContain(failing);
    }
  });
});

describe('national-cooperation crosswalk.json', () => {
  const step = crosswalk.steps[0];

  it('has one step from version 1 to version 2', () => {
    expect(crosswalk.steps).toHaveLength(1);
    expect(step).toMatchObject({ from: 1, to: 2 });
  });

  it('records only true renames, recodes and drops', () => {
    if (!step) throw new Error('no step');
    const from = definitions[step.from as 1 | 2];
    const to = definitions[step.to as 1 | 2];
    const v1 = questionNames(from);
    const v2 = questionNames(to);
    expect(Object.keys(step.renamed).length).toBeGreaterThan(0);
    for (const [oldName, newName] of Object.entries(step.renamed)) {
      expect(v1.has(oldName), oldName).toBe(true);
      expect(v2.has(oldName), oldName).toBe(false);
      expect(v2.has(newName), newName).toBe(true);
      expect(v1.has(newName), newName).toBe(false);
    }
    expect(step.dropped.length).toBeGreaterThanOrEqual(2);
    for (const name of step.dropped) {
      expect(v1.has(name), name).toBe(true);
      expect(v2.has(name), name).toBe(false);
    }
    const oldNameOf = Object.fromEntries(Object.entries(step.renamed).map(([a, b]) => [b, a]));
    expect(Object.keys(step.recoded).length).toBeGreaterThan(0);
    for (const [name, mapping] of Object.entries(step.recoded)) {
      const newValues = choiceValues(findQuestion(to, name));
      const oldValues = choiceValues(findQuestion(from, oldNameOf[name] ?? name));
      expect(newValues.length, name).toBeGreaterThan(0);
      for (const [oldValue, newValue] of Object.entries(mapping)) {
        expect(oldValues, `${name}: old value`).toContain(oldValue);
        expect(newValues, `${name}: new value`).toContain(newValue);
        expect(newValues, `${name}: ${oldValue} is recoded, so no longer a v2 code`).not.toContain(oldValue);
      }
      // Every old code lands on a v2 code, recoded or unchanged.
      for (const oldValue of oldValues) expect(newValues, `${name}: ${oldValue}`).toContain(mapping[oldValue] ?? oldValue);
    }
  });

  it('accounts for every v1 question: kept under its name, renamed or dropped', () => {
    if (!step) throw new Error('no step');
    const v2 = questionNames(definitions[2]);
    for (const name of questionNames(definitions[1])) {
      const accounted = v2.has(name) || name in step.renamed || step.dropped.includes(name);
      expect(accounted, name).toBe(true);
    }
  });

  it('keeps the choice codes of every question asked again, unless recoded', () => {
    if (!step) throw new Error('no step');
    for (const q1 of questionsOf(definitions[1])) {
      const name = step.renamed[q1.name] ?? q1.name;
      const q2 = findQuestion(definitions[2], name);
      if (!q2 || step.recoded[name]) continue;
      expect(choiceValues(q2), name).toEqual(choiceValues(q1));
      expect(q2.type, name).toBe(q1.type);
    }
  });
});

describe('national-cooperation tables.json', () => {
  it('defines the named comparison tables of the study over questions v1 or v2 asks', () => {
    expect(tables.tables.length).toBeGreaterThanOrEqual(10);
    const ids = tables.tables.map((t) => t.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(expect.arrayContaining(['regional-cooperation', 'stockholm-follow-up']));
    const v1 = questionNames(definitions[1]);
    const v2 = questionNames(definitions[2]);
    const onlyOneRound: string[] = [];
    for (const table of tables.tables) {
      expect(table.id).toMatch(/^[a-z][a-z0-9-]*$/);
      expect(table.title, table.id).toBeTruthy();
      expect(table.questions.length, table.id).toBeGreaterThan(0);
      for (const q of table.questions) {
        expect(v1.has(q) || v2.has(q), `${table.id}: ${q} in v1 or v2`).toBe(true);
        if (!(v1.has(q) && v2.has(q))) onlyOneRound.push(`${table.id}: ${q} in v${v1.has(q) ? 1 : 2}`);
      }
    }
    // Asked in one round only: what 2010 dropped or renamed, and the Stockholm follow-up.
    const stockholm = tables.tables.find((t) => t.id === 'stockholm-follow-up')!.questions.map((q) => `stockholm-follow-up: ${q} in v2`);
    expect(onlyOneRound).toEqual([
      'return-reintegration: reintegration_follow_up in v1',
      'return-reintegration: post_return_follow_up in v2',
      'regional-cooperation: regional_obstacles in v1',
      'data-risk-assessment: identified_victims_referral in v2',
      'criminal-justice: victims_testified in v2',
      'criminal-justice: compensation_received_count in v2',
      ...stockholm,
    ]);
  });
});
