import { describe, expect, it } from 'vitest';
import { aliasName, compareAliases, consentOf, consentQuestion, publicationView, shownState, strictestConsent } from '../../../server/questionnaire/index.js';
import { buildCatalogue } from '../../../server/questionnaire/catalogue.js';
import { catalogueOf, roundOne } from './support/analysis-definitions.js';
import { onePage } from './support/fixtures.js';

const catalogue = catalogueOf(roundOne());

describe('a reply’s publication consent', () => {
  it('is read from the question marked publicationConsent', () => {
    expect(consentQuestion(catalogue)).toBe('consent');
    expect(consentOf(catalogue, { consent: 'anonymised' })).toBe('anonymised');
    expect(consentOf(catalogue, { consent: 'as_received' })).toBe('as_received');
  });

  it('is null when unanswered, not one of the three, or when the definition asks none', () => {
    expect(consentOf(catalogue, {})).toBeNull();
    expect(consentOf(catalogue, { consent: 'maybe' })).toBeNull();
    const unmarked = buildCatalogue(onePage({ type: 'radiogroup', name: 'consent', choices: ['as_received', 'anonymised', 'not_for_publication'] }));
    expect(consentQuestion(unmarked)).toBeUndefined();
    expect(consentOf(unmarked, { consent: 'as_received' })).toBeNull();
  });

  it('across rounds is the most restrictive one given, and none given anywhere means refusal', () => {
    expect(strictestConsent(['as_received', 'as_received'])).toBe('as_received');
    expect(strictestConsent(['as_received', 'anonymised'])).toBe('anonymised');
    expect(strictestConsent(['not_for_publication', 'anonymised'])).toBe('not_for_publication');
    expect(strictestConsent(['as_received', null])).toBeNull();
    expect(strictestConsent([])).toBeNull();
  });
});

describe('the publication view', () => {
  const replies = [
    { id: 'c3', consent: 'anonymised' as const },
    { id: 'a1', consent: 'as_received' as const },
    { id: 'f9', consent: 'not_for_publication' as const },
    { id: '0b', consent: 'anonymised' as const },
    { id: '77', consent: null },
  ];

  it('names every state for analysis', () => {
    expect([...publicationView(replies, 'analysis').values()]).toEqual(replies.map(() => ({ kind: 'named' })));
  });

  it('aliases anonymised replies in the order of their ids and omits refusals and silence', () => {
    expect(Object.fromEntries(publicationView(replies, 'publication'))).toEqual({
      c3: { kind: 'alias', alias: 'State B' },
      a1: { kind: 'named' },
      f9: { kind: 'omitted' },
      '0b': { kind: 'alias', alias: 'State A' },
      '77': { kind: 'omitted' },
    });
  });

  it('shows an alias as both code and name', () => {
    const estonia = { code: 'EE', name: 'Estonia' };
    expect(shownState({ kind: 'alias', alias: 'State A' }, estonia)).toEqual({ code: 'State A', name: 'State A' });
    expect(shownState({ kind: 'named' }, estonia)).toEqual({ code: 'EE', name: 'Estonia' });
    expect(shownState({ kind: 'omitted' }, estonia)).toBeNull();
  });

  it('letters aliases as spreadsheet columns past Z', () => {
    expect([0, 1, 25, 26, 27, 51, 52, 701, 702].map(aliasName)).toEqual([
      'State A', 'State B', 'State Z', 'State AA', 'State AB', 'State AZ', 'State BA', 'State ZZ', 'State AAA',
    ]);
  });

  it('orders aliases as they were given, not as text sorts them', () => {
    const given = [0, 1, 25, 26, 27, 701, 702].map(aliasName);
    expect([...given].reverse().sort(compareAliases)).toEqual(given);
  });
});
