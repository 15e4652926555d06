import { existsSync, readFileSync } from 'node:fs';
import { Model } from 'survey-core';
import type { JsonObject } from '../../../../server/questionnaire/json.js';
import { readQuestionTree } from '../../../../server/questionnaire/read-questions.js';
import type { PageQuestion } from '../../../../server/questionnaire/question-tree.js';

const QUESTIONNAIRE_FIXTURES = new URL('../../../fixtures/questionnaire/', import.meta.url);
const REAL_DEFINITIONS = new URL('../../../../survey-definitions/national-cooperation/', import.meta.url);
const REAL_FIXTURES = new URL('../../../fixtures/national-cooperation/', import.meta.url);

function readJson(base: URL, file: string): JsonObject {
  return JSON.parse(readFileSync(new URL(file, base), 'utf8')) as JsonObject;
}

/** A fixture of tests/fixtures/questionnaire, parsed afresh so a test may change its copy. */
export const fixture = (file: string): JsonObject => readJson(QUESTIONNAIRE_FIXTURES, file);

export const everyType = (): JsonObject => fixture('every-type.json');
export const everyTypeComplete = (): JsonObject => fixture('every-type-complete.json');

/** The real questionnaire files, written by another engineer; absent while they are drafted. */
export const realFile = (file: string): JsonObject | undefined =>
  existsSync(new URL(file, REAL_DEFINITIONS)) ? readJson(REAL_DEFINITIONS, file) : undefined;
export const realAnswers = (file: string): JsonObject | undefined =>
  existsSync(new URL(file, REAL_FIXTURES)) ? readJson(REAL_FIXTURES, file) : undefined;

export function questionTree(definition: JsonObject): readonly PageQuestion[] {
  return readQuestionTree(new Model(definition)).questions;
}

/** A one-page definition around the given elements, for focused cases. */
export function onePage(...elements: JsonObject[]): JsonObject {
  return { pages: [{ name: 'page1', elements }] };
}
