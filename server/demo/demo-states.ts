/**
 * The eleven CBSS member states as the demo fills them in: what makes the Estonian base reply
 * theirs (country, capital, web domain) and how far each of their replies has got. Most 2009
 * replies are through review, two are back with the delegates; the 2010 follow-up is under way.
 */
export type V1Outcome = 'submitted' | 'accepted' | 'returned';
/** Submitted, a draft with this share of its pages filled in, or not started (null). */
export type V2Outcome = 'submitted' | { readonly draft: number } | null;

export interface DemoState {
  readonly code: string;
  /** The state's value in the questionnaire's country lists (agreement partners). */
  readonly country: string;
  readonly capital: string;
  readonly domain: string;
  readonly v1: V1Outcome;
  readonly v2: V2Outcome;
}

export const DEMO_STATES: readonly DemoState[] = [
  { code: 'DK', country: 'denmark', capital: 'Copenhagen', domain: 'dk', v1: 'accepted', v2: { draft: 0.1 } },
  { code: 'EE', country: 'estonia', capital: 'Tallinn', domain: 'ee', v1: 'accepted', v2: 'submitted' },
  { code: 'FI', country: 'finland', capital: 'Helsinki', domain: 'fi', v1: 'accepted', v2: 'submitted' },
  { code: 'DE', country: 'germany', capital: 'Berlin', domain: 'de', v1: 'accepted', v2: null },
  { code: 'IS', country: 'iceland', capital: 'Reykjavík', domain: 'is', v1: 'returned', v2: null },
  { code: 'LV', country: 'latvia', capital: 'Riga', domain: 'lv', v1: 'submitted', v2: { draft: 0.5 } },
  { code: 'LT', country: 'lithuania', capital: 'Vilnius', domain: 'lt', v1: 'accepted', v2: { draft: 0.3 } },
  { code: 'NO', country: 'norway', capital: 'Oslo', domain: 'no', v1: 'accepted', v2: null },
  { code: 'PL', country: 'poland', capital: 'Warsaw', domain: 'pl', v1: 'submitted', v2: null },
  { code: 'RU', country: 'russia', capital: 'Moscow', domain: 'ru', v1: 'returned', v2: null },
  { code: 'SE', country: 'sweden', capital: 'Stockholm', domain: 'se', v1: 'accepted', v2: { draft: 0.9 } },
];
