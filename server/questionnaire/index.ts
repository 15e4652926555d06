import type { SchemaObject } from 'ajv';
// First: every Model the core builds reads the platform's own properties.
import './custom-properties.js';
import { answerCheckerFromTree } from './answer-schema.js';
import { catalogueFromTree } from './catalogue.js';
import { dataKeysOf, type DataKeys } from './data-keys.js';
import type { Catalogue } from './catalogue.js';
import { examineDefinition } from './definition.js';
import type { SurveyDefinition } from './definition.js';
import type { Problem } from './problem.js';
import { compileSubmitRules } from './submit-rules/submit-rules.js';
import { submitValidatorFor } from './submit-validation.js';
import type { Progress } from './submit-validation.js';

/**
 * The SurveyJS-facing core: pure functions of a definition, no I/O. The server compiles each
 * survey version once and caches the result.
 */

export type CompiledQuestionnaire = {
  readonly catalogue: Catalogue;
  /** Types and allowed values of a draft (fast; every save). */
  readonly checkDraft: (data: unknown) => Problem[];
  /**
   * Everything a submission must satisfy: first the draft check (survey-core does not check
   * types, and should not be handed ill-typed data), then survey-core's required answers,
   * validators and visibility logic, as the submit engine evaluates them.
   */
  readonly validateForSubmit: (data: unknown) => Problem[];
  readonly progress: (data: unknown) => Progress;
  /** Which engine answers validateForSubmit and progress. */
  readonly submitEngine: SubmitEngine;
  /** The JSON Schema of a response's `data` (draft-07). */
  readonly answerSchema: SchemaObject;
  /** The keys a response's data may hold, the question of each, the comment key of a question. */
  readonly dataKeys: DataKeys;
};

/**
 * The compiled submit rules (fast, see submit-rules/), or survey-core's Model when the
 * definition uses something the rules do not model; the reasons say what.
 */
export type SubmitEngine = { readonly kind: 'rules' } | { readonly kind: 'survey-core'; readonly reasons: readonly string[] };

export class InvalidDefinitionError extends Error {
  constructor(readonly reasons: readonly string[]) {
    super(`the questionnaire definition is not valid:\n${reasons.map((reason) => `  - ${reason}`).join('\n')}`);
    this.name = 'InvalidDefinitionError';
  }
}

/**
 * Throws InvalidDefinitionError for a definition checkDefinition() refuses: a catalogue or
 * schema derived from one would silently misdescribe its answers.
 */
export function compileQuestionnaire(definition: SurveyDefinition): CompiledQuestionnaire {
  const examined = examineDefinition(definition);
  if (!examined.ok) throw new InvalidDefinitionError(examined.reasons);
  // The model that built the question tree now serves the submit rules, which only read it, or
  // else survey-core's submit validator, which owns it.
  const { model, questions, sections } = examined;
  const resultValues = model.calculatedValues.filter((value) => value.includeIntoResult).map((value) => value.name);
  const catalogue = deepFreeze(catalogueFromTree({ questions, sections }));
  const checker = answerCheckerFromTree(questions, resultValues);
  const rules = compileSubmitRules(definition, model);
  const submit = rules.ok ? rules.validator : submitValidatorFor(model);
  const submitEngine: SubmitEngine = rules.ok ? { kind: 'rules' } : { kind: 'survey-core', reasons: rules.reasons };
  return Object.freeze({
    catalogue,
    checkDraft: checker.checkDraft,
    validateForSubmit: (data: unknown) => {
      const problems = checker.checkDraft(data);
      return problems.length > 0 ? problems : submit.validateForSubmit(data);
    },
    progress: submit.progress,
    submitEngine: deepFreeze(submitEngine),
    answerSchema: deepFreeze(checker.schema),
    dataKeys: Object.freeze(dataKeysOf(Object.keys((checker.schema.properties ?? {}) as Record<string, unknown>))),
  });
}

/** Shared by every request for the version's lifetime: nobody may change it. */
function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

export { checkDefinition } from './definition.js';
export type { DefinitionCheck, SurveyDefinition } from './definition.js';
export { buildCatalogue, catalogueFromTree } from './catalogue.js';
export { ENTRY_PLACEHOLDER } from './repeats.js';
export type { Catalogue, CatalogueSection, Variable, VariableChoice, VariablePart, VariableType, VariableValue } from './catalogue.js';
export { expandRepeats, repeatCounts } from './repeats.js';
export type { Column, RepeatCounts } from './repeats.js';
export { readCell, valueAt } from './variable-values.js';
export type { CellValue } from './variable-values.js';
export { buildAnswerSchema, compileAnswerChecker } from './answer-schema.js';
export type { AnswerChecker } from './answer-schema.js';
export { createSubmitValidator } from './submit-validation.js';
export type { Progress, SubmitValidator } from './submit-validation.js';
export { LONG_COLUMNS, WIDE_RESPONSE_COLUMNS, longRows, wideColumns, wideColumnsFor, wideHeader, wideRow } from './csv-layout.js';
export type { CsvValues, LongRow } from './csv-layout.js';
export { crosswalkNameReasons, crosswalkOrSameNames, isRecodedThrough, mapAnswers, parseCrosswalk, questionNameThrough } from './crosswalk.js';
export type { AnswerCheck, Crosswalk, CrosswalkParse, CrosswalkStep, DroppedAnswer, MappedAnswers } from './crosswalk.js';
export { isAnswered } from './answered.js';
export { COMMENT_SUFFIX, commentKey, commentOwner, questionOfKey } from './data-keys.js';
export type { DataKeys } from './data-keys.js';
export type { Problem } from './problem.js';
export type { JsonObject, JsonValue } from './json.js';
export { PERSONAL_DATA, PUBLICATION_CONSENT, customPropertyReasons, readConsent, registerCustomProperties } from './custom-properties.js';
export { DEFAULT_LOCALE, catalogueLocales, isCatalogueLocale, localizeCatalogue, variableChoices } from './catalogue-locale.js';
export { catalogueQuestions, isSelected, selectVariables } from './variable-selection.js';
export type { VariableSelection } from './variable-selection.js';
export { chosenValues, comparisonCell, comparisonCells, comparisonColumn, createComparison, createSummaryCounter, summarySpecs } from './comparison.js';
export type { CellCode, ChoiceCount, ComparisonBuilder, ComparisonCell, ComparisonColumn, Summary, SummaryCounter, SummarySpec } from './comparison.js';
export { PUBLICATION_CONSENTS, aliasName, compareAliases, consentOf, consentQuestion, publicationView, shownState, strictestConsent } from './publication.js';
export type { Audience, ConsentedReply, PublicationConsent, Shown } from './publication.js';
export { carryForward, createRounds, earlierQuestions, roundsLayout } from './rounds.js';
export type { RoundCell, RoundSummary, RoundTally, RoundVariable, RoundVersion, RoundsAccumulator, RoundsLayout, VariableRef } from './rounds.js';
export { countryProfile } from './profile.js';
export type { ProfileAnswer, ProfileQuestion, ProfileRound, ProfileSection } from './profile.js';
export { CODEBOOK_COLUMNS, codebookRows, codebookVariables } from './codebook.js';
export type { CodebookChoice, CodebookRow, CodebookVariable } from './codebook.js';
