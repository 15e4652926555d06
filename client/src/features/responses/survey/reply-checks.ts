import type { JsonObject } from '@core/json';
import type { Problem } from '@core/problem';
import type { Progress } from '@core/progress-count';
import { compileSubmitRules } from '@core/submit-rules/submit-rules';
import { submitValidatorFor, type SubmitValidator } from '@core/submit-validation';
import { Model } from 'survey-core';

/**
 * The server's own progress and submit check (the questionnaire core, which the server runs on
 * every list, board and submission), run in the browser on the answers the page shows. The bar
 * and the browser's check before submitting therefore decide exactly as the server does: a
 * question on the error list is never counted as answered, and a reply the server would accept
 * is never held back here.
 */
export interface ReplyChecks {
  /** How much is answered, by the server's rule. */
  progress(): Progress;
  /** What the server's submit check reports for these answers, in the page's language. */
  problems(): Problem[];
  /** Builds what the checks need now (a survey-core model of their own), rather than on first use. */
  prepare(): void;
}

/**
 * Checks of the answers `model` shows. They work on survey-core models of their own, never on
 * the page's: compiling the rules reads a model's entries and row counts, which a model holding
 * answers has changed, and reading them on the page's model before it is drawn changes how
 * survey-react-ui draws dynamic panels. Building one takes a moment, so it waits for the first use.
 */
export function createReplyChecks(definition: Record<string, unknown>, model: Model): ReplyChecks {
  const json = definition as JsonObject;
  // The rules keep survey-core's messages in the language they were compiled in; each language
  // the delegate chooses gets its engine when first asked.
  const byLocale = new Map<string, SubmitValidator>();
  const inLocale = (locale: string) => {
    let engine = byLocale.get(locale);
    if (!engine) {
      engine = engineFor(json, locale);
      byLocale.set(locale, engine);
    }
    return engine;
  };
  // Progress has no words: any language's engine counts the same.
  const anyEngine = () => byLocale.values().next().value ?? inLocale(model.locale);
  const answers = () => model.data as Record<string, unknown>;
  return {
    progress: () => anyEngine().progress(answers()),
    problems: () => inLocale(model.locale).validateForSubmit(answers()),
    prepare: () => void anyEngine(),
  };
}

/**
 * The compiled rules, or — for a definition they do not model — survey-core's submit validator,
 * which owns its model (it replaces the model's answers on every call), as on the server.
 */
function engineFor(definition: JsonObject, locale: string): SubmitValidator {
  const model = new Model(definition);
  model.locale = locale;
  const rules = compileSubmitRules(definition, model);
  return rules.ok ? rules.validator : submitValidatorFor(model);
}
