import { surveyLocalization } from 'survey-core';
import type { Catalogue, CatalogueSection, Variable, VariableChoice } from './catalogue.js';

/**
 * The catalogue in one of the definition's locales: every title and label replaced by its
 * translation where the definition has one, its default text elsewhere. Everything that reads
 * labels (readCell, the comparison, the codebook, the exports) then speaks that locale without
 * knowing about locales: one rule for what a label is, wherever it is shown.
 */

/** survey-core's language of the `default` texts (English unless a definition set it otherwise). */
export const DEFAULT_LOCALE: string = surveyLocalization.defaultLocale || 'en';

/** The locales any title or label of the catalogue is translated into, sorted. */
export function catalogueLocales(catalogue: Catalogue): string[] {
  const locales = new Set<string>();
  const add = (texts: Readonly<Record<string, unknown>> | undefined) => {
    for (const locale of Object.keys(texts ?? {})) locales.add(locale);
  };
  for (const section of catalogue.sections) add(section.titles);
  for (const variable of catalogue.variables) {
    add(variable.titles);
    add(variable.questionTitles);
    add(variable.partTitlesByLocale);
    for (const choice of variableChoices(variable)) add(choice.labels);
  }
  return [...locales].sort();
}

/** Whether `locale` may be asked for: the default language or one the definition translates into. */
export function isCatalogueLocale(catalogue: Catalogue, locale: string): boolean {
  return locale === DEFAULT_LOCALE || catalogueLocales(catalogue).includes(locale);
}

const localized = new WeakMap<Catalogue, Map<string, Catalogue>>();

/**
 * The catalogue with `locale`'s texts as its default ones (`null`: the catalogue as it is).
 * Cached per catalogue: the compiled catalogues live as long as the process.
 */
export function localizeCatalogue(catalogue: Catalogue, locale: string | null): Catalogue {
  if (locale === null || locale === DEFAULT_LOCALE) return catalogue;
  let byLocale = localized.get(catalogue);
  if (!byLocale) localized.set(catalogue, (byLocale = new Map()));
  const cached = byLocale.get(locale);
  if (cached) return cached;
  const result: Catalogue = {
    variables: catalogue.variables.map((variable) => localizeVariable(variable, locale)),
    sections: catalogue.sections.map((section) => localizeSection(section, locale)),
  };
  byLocale.set(locale, result);
  return result;
}

function localizeSection(section: CatalogueSection, locale: string): CatalogueSection {
  return { name: section.name, title: section.titles?.[locale] ?? section.title };
}

function localizeVariable(variable: Variable, locale: string): Variable {
  const texts = {
    title: variable.titles?.[locale] ?? variable.title,
    questionTitle: variable.questionTitles?.[locale] ?? variable.questionTitle,
    ...(variable.partTitles ? { partTitles: variable.partTitlesByLocale?.[locale] ?? variable.partTitles } : {}),
  };
  const base = { ...variable, ...texts };
  switch (base.type) {
    case 'choice':
    case 'choices':
      return { ...base, choices: base.choices.map((choice) => localizeChoice(choice, locale)) };
    case 'boolean': {
      const [yes, no] = base.choices;
      return { ...base, choices: [localizeChoice(yes, locale), localizeChoice(no, locale)] };
    }
    case 'checkbox-choice':
    case 'rank':
      return { ...base, choice: localizeChoice(base.choice, locale) };
    default:
      return base;
  }
}

function localizeChoice(choice: VariableChoice, locale: string): VariableChoice {
  const label = choice.labels?.[locale];
  return label === undefined ? choice : { ...choice, label };
}

/** The choices a variable's codes stand for: its list, or the one choice of a tick or rank. */
export function variableChoices(variable: Variable): readonly VariableChoice[] {
  switch (variable.type) {
    case 'choice':
    case 'choices':
    case 'boolean':
      return variable.choices;
    case 'checkbox-choice':
    case 'rank':
      return [variable.choice];
    default:
      return [];
  }
}
