// Rules the national-cooperation questionnaires (v1: 2009, v2: 2010) keep as a field expert would
// have them, written over the definitions rather than as lists of names, so a question added
// later is held to them too: an honest "don't know" wherever a delegate may not know, one
// spelling for it, and counts that take whole numbers of 0 or more — refused otherwise by the
// server's submit check (the same survey-core checks the browser runs before it submits).
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../../helpers/build-test-app.js';
import type { Caller } from '../../helpers/people.js';
import { complete, expectStatus, responsesPath, save, signInNamed } from '../responses/support.js';
import { realFile } from './support/fixtures.js';

type Choice = { value: string; text: string; isExclusive?: boolean };
type Validator = { type: string; minValue?: number; maxValue?: number; text?: string };
interface Element {
  type: string;
  name: string;
  isRequired?: boolean;
  inputType?: string;
  min?: number;
  step?: number;
  minErrorText?: string;
  maxErrorText?: string;
  stepErrorText?: string;
  validators?: Validator[];
  choices?: Choice[];
  elements?: Element[];
  templateElements?: Element[];
  items?: Array<Omit<Element, 'type'>>;
  columns?: Array<Omit<Element, 'type'> & { cellType?: string }>;
  rows?: Array<{ value: string }>;
}
type Definition = { pages: Array<{ name: string; elements: Element[] }> };

const definitions = { 1: realFile('v1.json') as unknown as Definition, 2: realFile('v2.json') as unknown as Definition };
const VERSIONS = [1, 2] as const;
const DONT_KNOW = 'dont_know';
const NOT_APPLICABLE = 'not_applicable';

/** Something a delegate may be asked for: a question, a dynamic-panel field, a matrix column or a multiple-text item. */
type Asked = {
  readonly label: string;
  readonly type: string;
  readonly page: string;
  readonly inEntry: boolean;
  readonly partOf?: Asked;
  readonly element: Omit<Element, 'type'> & { type?: string; cellType?: string };
};

function everythingAsked(definition: Definition): Asked[] {
  const found: Asked[] = [];
  const walk = (elements: readonly Element[] | undefined, page: string, entryOf?: string): void => {
    for (const element of elements ?? []) {
      if (element.type === 'panel') {
        walk(element.elements, page, entryOf);
        continue;
      }
      const asked: Asked = { label: entryOf ? `${entryOf}.${element.name}` : element.name, type: element.type, page, inEntry: entryOf !== undefined, element };
      found.push(asked);
      for (const item of element.items ?? []) found.push({ label: `${asked.label}.${item.name}`, type: 'text', page, inEntry: asked.inEntry, partOf: asked, element: item });
      for (const column of element.columns ?? []) {
        if (column.cellType) found.push({ label: `${asked.label}.${column.name}`, type: column.cellType, page, inEntry: asked.inEntry, partOf: asked, element: column });
      }
      walk(element.templateElements, page, element.name);
    }
  };
  for (const page of definition.pages) walk(page.elements, page.name);
  return found;
}

/**
 * What a delegate always knows, so it may be required without a "don't know":
 * - the reply's own details on the respondent page — who answers, and whether the reply may be
 *   published; the delegate is their only source;
 * - the name of an entry the delegate adds to a list (an organisation, an agreement): whoever adds
 *   one knows what it is called, and an entry without a name cannot be told apart.
 */
function alwaysKnown(asked: Asked): boolean {
  if (asked.page === 'respondent') return true;
  return asked.inEntry && asked.type === 'text' && asked.element.inputType === undefined && asked.partOf === undefined;
}

const choiceValues = (asked: Asked): string[] => (asked.element.choices ?? []).map((choice) => choice.value);

const isYear = (element: Asked['element']): boolean => (element.validators ?? []).some((validator) => validator.type === 'numeric' && validator.minValue === 1990);

/** Every number a delegate types that is not a year is a count. */
const counts = (definition: Definition): Asked[] =>
  everythingAsked(definition).filter((asked) => asked.type === 'text' && asked.element.inputType === 'number' && !isYear(asked.element));

describe.each(VERSIONS)('the national-cooperation questionnaire v%i', (version) => {
  const asked = everythingAsked(definitions[version]);

  it('asks for nothing required that a delegate may honestly not know', () => {
    const required = asked.filter((a) => a.element.isRequired === true);
    expect(required.length).toBeGreaterThanOrEqual(10);
    const withoutDontKnow = required.filter((a) => !alwaysKnown(a) && !choiceValues(a).includes(DONT_KNOW));
    expect(withoutDontKnow.map((a) => a.label)).toEqual([]);
    // Everything required that is not always known is a choice, so the "don't know" is one click.
    for (const a of required.filter((r) => !alwaysKnown(r))) expect(['radiogroup', 'dropdown', 'checkbox'], a.label).toContain(a.type);
  });

  it('has no yes/no switch or rating scale, since neither can offer "don\'t know"', () => {
    expect(asked.filter((a) => a.type === 'boolean' || a.type === 'rating').map((a) => a.label)).toEqual([]);
  });

  it('spells "don\'t know" and "not applicable" one way, exclusive of the other ticks', () => {
    for (const a of asked) {
      for (const choice of a.element.choices ?? []) {
        if (/^don.?t know/i.test(choice.text)) expect(choice.value, `${a.label}: ${choice.text}`).toBe(DONT_KNOW);
        if (/^not applicable/i.test(choice.text)) expect(choice.value, `${a.label}: ${choice.text}`).toBe(NOT_APPLICABLE);
        if (choice.value !== DONT_KNOW && choice.value !== NOT_APPLICABLE) {
          expect(choice.value, a.label).not.toMatch(/(^|_)(dont|don_t|unknown|dk|na|n_a|no_opinion|not_known|not_relevant)(_|$)/);
        }
        if (a.type === 'checkbox' && [DONT_KNOW, NOT_APPLICABLE, 'none'].includes(choice.value)) expect(choice.isExclusive, `${a.label}: ${choice.value}`).toBe(true);
      }
    }
  });

  it('takes whole numbers of 0 or more in every count, and says so in its error texts', () => {
    const found = counts(definitions[version]);
    expect(found.map((a) => a.label)).toEqual(expect.arrayContaining(['specialised_ngo_count', 'mou_count', 'identified_victims.sexual_exploitation', 'presumed_victims.other_exploitation']));
    for (const { label, element } of found) {
      // survey-core's own step check refuses 2.5 in the browser and on the server alike.
      expect(element.step, label).toBe(1);
      expect(element.min, label).toBe(0);
      const numeric = (element.validators ?? []).find((validator) => validator.type === 'numeric');
      expect(numeric?.minValue, label).toBe(0);
      const range = numeric?.maxValue === undefined ? '0 or more' : `between 0 and ${numeric.maxValue}`;
      const texts = [element.minErrorText, element.stepErrorText, numeric?.text];
      if (numeric?.maxValue !== undefined) texts.push(element.maxErrorText);
      for (const text of texts) {
        expect(text, label).toMatch(/whole number/);
        expect(text, label).toContain(range);
      }
    }
    // Years are whole numbers too.
    for (const a of asked.filter((x) => isYear(x.element))) expect(a.element.step, a.label).toBe(1);
  });
});

describe('counts on the server: only whole numbers of 0 or more are submitted', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await buildTestApp();
  });
  afterAll(() => app.close());

  /** The complete reply with every count (and every cell of every count matrix) set to `value`. */
  function withCounts(version: 1 | 2, value: number): { data: Record<string, unknown>; questions: string[] } {
    const data = complete(version);
    const questions = new Set<string>();
    for (const { element, partOf } of counts(definitions[version])) {
      if (!partOf) {
        data[element.name] = value;
        questions.add(element.name);
        continue;
      }
      const rows = partOf.element.rows ?? [];
      const matrix = (data[partOf.element.name] ?? {}) as Record<string, Record<string, unknown>>;
      for (const row of rows) matrix[row.value] = { ...matrix[row.value], [element.name]: value };
      data[partOf.element.name] = matrix;
      questions.add(partOf.element.name);
    }
    return { data, questions: [...questions] };
  }

  it.each(VERSIONS)('v%i refuses 2.5 and -1 in every count with a 422 that names it, and submits whole numbers', async (version) => {
    const state = version === 1 ? 'LV' : 'LT';
    const delegate: Caller = await signInNamed(app, 'delegate', state, `Counting delegate ${version}`);
    const submit = (revision: number) => delegate.inject({ method: 'POST', url: responsesPath(version, state, '/submit'), payload: { revision } });
    let revision = 0;
    for (const wrong of [2.5, -1]) {
      const { data, questions } = withCounts(version, wrong);
      // A draft may hold it (an answer being typed is kept); the submit check refuses it.
      revision = expectStatus(await save(delegate, state, { baseRevision: revision, set: data }, version), 200).revision;
      const refused = expectStatus(await submit(revision), 422, 'VALIDATION_FAILED');
      const details = refused.error.details as Array<{ question: string; message: string }>;
      expect(new Set(details.map((problem) => problem.question)), String(wrong)).toEqual(new Set(questions));
      for (const problem of details) expect(problem.message, `${problem.question}: ${wrong}`).toMatch(/whole number/);
    }
    const { data } = withCounts(version, 3);
    // Three agreements in force, as many as the count says.
    data.mou_list = [1, 2, 3].map((n) => ({ mou_title: `Agreement ${n}`, mou_status: 'in_force' }));
    revision = expectStatus(await save(delegate, state, { baseRevision: revision, set: data }, version), 200).revision;
    expect(expectStatus(await submit(revision), 200)).toMatchObject({ status: 'submitted' });
  });
});
