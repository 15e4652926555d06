/**
 * What the workbench reads from a SurveyJS definition's JSON without loading survey-core: the
 * locales it translates into, and its pages' titles. SurveyJS keeps a translated text as an
 * object of texts by locale (`{ "default": "Shelters", "de": "Schutzunterkünfte" }`), a text
 * without translations as a plain string.
 */
const LOCALE_CODE = /^[a-z]{2,3}(?:-[a-z]{2,4})?$/i;

/** Every locale any text of the definition is translated into, sorted: the analysis routes' `locale` values. */
export function definitionLocales(definition: unknown): string[] {
  const locales = new Set<string>();
  const visit = (node: unknown) => {
    if (Array.isArray(node)) {
      node.forEach(visit);
      return;
    }
    if (typeof node !== 'object' || node === null) return;
    if (isTranslatedText(node)) {
      for (const [key, value] of Object.entries(node)) if (key !== 'default' && typeof value === 'string' && LOCALE_CODE.test(key)) locales.add(key);
      return;
    }
    for (const value of Object.values(node)) visit(value);
  };
  visit(definition);
  return [...locales].sort();
}

/** Each page's title by its name (a section of the catalogue), in `locale` where translated; the name where untitled. */
export function sectionTitles(definition: unknown, locale: string | null): Map<string, string> {
  const titles = new Map<string, string>();
  const pages = isObject(definition) && Array.isArray(definition.pages) ? definition.pages : [];
  for (const page of pages) {
    if (!isObject(page) || typeof page.name !== 'string') continue;
    titles.set(page.name, textIn(page.title, locale) ?? page.name);
  }
  return titles;
}

function textIn(text: unknown, locale: string | null): string | null {
  if (typeof text === 'string') return text;
  if (!isObject(text)) return null;
  const translated = locale ? text[locale] : undefined;
  if (typeof translated === 'string') return translated;
  return typeof text.default === 'string' ? text.default : null;
}

function isTranslatedText(node: object): boolean {
  return 'default' in node && typeof (node as { default: unknown }).default === 'string';
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
