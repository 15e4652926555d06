import type { Comparison } from '../../../../client/src/features/analysis/api/get-comparison';
import type { Rounds } from '../../../../client/src/features/analysis/api/get-rounds';
import type { CountryProfile } from '../../../../client/src/features/analysis/api/get-profile';
import type { Codebook } from '../../../../client/src/features/analysis/api/get-codebook';
import type { NamedTables } from '../../../../client/src/features/analysis/api/get-tables';
import type { Catalogue } from '../../../../client/src/api/get-catalogue';
import type { User } from '../../../../client/src/types/api';
import { json, type ApiHandler } from '../../helpers/fake-api';
import { surveysFixture, surveyVersionFixture } from '../../helpers/fixtures';
import { signedInAs } from '../../helpers/people-fixtures';

export const A = '/api/surveys/national-cooperation/versions/2';
export const COMPARISON = `GET ${A}/comparison`;
export const ROUNDS = 'GET /api/surveys/national-cooperation/rounds';

export const cbssStates = [
  { code: 'DK', name: 'Denmark', active: true },
  { code: 'EE', name: 'Estonia', active: true },
  { code: 'FI', name: 'Finland', active: false },
  { code: 'DE', name: 'Germany', active: false },
  { code: 'IS', name: 'Iceland', active: false },
  { code: 'LV', name: 'Latvia', active: true },
  { code: 'LT', name: 'Lithuania', active: false },
  { code: 'NO', name: 'Norway', active: false },
  { code: 'PL', name: 'Poland', active: true },
  { code: 'RU', name: 'Russian Federation', active: false },
  { code: 'SE', name: 'Sweden', active: false },
];

export const tablesFixture: NamedTables = {
  tables: [
    { id: 'national-coordination', title: 'National coordination structures', description: 'Action plan, coordinator, specialised NGOs.', questions: ['action_plan', 'specialised_ngo_count'] },
    { id: 'identification-referral', title: 'Identification and referral', questions: ['national_referral_mechanism', 'identification_authority'] },
  ],
};

const ACTION_PLAN = 'Is a national action plan in force?';
const NGOS = 'How many NGOs specialise in assisting victims?';
const WHO = 'Who may formally identify a victim?';

/** Estonia and Latvia counted; Poland's draft and Denmark's missing reply are not. */
export const comparisonFixture: Comparison = {
  columns: [
    { key: 'action_plan', question: 'action_plan', title: ACTION_PLAN, section: 'coordination', type: 'choice', questionType: 'radiogroup' },
    { key: 'specialised_ngo_count', question: 'specialised_ngo_count', title: NGOS, section: 'actors', type: 'number', questionType: 'text' },
    { key: 'identification_authority.police', question: 'identification_authority', title: `${WHO} — Police`, section: 'referral', type: 'checkbox-choice', questionType: 'checkbox' },
  ],
  rows: [
    {
      memberState: 'EE',
      memberStateName: 'Estonia',
      status: 'submitted',
      publication: 'as_received',
      cells: [
        { key: 'action_plan', value: 'in_preparation', label: 'A plan is in preparation' },
        { key: 'specialised_ngo_count', value: 2, label: '2' },
        { key: 'identification_authority.police', value: 1, label: 'Police' },
      ],
    },
    {
      memberState: 'LV',
      memberStateName: 'Latvia',
      status: 'accepted',
      publication: 'anonymised',
      cells: [
        { key: 'action_plan', value: 'in_force', label: 'Yes, a plan is in force' },
        { key: 'specialised_ngo_count', value: null, label: null },
        { key: 'identification_authority.police', value: 0, label: '' },
      ],
    },
  ],
  summaries: [
    {
      question: 'action_plan',
      variable: 'action_plan',
      title: ACTION_PLAN,
      answered: 2,
      counts: [
        { value: 'in_force', label: 'Yes, a plan is in force', count: 1 },
        { value: 'in_preparation', label: 'A plan is in preparation', count: 1 },
        { value: 'none', label: 'No', count: 0 },
      ],
    },
    {
      question: 'identification_authority',
      variable: 'identification_authority',
      title: WHO,
      answered: 2,
      counts: [
        { value: 'police', label: 'Police', count: 1 },
        { value: 'ngo', label: 'NGOs', count: 0 },
      ],
    },
  ],
  table: { id: 'national-coordination', title: 'National coordination structures', description: 'Action plan, coordinator, specialised NGOs.', missingQuestions: [] },
  counted: 2,
  activeStates: 4,
  notCounted: [
    { memberState: 'DK', memberStateName: 'Denmark', status: 'not_started' },
    { memberState: 'PL', memberStateName: 'Poland', status: 'draft' },
  ],
  for: 'analysis',
};

/** The same replies for publication: Latvia asked for anonymity and appears as "State A". */
export const publicationFixture: Comparison = {
  ...comparisonFixture,
  rows: [comparisonFixture.rows[0]!, { ...comparisonFixture.rows[1]!, memberState: 'State A', memberStateName: 'State A' }],
  for: 'publication',
};

export const noCountedFixture: Comparison = {
  ...comparisonFixture,
  rows: [],
  summaries: comparisonFixture.summaries.map((summary) => ({ ...summary, answered: 0, counts: summary.counts.map((count) => ({ ...count, count: 0 })) })),
  counted: 0,
  notCounted: cbssStates.filter((state) => state.active).map((state) => ({ memberState: state.code, memberStateName: state.name, status: 'not_started' as const })),
};

export const catalogueFixture: Catalogue = {
  variables: [
    { key: 'contact_person.name', question: 'contact_person', section: 'coordination', type: 'text', title: 'Contact person — Name', questionTitle: 'Contact person', personalData: true },
    { key: 'action_plan', question: 'action_plan', section: 'coordination', type: 'choice', title: ACTION_PLAN, questionTitle: ACTION_PLAN },
    { key: 'coordinator', question: 'coordinator', section: 'coordination', type: 'text', title: 'Who is the national coordinator?', questionTitle: 'Who is the national coordinator?' },
    { key: 'national_referral_mechanism', question: 'national_referral_mechanism', section: 'referral', type: 'choice', title: 'Is there a national referral mechanism?', questionTitle: 'Is there a national referral mechanism?' },
    { key: 'identification_authority.police', question: 'identification_authority', section: 'referral', type: 'checkbox-choice', title: `${WHO} — Police`, questionTitle: WHO },
    { key: 'identification_authority.ngo', question: 'identification_authority', section: 'referral', type: 'checkbox-choice', title: `${WHO} — NGOs`, questionTitle: WHO },
  ],
};

/** A definition with the picker's two sections, titled. */
export const definitionFixture = {
  ...surveyVersionFixture,
  definition: {
    title: '2010 follow-up',
    pages: [
      { name: 'coordination', title: 'C. National coordination', elements: [] },
      { name: 'referral', title: 'F. Identification and referral', elements: [] },
    ],
  },
};

export const roundsFixture: Rounds = {
  from: { version: 1, title: '2009 baseline' },
  to: { version: 2, title: '2010 follow-up' },
  variables: [
    {
      kind: 'paired',
      key: 'national_referral_mechanism',
      question: 'national_referral_mechanism',
      title: 'Is there a national referral mechanism?',
      type: 'choice',
      from: { key: 'national_referral_mechanism', question: 'national_referral_mechanism' },
      to: { key: 'national_referral_mechanism', question: 'national_referral_mechanism' },
      renamed: false,
      recoded: false,
      changedStates: 1,
    },
    {
      kind: 'paired',
      key: 'post_return_follow_up',
      question: 'post_return_follow_up',
      title: 'Are returned victims followed up?',
      type: 'choice',
      from: { key: 'reintegration_follow_up', question: 'reintegration_follow_up' },
      to: { key: 'post_return_follow_up', question: 'post_return_follow_up' },
      renamed: true,
      recoded: true,
      changedStates: 0,
    },
    { kind: 'dropped', key: 'mou_good_practice', title: 'Is there a good practice MoU?', from: { key: 'mou_good_practice', question: 'mou_good_practice' } },
    { kind: 'added', key: 'stockholm_follow_up', title: 'Has the Stockholm conference been followed up?', to: { key: 'stockholm_follow_up', question: 'stockholm_follow_up' } },
  ],
  rows: [
    {
      memberState: 'EE',
      memberStateName: 'Estonia',
      from: { status: 'accepted' },
      to: { status: 'submitted' },
      cells: [
        { key: 'national_referral_mechanism', from: { value: 'informal', label: 'Informal' }, to: { value: 'formal', label: 'Formal' }, changed: true },
        { key: 'post_return_follow_up', from: { value: 'all_cases', label: 'In all cases' }, to: { value: 'all_cases', label: 'In all cases' }, changed: false },
        { key: 'mou_good_practice', from: { value: 'yes', label: 'Yes' }, to: null, changed: false },
        { key: 'stockholm_follow_up', from: null, to: { value: 'plan', label: 'A plan is adopted' }, changed: false },
      ],
    },
    {
      memberState: 'LV',
      memberStateName: 'Latvia',
      from: { status: 'submitted' },
      to: null,
      cells: [
        { key: 'national_referral_mechanism', from: { value: 'formal', label: 'Formal' }, to: null, changed: false },
        { key: 'post_return_follow_up', from: { value: 'some_cases', label: 'In some cases' }, to: null, changed: false },
        { key: 'mou_good_practice', from: { value: 'no', label: 'No' }, to: null, changed: false },
        { key: 'stockholm_follow_up', from: null, to: null, changed: false },
      ],
    },
  ],
  summaries: [
    {
      key: 'national_referral_mechanism',
      question: 'national_referral_mechanism',
      title: 'Is there a national referral mechanism?',
      kind: 'paired',
      from: { answered: 2, counts: [{ value: 'formal', label: 'Formal', count: 1 }, { value: 'informal', label: 'Informal', count: 1 }, { value: 'none', label: 'None', count: 0 }] },
      to: { answered: 1, counts: [{ value: 'formal', label: 'Formal', count: 1 }, { value: 'informal', label: 'Informal', count: 0 }, { value: 'none', label: 'None', count: 0 }] },
    },
  ],
};

export const profileFixture: CountryProfile = {
  memberState: 'EE',
  memberStateName: 'Estonia',
  rounds: [
    { version: 1, title: '2009 baseline', status: 'accepted', submittedAt: '2009-06-01T09:00:00Z' },
    { version: 2, title: '2010 follow-up', status: null, submittedAt: null },
  ],
  sections: [
    {
      section: 'coordination',
      title: 'C. National coordination',
      questions: [
        { key: 'action_plan', title: ACTION_PLAN, answers: [{ version: 1, label: 'Yes, a plan is in force' }, { version: 2, label: null }] },
        { key: 'action_plan.other_text', title: `${ACTION_PLAN} — Other`, answers: [{ version: 1, label: null }, { version: 2, label: null }] },
      ],
    },
    {
      section: 'actors',
      title: 'B. Anti-trafficking actors',
      questions: [
        { key: 'organisations.2.org_name', title: 'Organisations — Name', answers: [{ version: 1, label: 'Central Criminal Police' }, { version: 2, label: null }] },
        { key: 'mou_good_practice', title: 'Is there a good practice MoU?', answers: [{ version: 1, label: 'Yes' }, { version: 2, label: null, asked: false }] },
      ],
    },
  ],
};

export const codebookFixture: Codebook = {
  variables: [
    { key: 'contact_person.name', question: 'contact_person', section: 'respondent', sectionTitle: 'A. Respondent', type: 'text', questionType: 'text', title: 'Contact person — Name', personalData: true, choices: [] },
    {
      key: 'action_plan',
      question: 'action_plan',
      section: 'coordination',
      sectionTitle: 'C. National coordination',
      type: 'choice',
      questionType: 'radiogroup',
      title: ACTION_PLAN,
      personalData: false,
      choices: [
        { value: 'in_force', label: 'Yes, a plan is in force' },
        { value: 'none', label: 'No' },
      ],
    },
    { key: 'specialised_ngo_count', question: 'specialised_ngo_count', section: 'actors', sectionTitle: 'B. Anti-trafficking actors', type: 'number', questionType: 'text', title: NGOS, personalData: false, choices: [] },
  ],
};

/** Everything the workbench asks for, signed in as `user`; `overrides` replace single routes. */
export function analysisRoutes(user: User, overrides: Record<string, ApiHandler> = {}): Record<string, ApiHandler> {
  return {
    'GET /api/auth/me': json(200, signedInAs(user)),
    'GET /api/surveys': json(200, surveysFixture),
    'GET /api/member-states': json(200, cbssStates),
    'GET /api/surveys/national-cooperation/tables': json(200, tablesFixture),
    'GET /api/surveys/training/tables': json(200, { tables: [] }),
    [`GET ${A}`]: json(200, definitionFixture),
    'GET /api/surveys/national-cooperation/versions/1': json(200, { ...definitionFixture, version: 1, title: '2009 baseline' }),
    [`GET ${A}/catalogue`]: json(200, catalogueFixture),
    'GET /api/surveys/national-cooperation/versions/1/catalogue': json(200, catalogueFixture),
    [COMPARISON]: json(200, comparisonFixture),
    [ROUNDS]: json(200, roundsFixture),
    'GET /api/surveys/national-cooperation/member-states/EE/profile': json(200, profileFixture),
    [`GET ${A}/codebook`]: json(200, codebookFixture),
    ...overrides,
  };
}

/** The query of the last request to `route` ('GET /path'), as parameters. */
export function queryOf(requests: { url: string; method: string }[], route: string): URLSearchParams {
  const matching = requests.filter((request) => `${request.method} ${request.url.split('?')[0]}` === route);
  const last = matching[matching.length - 1];
  if (!last) throw new Error(`no request to ${route}`);
  return new URL(last.url, 'http://test.invalid').searchParams;
}
