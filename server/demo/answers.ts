import { Model } from 'survey-core';
import { commentKey, valueAt } from '../questionnaire/index.js';
import type { CompiledQuestionnaire, JsonObject, JsonValue, SurveyDefinition, Variable } from '../questionnaire/index.js';
import { answerKeysOf } from '../responses/answers.js';
import type { Random } from './random.js';

/** What makes a reply one country's: its name in texts, its value in country lists, capital, web domain. */
export interface Place {
  readonly name: string;
  readonly country: string;
  readonly capital: string;
  readonly domain: string;
}

export interface DemoVersion {
  readonly definition: SurveyDefinition;
  readonly questionnaire: CompiledQuestionnaire;
  /** A complete reply that passes the version's submit check, and the country it is from. */
  readonly base: JsonObject;
  readonly baseFrom: Place;
}

/** Codes that exclude the others or need a typed text: a varied answer neither gains nor loses them. */
const KEPT_CODES: ReadonlySet<JsonValue> = new Set(['other', 'none', 'dont_know']);
/** Numbers this large are years (of an action plan, of figures): varying them would break the story. */
const FIRST_YEAR = 1900;
const MAX_REPAIR_ROUNDS = 4;

/**
 * Plausible replies to one questionnaire version, made from a real complete reply: moved to the
 * state's country, then varied within what the catalogue allows — another of the question's
 * choices, other ticks, other matrix cells, counts scaled — as a seeded random choice, so the
 * same seed gives the same reply. Follow-up questions that a changed answer hides lose their
 * answers, as they would in the browser, and whatever then fails survey-core's submit check goes
 * back to the base reply: every complete reply may be submitted.
 */
export function createAnswerMaker(version: DemoVersion) {
  const { questionnaire } = version;
  const { questions, questionOf } = answerKeysOf(questionnaire);
  const variables = questionnaire.catalogue.variables.filter((variable) => !variable.repeat);
  const sectionOf = new Map(questionnaire.catalogue.variables.map((variable) => [variable.question, variable.section]));
  const sections = [...new Set(sectionOf.values())];
  // Only to see which questions the answers show; a model of our own, whose data we replace.
  const model = new Model(version.definition);

  /** `given`: answers that replace the varied ones (the state's own story, last year's answers). */
  function complete(place: Place, random: Random, given: JsonObject = {}): JsonObject {
    const base = moved(version.base, version.baseFrom, place) as JsonObject;
    const data: JsonObject = { ...vary(structuredClone(base), variables, random, place), ...structuredClone(given) };
    const restored = new Set<string>();
    for (let round = 0; ; round++) {
      dropHidden(data);
      const problems = questionnaire.validateForSubmit(data);
      if (problems.length === 0) return data;
      if (round === MAX_REPAIR_ROUNDS) throw new Error(`the demo reply cannot be submitted: ${JSON.stringify(problems)}`);
      for (const { question } of problems) {
        // A check that still fails with the question's own answer restored reads another answer
        // (no reflection period, yet a number of days): the whole page goes back to the base reply.
        if (restored.has(question)) restoreSection(data, base, sectionOf.get(question));
        else restore(data, base, question);
        restored.add(question);
      }
    }
  }

  /** The page's answers as the base reply has them (like restore, given answers included). */
  function restoreSection(data: JsonObject, base: JsonObject, section: string | undefined): void {
    const inSection = (key: string) => sectionOf.get(questionOf(key)) === section;
    for (const key of Object.keys(data)) if (inSection(key)) delete data[key];
    for (const [key, value] of Object.entries(base)) if (inSection(key)) data[key] = structuredClone(value);
  }

  function dropHidden(data: JsonObject): void {
    model.clear();
    model.data = structuredClone(data);
    const visible = new Set(model.getAllQuestions(true).map((question) => question.name));
    for (const key of Object.keys(data)) {
      const question = questionOf(key);
      if (questions.has(question) && !visible.has(question)) delete data[key];
    }
  }

  /** The reply split by page, in page order: what a delegate saves as they go. */
  function pages(data: JsonObject): JsonObject[] {
    return sections
      .map((section) => Object.fromEntries(Object.entries(data).filter(([key]) => sectionOf.get(questionOf(key)) === section)))
      .filter((page) => Object.keys(page).length > 0);
  }

  /** A draft: the answers of the first pages only, `share` of them. */
  function firstPages(data: JsonObject, share: number): JsonObject {
    const kept = pages(data);
    return Object.assign({}, ...kept.slice(0, Math.max(1, Math.round(kept.length * share)))) as JsonObject;
  }

  return { complete, pages, firstPages };
}

export type AnswerMaker = ReturnType<typeof createAnswerMaker>;

function restore(data: JsonObject, base: JsonObject, question: string): void {
  const original = base[question];
  if (original !== undefined && JSON.stringify(original) !== JSON.stringify(data[question])) {
    data[question] = structuredClone(original);
    return;
  }
  delete data[question];
  delete data[commentKey(question)];
}

/**
 * The reply as the other country would write it: the two countries' names swap in texts and
 * their values in country lists (a partner of Estonia's is Finland; Finland's partner is then
 * Estonia), and the capital and web domain follow.
 */
function moved(value: JsonValue, from: Place, to: Place): JsonValue {
  if (Array.isArray(value)) return value.map((item) => moved(item, from, to));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, moved(item, from, to)]));
  }
  if (typeof value !== 'string' || from.country === to.country) return value;
  if (value === from.country) return to.country;
  if (value === to.country) return from.country;
  return value
    .replace(new RegExp(`\\b(${from.name}|${to.name})\\b`, 'g'), (name) => (name === from.name ? to.name : from.name))
    .replaceAll(from.capital, to.capital)
    .replace(new RegExp(`\\.${from.domain}\\b`, 'g'), `.${to.domain}`);
}

function vary(data: JsonObject, variables: readonly Variable[], random: Random, place: Place): JsonObject {
  const ticksVaried = new Set<string>();
  for (const variable of variables) {
    const current = valueAt(data, variable.path);
    if (current === undefined) continue;
    switch (variable.type) {
      case 'choice': {
        // "Don't know" stays where the base reply has it: a made-up one would only blur the comparisons.
        // A varied answer is another one than the base reply's, so states differ as often as `chance` says.
        const choices = variable.choices.map((choice) => choice.value).filter((value) => value !== 'other' && value !== 'dont_know' && value !== current);
        const chance = variable.path.length === 1 ? 0.45 : 0.3;
        if (current !== 'other' && current !== 'dont_know' && choices.length > 0 && random.chance(chance)) setAt(data, variable.path, random.pick(choices));
        break;
      }
      case 'number':
        if (typeof current === 'number' && current < FIRST_YEAR && random.chance(0.6)) {
          setAt(data, variable.path, Math.round(current * (0.4 + 1.8 * random.next())));
        }
        break;
      case 'boolean':
        if (random.chance(0.2)) setAt(data, variable.path, current === variable.stored.yes ? variable.stored.no : variable.stored.yes);
        break;
      case 'checkbox-choice':
        if (!ticksVaried.has(variable.question)) {
          ticksVaried.add(variable.question);
          varyTicks(data, variable.question, variables, random, place);
        }
        break;
      case 'rank':
        if (!ticksVaried.has(variable.question) && Array.isArray(current)) {
          ticksVaried.add(variable.question);
          if (random.chance(0.5)) data[variable.question] = random.shuffle(current);
        }
        break;
    }
  }
  return data;
}

/** Another set of ticks from the question's ordinary choices; never the state itself as its own partner. */
function varyTicks(data: JsonObject, question: string, variables: readonly Variable[], random: Random, place: Place): void {
  const current = data[question];
  if (!Array.isArray(current) || !random.chance(0.4)) return;
  if (current.some((value) => KEPT_CODES.has(value) && value !== 'other')) return;
  const offered = variables.flatMap((variable) =>
    variable.question === question && variable.type === 'checkbox-choice' && !KEPT_CODES.has(variable.choice.value) && variable.choice.value !== place.country
      ? [variable.choice.value]
      : [],
  );
  if (offered.length === 0) return;
  const ticked: JsonValue[] = offered.filter(() => random.chance(0.5));
  if (ticked.length === 0) ticked.push(random.pick(offered));
  if (current.includes('other')) ticked.push('other');
  data[question] = ticked;
}

/** Sets a value that valueAt found, so every object on the path exists. */
function setAt(data: JsonObject, path: readonly string[], value: JsonValue): void {
  const parent = valueAt(data, path.slice(0, -1)) as JsonObject;
  parent[path[path.length - 1]!] = value;
}
