import { useId, useState } from 'react';
import type { Model } from 'survey-core';
import { rememberLocale } from '../survey/locale-preference';

const languageNames = new Intl.DisplayNames(['en'], { type: 'language' });

/** The questionnaire's language, when its definition has more than one; the choice is remembered. */
export function LocaleSelect({ model }: { model: Model }) {
  const id = useId();
  const locales = model.getUsedLocales();
  const [locale, setLocale] = useState(() => model.locale || locales[0] || '');
  if (locales.length < 2) return null;

  function choose(next: string) {
    model.locale = next;
    rememberLocale(next);
    setLocale(next);
  }

  return (
    <div className="field locale-select">
      <label className="field__label" htmlFor={id}>
        Language
      </label>
      <select id={id} className="select" value={locale} onChange={(event) => choose(event.target.value)}>
        {locales.map((code) => (
          <option key={code} value={code}>
            {nameOf(code)}
          </option>
        ))}
      </select>
    </div>
  );
}

function nameOf(code: string): string {
  try {
    return languageNames.of(code) ?? code;
  } catch {
    return code;
  }
}
