import type { LocalizableString } from 'survey-core';

/** Texts per locale other than the default one (`{ "de": "…", "fi": "…" }`). */
export type LocaleTexts = Readonly<Record<string, string>>;

/** A text as the definition gives it: the default-locale text, plus translations when present. */
export type LocalText = { readonly text: string; readonly locales?: LocaleTexts };

/**
 * Reads a survey-core localizable string. `shown` is what survey-core displays in the default
 * locale — it already applies the fallbacks (a question's name for a missing title, a choice's
 * value for a missing text, the built-in "Other (describe)"), so we take the text from there and
 * only the translations from the JSON.
 */
export function readLocalText(loc: LocalizableString, shown: string): LocalText {
  const json: unknown = loc.getJson();
  if (typeof json !== 'object' || json === null) return { text: shown };
  const locales: Record<string, string> = {};
  for (const [locale, text] of Object.entries(json)) {
    if (locale !== 'default' && typeof text === 'string') locales[locale] = text;
  }
  return Object.keys(locales).length > 0 ? { text: shown, locales } : { text: shown };
}

export function plainText(text: string): LocalText {
  return { text };
}

/**
 * Joins texts into one ("Shelters — Children"), per locale: a translation missing for one part
 * falls back to that part's default text, so every locale of any part gets a whole title.
 */
export function joinTexts(parts: readonly LocalText[], separator = ' — '): LocalText {
  const text = parts.map((part) => part.text).join(separator);
  const perLocale = textsPerLocale(parts);
  if (!perLocale) return { text };
  const locales: Record<string, string> = {};
  for (const [locale, texts] of Object.entries(perLocale)) locales[locale] = texts.join(separator);
  return { text, locales };
}

/**
 * The texts in each locale that any of them is translated into, in order, a text without that
 * translation in its default text; undefined when none is translated.
 */
export function textsPerLocale(parts: readonly LocalText[]): Readonly<Record<string, readonly string[]>> | undefined {
  const localeNames = new Set(parts.flatMap((part) => Object.keys(part.locales ?? {})));
  if (localeNames.size === 0) return undefined;
  const texts: Record<string, string[]> = {};
  for (const locale of localeNames) texts[locale] = parts.map((part) => part.locales?.[locale] ?? part.text);
  return texts;
}
