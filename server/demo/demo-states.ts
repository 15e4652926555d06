import type { JsonObject } from '../questionnaire/index.js';
import type { PublicationConsent } from '../questionnaire/index.js';

/**
 * The eleven CBSS member states as the demo fills them in: what makes the Estonian base reply
 * theirs (country, capital, web domain), how far each of their replies has got in each round,
 * whether they let the reply be published, and the headline answers that tell the story the
 * comparisons show — national referral mechanisms, action plans and police–NGO agreements that
 * became formal between the 2009 baseline and the 2010 follow-up.
 */

/**
 * How far a reply has got. `corrected`: returned with a comment, corrected by the delegate and
 * submitted again, then accepted — a review thread that was resolved.
 */
export type Reviewed = 'submitted' | 'accepted' | 'returned' | 'corrected';
/** Through review, a draft with this share of its pages filled in, or not started (null). */
export type Outcome = Reviewed | { readonly draft: number } | null;

export type ReferralMechanism = 'formal' | 'informal' | 'in_preparation' | 'none';
export type PoliceNgoAgreement = 'national' | 'local_only' | 'draft' | 'none';
/** The plan's status, and the years it covers when there is (or will be) one. */
export type ActionPlan = { readonly status: 'in_force' | 'in_preparation'; readonly from: number; readonly to: number } | { readonly status: 'none' };

/** A state's headline answers in one round. */
export interface Headline {
  readonly referral: ReferralMechanism;
  readonly plan: ActionPlan;
  readonly policeNgo: PoliceNgoAgreement;
}

export interface DemoState {
  readonly code: string;
  /** The state's value in the questionnaire's lists of member states (agreement partners): its member-state code. */
  readonly country: string;
  readonly capital: string;
  readonly domain: string;
  /** Who answers for the state in both rounds (contact_person): fictitious, at the state's example domain. */
  readonly contact: { readonly name: string; readonly position: string; readonly institution: string; readonly email: string };
  /** By questionnaire version: 1 is the 2009 baseline, 2 the 2010 follow-up. */
  readonly outcome: { readonly 1: Reviewed; readonly 2: Outcome };
  /** consent_publish, the same in both rounds. */
  readonly consent: PublicationConsent;
  readonly headline: { readonly 1: Headline; readonly 2: Headline };
}

const plan = (status: 'in_force' | 'in_preparation', from: number, to: number): ActionPlan => ({ status, from, to });
const NO_PLAN: ActionPlan = { status: 'none' };

export const DEMO_STATES: readonly DemoState[] = [
  {
    code: 'DK', country: 'DK', capital: 'Copenhagen', domain: 'dk',
    contact: { name: 'Mette Lindholm', position: 'Special Adviser, Centre against Human Trafficking', institution: 'Ministry of Social Affairs', email: 'mette.lindholm@example.dk' },
    outcome: { 1: 'accepted', 2: 'accepted' },
    consent: 'as_received',
    headline: {
      1: { referral: 'formal', plan: plan('in_force', 2007, 2010), policeNgo: 'local_only' },
      2: { referral: 'formal', plan: plan('in_force', 2007, 2010), policeNgo: 'national' },
    },
  },
  {
    // Estonia's are the base replies' own answers.
    code: 'EE', country: 'EE', capital: 'Tallinn', domain: 'ee',
    contact: { name: 'Kadri Tamm', position: 'Adviser, Criminal Policy Department', institution: 'Ministry of Justice', email: 'kadri.tamm@example.ee' },
    outcome: { 1: 'accepted', 2: 'submitted' },
    consent: 'as_received',
    headline: {
      1: { referral: 'informal', plan: plan('in_force', 2006, 2009), policeNgo: 'none' },
      2: { referral: 'in_preparation', plan: plan('in_preparation', 2010, 2014), policeNgo: 'draft' },
    },
  },
  {
    code: 'FI', country: 'FI', capital: 'Helsinki', domain: 'fi',
    contact: { name: 'Anne Virtanen', position: 'Senior Officer, Police Department', institution: 'Ministry of the Interior', email: 'anne.virtanen@example.fi' },
    outcome: { 1: 'accepted', 2: 'corrected' },
    consent: 'as_received',
    headline: {
      1: { referral: 'formal', plan: plan('in_force', 2008, 2011), policeNgo: 'draft' },
      2: { referral: 'formal', plan: plan('in_force', 2008, 2011), policeNgo: 'national' },
    },
  },
  {
    code: 'DE', country: 'DE', capital: 'Berlin', domain: 'de',
    contact: { name: 'Katrin Hoffmann', position: 'Head of Unit, Trafficking in Human Beings', institution: 'Federal Ministry for Family Affairs', email: 'katrin.hoffmann@example.de' },
    outcome: { 1: 'accepted', 2: 'submitted' },
    consent: 'not_for_publication',
    headline: {
      1: { referral: 'informal', plan: plan('in_force', 2005, 2010), policeNgo: 'local_only' },
      2: { referral: 'formal', plan: plan('in_force', 2005, 2010), policeNgo: 'local_only' },
    },
  },
  {
    code: 'IS', country: 'IS', capital: 'Reykjavík', domain: 'is',
    contact: { name: 'Guðrún Jónsdóttir', position: 'Legal Adviser', institution: 'Ministry of Justice', email: 'gudrun.jonsdottir@example.is' },
    outcome: { 1: 'returned', 2: { draft: 0.6 } },
    consent: 'as_received',
    headline: {
      1: { referral: 'none', plan: plan('in_preparation', 2009, 2012), policeNgo: 'none' },
      2: { referral: 'in_preparation', plan: plan('in_force', 2009, 2012), policeNgo: 'none' },
    },
  },
  {
    code: 'LV', country: 'LV', capital: 'Riga', domain: 'lv',
    contact: { name: 'Ilze Kalniņa', position: 'National Coordinator’s Office', institution: 'Ministry of the Interior', email: 'ilze.kalnina@example.lv' },
    outcome: { 1: 'submitted', 2: 'returned' },
    consent: 'as_received',
    headline: {
      1: { referral: 'in_preparation', plan: plan('in_preparation', 2009, 2013), policeNgo: 'draft' },
      2: { referral: 'formal', plan: plan('in_force', 2009, 2013), policeNgo: 'national' },
    },
  },
  {
    code: 'LT', country: 'LT', capital: 'Vilnius', domain: 'lt',
    contact: { name: 'Rūta Kazlauskienė', position: 'Chief Specialist, Public Security Policy', institution: 'Ministry of the Interior', email: 'ruta.kazlauskiene@example.lt' },
    outcome: { 1: 'accepted', 2: 'accepted' },
    consent: 'anonymised',
    headline: {
      1: { referral: 'informal', plan: plan('in_force', 2009, 2012), policeNgo: 'none' },
      2: { referral: 'formal', plan: plan('in_force', 2009, 2012), policeNgo: 'draft' },
    },
  },
  {
    code: 'NO', country: 'NO', capital: 'Oslo', domain: 'no',
    contact: { name: 'Ingrid Hansen', position: 'Senior Adviser, Police Department', institution: 'Ministry of Justice and Public Security', email: 'ingrid.hansen@example.no' },
    outcome: { 1: 'accepted', 2: 'submitted' },
    consent: 'as_received',
    headline: {
      1: { referral: 'formal', plan: plan('in_force', 2006, 2009), policeNgo: 'national' },
      2: { referral: 'formal', plan: plan('in_force', 2010, 2013), policeNgo: 'national' },
    },
  },
  {
    code: 'PL', country: 'PL', capital: 'Warsaw', domain: 'pl',
    contact: { name: 'Agnieszka Nowak', position: 'Head of the Team against Trafficking', institution: 'Ministry of the Interior and Administration', email: 'agnieszka.nowak@example.pl' },
    outcome: { 1: 'submitted', 2: { draft: 0.15 } },
    consent: 'anonymised',
    headline: {
      1: { referral: 'in_preparation', plan: plan('in_force', 2009, 2010), policeNgo: 'local_only' },
      2: { referral: 'in_preparation', plan: plan('in_force', 2009, 2010), policeNgo: 'local_only' },
    },
  },
  {
    code: 'RU', country: 'RU', capital: 'Moscow', domain: 'ru',
    contact: { name: 'Elena Sokolova', position: 'Counsellor, Department of New Challenges', institution: 'Ministry of Foreign Affairs', email: 'elena.sokolova@example.ru' },
    outcome: { 1: 'returned', 2: null },
    consent: 'as_received',
    headline: {
      1: { referral: 'none', plan: NO_PLAN, policeNgo: 'none' },
      2: { referral: 'none', plan: NO_PLAN, policeNgo: 'none' },
    },
  },
  {
    code: 'SE', country: 'SE', capital: 'Stockholm', domain: 'se',
    contact: { name: 'Karin Lindqvist', position: 'Desk Officer, Division for Criminal Law', institution: 'Ministry of Justice', email: 'karin.lindqvist@example.se' },
    outcome: { 1: 'accepted', 2: 'accepted' },
    consent: 'as_received',
    headline: {
      1: { referral: 'formal', plan: plan('in_force', 2008, 2010), policeNgo: 'national' },
      2: { referral: 'formal', plan: plan('in_force', 2008, 2010), policeNgo: 'national' },
    },
  },
];

/** A formal mechanism described as one is: the base reply's text describes an informal one. */
const FORMAL_REFERRAL_TEXT =
  'A written referral procedure, agreed between the ministries concerned, the police and the victim-support NGOs, sets out who identifies presumed victims, ' +
  'to whom they are referred and which assistance they receive. The national coordinator’s office coordinates it and convenes the partners twice a year.';
/** The description question's name in each version (renamed in 2010: see the crosswalk). */
const REFERRAL_DESCRIPTION: Readonly<Record<number, string>> = { 1: 'nrm_description', 2: 'referral_mechanism_description' };

/** The state's headline answers as answers of that version, over whatever the reply held. */
export function headlineAnswers(state: DemoState, version: 1 | 2): JsonObject {
  const { referral, plan: actionPlan, policeNgo } = state.headline[version];
  return {
    contact_person: { ...state.contact },
    consent_publish: state.consent,
    national_referral_mechanism: referral,
    ...(referral === 'formal' ? { [REFERRAL_DESCRIPTION[version]!]: FORMAL_REFERRAL_TEXT } : {}),
    action_plan: actionPlan.status,
    // Without a plan its years are hidden, and the answer maker drops them as the browser would.
    ...(actionPlan.status === 'none' ? {} : { action_plan_start_year: actionPlan.from, action_plan_end_year: actionPlan.to }),
    police_ngo_agreement: policeNgo,
  };
}
