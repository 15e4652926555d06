import { describe, expect, it } from 'vitest';
import { definitionLocales, sectionTitles } from '../../../../client/src/features/analysis/workbench/definition-locales';

const translated = {
  title: { default: 'Follow-up', de: 'Nachbefragung' },
  pages: [
    {
      name: 'coordination',
      title: { default: 'National coordination', ru: 'Национальная координация' },
      elements: [{ type: 'radiogroup', name: 'action_plan', choices: [{ value: 'yes', text: { default: 'Yes', 'pt-br': 'Sim', fi: 'Kyllä' } }] }],
    },
    { name: 'training', title: 'Training', elements: [] },
    { name: 'untitled', elements: [] },
  ],
};

describe("a definition's locales and section titles", () => {
  it('finds every locale any text is translated into, sorted', () => {
    expect(definitionLocales(translated)).toEqual(['de', 'fi', 'pt-br', 'ru']);
  });

  it('finds none in a definition without translations', () => {
    expect(definitionLocales({ title: 'Plain', pages: [{ name: 'p', title: 'Page', elements: [{ type: 'text', name: 'q', title: 'Q' }] }] })).toEqual([]);
  });

  it("reads each page's title in the locale asked for, the default text where untranslated, the name where untitled", () => {
    expect([...sectionTitles(translated, 'ru')]).toEqual([
      ['coordination', 'Национальная координация'],
      ['training', 'Training'],
      ['untitled', 'untitled'],
    ]);
    expect(sectionTitles(translated, null).get('coordination')).toBe('National coordination');
    expect(sectionTitles(undefined, null).size).toBe(0);
  });
});
