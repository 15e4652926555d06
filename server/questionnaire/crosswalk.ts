import { isAnswered } from './answered.js';
import { COMMENT_SUFFIX, commentOwner } from './data-keys.js';
import { collectNames } from './definition-names.js';
import { isJsonObject } from './json.js';
import type { JsonObject, JsonValue } from './json.js';
import type { Problem } from './problem.js';

/**
 * Carries answers from one version of a questionnaire to a later one, following the author's
 * crosswalk file:
 *
 *   { "steps": [ { "from": 1, "to": 2, "renamed": { "v1_name": "v2_name" },
 *                  "recoded": { "v2_name": { "old_value": "new_value" } },
 *                  "dropped": ["v1_only_name"] } ] }
 *
 * Questions keep their name unless renamed. `recoded` is keyed by the name in the step's target
 * version and maps old choice codes (as text, JSON keys being text) to new ones; a new value of
 * `null` removes the old code. Steps chain (1→2→3); mapping goes forward only, since recodes
 * need not be reversible.
 */

export type CrosswalkStep = {
  readonly from: number;
  readonly to: number;
  readonly renamed: Readonly<Record<string, string>>;
  readonly recoded: Readonly<Record<string, Readonly<Record<string, ChoiceCode | null>>>>;
  readonly dropped: readonly string[];
};

type ChoiceCode = string | number;

export type Crosswalk = { readonly steps: readonly CrosswalkStep[] };

export type CrosswalkParse = { readonly ok: true; readonly crosswalk: Crosswalk } | { readonly ok: false; readonly reasons: readonly string[] };

export type DroppedAnswer = { readonly question: string; readonly reason: string };

export type MappedAnswers = { readonly data: JsonObject; readonly dropped: readonly DroppedAnswer[] };

/** The target version's draft check (compileQuestionnaire(…).checkDraft fits). */
export type AnswerCheck = { checkDraft(data: unknown): Problem[] };

export function parseCrosswalk(json: unknown): CrosswalkParse {
  if (!isJsonObject(json) || !Array.isArray(json.steps)) {
    return { ok: false, reasons: ['a crosswalk is an object with a "steps" list'] };
  }
  const reasons: string[] = [];
  const steps = json.steps.flatMap((step, index) => {
    const parsed = parseStep(step, `steps[${index}]`, reasons);
    return parsed ? [parsed] : [];
  });
  const froms = new Set<number>();
  for (const step of steps) {
    if (froms.has(step.from)) reasons.push(`two steps start at version ${step.from}`);
    froms.add(step.from);
  }
  return reasons.length > 0 ? { ok: false, reasons } : { ok: true, crosswalk: { steps } };
}

function parseStep(step: JsonValue, at: string, reasons: string[]): CrosswalkStep | undefined {
  if (!isJsonObject(step)) {
    reasons.push(`${at}: a step is an object with "from" and "to"`);
    return undefined;
  }
  const before = reasons.length;
  const { from, to } = step;
  if (!isVersion(from)) reasons.push(`${at}.from: must be a version number (a positive integer)`);
  if (!isVersion(to)) reasons.push(`${at}.to: must be a version number (a positive integer)`);
  if (isVersion(from) && isVersion(to) && to <= from) reasons.push(`${at}: "to" (${to}) must be a later version than "from" (${from})`);
  const renamed = stringMap(step.renamed, `${at}.renamed`, reasons);
  const dropped = stringList(step.dropped, `${at}.dropped`, reasons);
  const recoded = recodeMap(step.recoded, `${at}.recoded`, reasons);
  const targets = new Set<string>();
  for (const [old, target] of Object.entries(renamed)) {
    if (targets.has(target)) reasons.push(`${at}.renamed: two questions are renamed to '${target}'`);
    targets.add(target);
    if (dropped.includes(old)) reasons.push(`${at}: '${old}' is both renamed and dropped`);
  }
  if (reasons.length > before || !isVersion(from) || !isVersion(to)) return undefined;
  return { from, to, renamed, recoded, dropped };
}

function isVersion(value: JsonValue | undefined): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value > 0;
}

function stringMap(value: JsonValue | undefined, at: string, reasons: string[]): Record<string, string> {
  if (value === undefined) return {};
  if (!isJsonObject(value)) {
    reasons.push(`${at}: must be an object of old name → new name`);
    return {};
  }
  const map: Record<string, string> = {};
  for (const [key, name] of Object.entries(value)) {
    if (typeof name === 'string' && name !== '') map[key] = name;
    else reasons.push(`${at}.${key}: must be a question name`);
  }
  return map;
}

function stringList(value: JsonValue | undefined, at: string, reasons: string[]): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value) || !value.every((name) => typeof name === 'string' && name !== '')) {
    reasons.push(`${at}: must be a list of question names`);
    return [];
  }
  return value as string[];
}

function recodeMap(value: JsonValue | undefined, at: string, reasons: string[]): CrosswalkStep['recoded'] {
  if (value === undefined) return {};
  if (!isJsonObject(value)) {
    reasons.push(`${at}: must be an object of question name → { old code: new code }`);
    return {};
  }
  const recoded: Record<string, Record<string, ChoiceCode | null>> = {};
  for (const [question, codes] of Object.entries(value)) {
    if (!isJsonObject(codes)) {
      reasons.push(`${at}.${question}: must be an object of old code → new code`);
      continue;
    }
    const map: Record<string, ChoiceCode | null> = {};
    for (const [old, code] of Object.entries(codes)) {
      if (typeof code === 'string' || typeof code === 'number' || code === null) map[old] = code;
      else reasons.push(`${at}.${question}.${old}: the new code must be a string, a number or null (to remove it)`);
    }
    recoded[question] = map;
  }
  return recoded;
}

/**
 * What a parsed crosswalk says about versions or questions that are not there: a step from or
 * to a version the survey lacks, a renamed or dropped question its `from` version lacks, a new
 * name or a recoded question its `to` version lacks. Such a line is a typo, and would silently
 * carry nothing. `definitions` holds every version of the survey by number.
 */
export function crosswalkNameReasons(crosswalk: Crosswalk, definitions: ReadonlyMap<number, JsonObject>): string[] {
  const names = new Map<number, ReadonlySet<string>>();
  const questionsOf = (version: number) => {
    const definition = definitions.get(version);
    if (definition && !names.has(version)) names.set(version, collectNames(definition).topLevel);
    return names.get(version);
  };
  const reasons: string[] = [];
  crosswalk.steps.forEach((step, index) => {
    const at = `steps[${index}]`;
    const from = questionsOf(step.from);
    const to = questionsOf(step.to);
    if (!from) reasons.push(`${at}.from: the survey has no version ${step.from}`);
    if (!to) reasons.push(`${at}.to: the survey has no version ${step.to}`);
    const lacks = (questions: ReadonlySet<string> | undefined, name: string) => questions !== undefined && !questions.has(name);
    for (const [old, target] of Object.entries(step.renamed)) {
      if (lacks(from, old)) reasons.push(`${at}.renamed: version ${step.from} has no question '${old}'`);
      if (lacks(to, target)) reasons.push(`${at}.renamed.${old}: version ${step.to} has no question '${target}'`);
    }
    for (const question of Object.keys(step.recoded)) {
      if (lacks(to, question)) reasons.push(`${at}.recoded: version ${step.to} has no question '${question}' (recodes name the question as it is in "to")`);
    }
    for (const question of step.dropped) {
      if (lacks(from, question)) reasons.push(`${at}.dropped: version ${step.from} has no question '${question}'`);
    }
  });
  return reasons;
}

/**
 * Maps `data` from `fromVersion` to `toVersion` step by step. With `target`, anything the target
 * version would refuse (a question it no longer has, a code it no longer offers) is dropped too,
 * so the result always passes the target's draft check. Every dropped answer says why.
 */
export function mapAnswers(
  crosswalk: Crosswalk,
  fromVersion: number,
  toVersion: number,
  data: JsonObject,
  target?: AnswerCheck,
): MappedAnswers {
  const dropped: DroppedAnswer[] = [];
  let current: JsonObject = { ...data };
  for (const step of stepsBetween(crosswalk, fromVersion, toVersion)) current = applyStep(step, current, dropped);
  if (target) {
    for (const problem of target.checkDraft(current)) {
      if (Object.hasOwn(current, problem.question)) {
        delete current[problem.question];
        dropped.push({ question: problem.question, reason: `version ${toVersion} does not accept it: ${problem.message}` });
      }
    }
  }
  return { data: current, dropped };
}

/**
 * The crosswalk's steps from one version to another, with a step that keeps every name where it
 * has none (a version published without a crosswalk step, or a survey without a crosswalk):
 * names the crosswalk does not mention stay as they are.
 */
export function crosswalkOrSameNames(crosswalk: Crosswalk | null, fromVersion: number, toVersion: number): Crosswalk {
  const steps: CrosswalkStep[] = [];
  for (let version = fromVersion; version < toVersion; ) {
    const step =
      crosswalk?.steps.find((candidate) => candidate.from === version && candidate.to <= toVersion) ??
      { from: version, to: version + 1, renamed: {}, recoded: {}, dropped: [] };
    steps.push(step);
    version = step.to;
  }
  return { steps };
}

/** How a question of `fromVersion` is named in `toVersion`; null when a step drops it. */
export function questionNameThrough(crosswalk: Crosswalk, fromVersion: number, toVersion: number, question: string): string | null {
  let name = question;
  for (const step of stepsBetween(crosswalk, fromVersion, toVersion)) {
    if (step.dropped.includes(name)) return null;
    name = own(step.renamed, name) ?? name;
  }
  return name;
}

/** Whether any step on the way recodes the question (named as in `toVersion`) or what it was renamed from. */
export function isRecodedThrough(crosswalk: Crosswalk, fromVersion: number, toVersion: number, question: string): boolean {
  let name = question;
  let recoded = false;
  for (const step of stepsBetween(crosswalk, fromVersion, toVersion)) {
    if (step.dropped.includes(name)) return false;
    name = own(step.renamed, name) ?? name;
    if (own(step.recoded, name)) recoded = true;
  }
  return recoded;
}

function stepsBetween(crosswalk: Crosswalk, fromVersion: number, toVersion: number): CrosswalkStep[] {
  if (toVersion < fromVersion) throw new Error(`answers map forward only, not from version ${fromVersion} back to ${toVersion}`);
  const steps: CrosswalkStep[] = [];
  for (let version = fromVersion; version !== toVersion; ) {
    const step = crosswalk.steps.find((candidate) => candidate.from === version);
    if (!step || step.to > toVersion) throw new Error(`the crosswalk has no step from version ${version} towards ${toVersion}`);
    steps.push(step);
    version = step.to;
  }
  return steps;
}

function applyStep(step: CrosswalkStep, data: JsonObject, dropped: DroppedAnswer[]): JsonObject {
  const result: JsonObject = {};
  const droppedNames = new Set(step.dropped);
  // Explicit renames claim their new names before same-name questions do.
  const keys = Object.keys(data).sort((a, b) => Number(isRenamed(step, b)) - Number(isRenamed(step, a)));
  for (const key of keys) {
    const { name, suffix } = splitComment(key);
    const value = data[key];
    if (value === undefined) continue;
    if (droppedNames.has(name)) {
      dropped.push({ question: key, reason: `dropped from version ${step.from} to ${step.to}` });
      continue;
    }
    const target = own(step.renamed, name) ?? name;
    const newKey = target + suffix;
    if (Object.hasOwn(result, newKey)) {
      dropped.push({ question: key, reason: `'${newKey}' already holds a renamed answer in version ${step.to}` });
      continue;
    }
    const codes = suffix === '' ? own(step.recoded, target) : undefined;
    const mapped = codes ? recode(value, codes) : value;
    if (!isAnswered(mapped) && isAnswered(value)) {
      dropped.push({ question: key, reason: `every code was recoded to nothing from version ${step.from} to ${step.to}` });
      continue;
    }
    if (mapped !== undefined) result[newKey] = mapped;
  }
  return result;
}

function isRenamed(step: CrosswalkStep, key: string): boolean {
  return Object.hasOwn(step.renamed, splitComment(key).name);
}

/** Looks a name up in a map read from JSON, where `toString` must not find Object's method. */
function own<T>(map: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(map, key) ? map[key] : undefined;
}

function splitComment(key: string): { name: string; suffix: string } {
  const owner = commentOwner(key);
  return owner !== undefined ? { name: owner, suffix: COMMENT_SUFFIX } : { name: key, suffix: '' };
}

/**
 * Recodes every choice code in an answer — a single value, a checkbox list, matrix cells —
 * leaving keys (rows, columns) alone. Returns undefined when the code is removed.
 */
function recode(value: JsonValue, codes: Readonly<Record<string, ChoiceCode | null>>): JsonValue | undefined {
  if (Array.isArray(value)) {
    const mapped = value.map((item) => recode(item, codes)).filter((item): item is JsonValue => item !== undefined);
    return mapped.filter((item, index) => typeof item === 'object' || mapped.indexOf(item) === index);
  }
  if (isJsonObject(value)) {
    const mapped: JsonObject = {};
    for (const [key, item] of Object.entries(value)) {
      const next = recode(item, codes);
      if (next !== undefined) mapped[key] = next;
    }
    return mapped;
  }
  if (typeof value !== 'string' && typeof value !== 'number') return value;
  const key = String(value);
  if (!Object.hasOwn(codes, key)) return value;
  const code = codes[key];
  return code === null || code === undefined ? undefined : code;
}
