/** The language a person chose for questionnaires, kept in the browser across pages and visits. */
const LOCALE_KEY = 'ncs:questionnaire-locale';

export function preferredLocale(): string | null {
  try {
    return localStorage.getItem(LOCALE_KEY);
  } catch {
    return null;
  }
}

export function rememberLocale(locale: string): void {
  try {
    localStorage.setItem(LOCALE_KEY, locale);
  } catch {
    // Not remembered: the choice still holds on this page.
  }
}
