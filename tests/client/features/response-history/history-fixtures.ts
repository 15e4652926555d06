import type { Catalogue } from '../../../../client/src/api/get-catalogue';
import type { RevisionData } from '../../../../client/src/features/response-history/api/get-revision';
import type { HistoryPage } from '../../../../client/src/features/response-history/api/get-history';
import type { RevisionSummary } from '../../../../client/src/features/response-history/api/get-revisions';

export const R = '/api/surveys/national-cooperation/versions/2/responses/EE';
export const CATALOGUE = '/api/surveys/national-cooperation/versions/2/catalogue';

const AREAS = 'Which areas does the plan cover?';

/** A catalogue with a choice, a text, a checkbox with "other", a matrix and a dynamic panel. */
export const catalogueFixture: Catalogue = {
  variables: [
    {
      key: 'action_plan',
      question: 'action_plan',
      section: 'coordination',
      type: 'choice',
      title: 'Is a national action plan in force?',
      questionTitle: 'Is a national action plan in force?',
      choices: [
        { value: 'in_force', label: 'In force' },
        { value: 'in_preparation', label: 'In preparation' },
        { value: 'none', label: 'None' },
      ],
    },
    { key: 'coordinator', question: 'coordinator', section: 'coordination', type: 'text', title: 'Who is the national coordinator?', questionTitle: 'Who is the national coordinator?' },
    { key: 'areas.labour', question: 'areas', section: 'coordination', type: 'checkbox-choice', title: `${AREAS} — Labour exploitation`, questionTitle: AREAS, partTitles: ['Labour exploitation'], choice: { value: 'labour', label: 'Labour exploitation' } },
    { key: 'areas.sexual', question: 'areas', section: 'coordination', type: 'checkbox-choice', title: `${AREAS} — Sexual exploitation`, questionTitle: AREAS, partTitles: ['Sexual exploitation'], choice: { value: 'sexual', label: 'Sexual exploitation' } },
    { key: 'areas.other', question: 'areas', section: 'coordination', type: 'checkbox-choice', title: `${AREAS} — Other (describe)`, questionTitle: AREAS, partTitles: ['Other (describe)'], choice: { value: 'other', label: 'Other (describe)' } },
    { key: 'areas.other_text', question: 'areas', section: 'coordination', type: 'other-text', title: `${AREAS} — Other (describe)`, questionTitle: AREAS, partTitles: ['Other (describe)'] },
    { key: 'shelters.adults', question: 'shelters', section: 'support', type: 'choice', title: 'Shelters — Adults', questionTitle: 'Shelters', partTitles: ['Adults'], choices: [{ value: 'yes', label: 'Available' }, { value: 'no', label: 'Not available' }] },
    { key: 'shelters.children', question: 'shelters', section: 'support', type: 'choice', title: 'Shelters — Children', questionTitle: 'Shelters', partTitles: ['Children'], choices: [{ value: 'yes', label: 'Available' }, { value: 'no', label: 'Not available' }] },
    { key: 'orgs.count', question: 'orgs', section: 'support', type: 'count', title: 'Partner organisations — number of entries', questionTitle: 'Partner organisations', partTitles: ['number of entries'] },
    { key: 'orgs.{n}.name', question: 'orgs', section: 'support', type: 'text', title: 'Partner organisations — Name', questionTitle: 'Partner organisations', partTitles: ['Name'] },
    { key: 'orgs.{n}.kind', question: 'orgs', section: 'support', type: 'choice', title: 'Partner organisations — Kind', questionTitle: 'Partner organisations', partTitles: ['Kind'], choices: [{ value: 'ngo', label: 'NGO' }, { value: 'gov', label: 'Government agency' }] },
    { key: 'funded', question: 'funded', section: 'support', type: 'boolean', title: 'Is the plan funded?', questionTitle: 'Is the plan funded?', choices: [{ value: 1, label: 'Funded' }, { value: 0, label: 'Not funded' }] },
  ],
};

/** Oldest first, as the API gives them. */
export const revisionsFixture: RevisionSummary[] = [
  { revision: 1, kind: 'save', status: 'draft', author: 'Dora Delegate', at: '2010-09-20T10:00:00Z', changed: ['action_plan', 'coordinator'] },
  { revision: 2, kind: 'save', status: 'draft', author: 'Erik Delegate', at: '2010-09-21T10:00:00Z', changed: ['areas', 'shelters', 'orgs', 'funded'] },
  { revision: 3, kind: 'submit', status: 'submitted', author: 'Dora Delegate', at: '2010-09-22T10:00:00Z', changed: [] },
  { revision: 4, kind: 'return', status: 'returned', author: 'Carl Consultant', at: '2010-09-23T10:00:00Z', changed: [] },
  { revision: 5, kind: 'save', status: 'returned', author: 'Dora Delegate', at: '2010-09-24T10:00:00Z', changed: ['action_plan', 'coordinator', 'unlisted'] },
];

const first = { action_plan: 'in_preparation', coordinator: 'Ministry of the Interior' };
const laterAnswers = {
  areas: ['labour', 'other'],
  'areas-Comment': 'Forced begging',
  shelters: { adults: 'yes', children: 'no' },
  orgs: [{ name: 'Living for Tomorrow', kind: 'ngo' }],
  funded: false,
};
const second = { ...first, ...laterAnswers };
// The coordinator's answer removed.
const fifth = { action_plan: 'in_force', ...laterAnswers, unlisted: 'kept' };

export const revisionDataFixture: Record<number, RevisionData> = {
  1: { revision: 1, kind: 'save', status: 'draft', data: first },
  2: { revision: 2, kind: 'save', status: 'draft', data: second },
  3: { revision: 3, kind: 'submit', status: 'submitted', data: second },
  4: { revision: 4, kind: 'return', status: 'returned', data: second },
  5: { revision: 5, kind: 'save', status: 'returned', data: fifth },
};

/** The revisions above in sessions and milestones, newest first, as GET …/history answers. */
export const historyFixture: HistoryPage = {
  page: 1,
  pageSize: 20,
  totalItems: 5,
  totalPages: 1,
  totalRevisions: 5,
  totalSessions: 3,
  latestRevision: 5,
  lastSubmitted: 3,
  lastReturned: 4,
  items: [
    {
      type: 'session', author: 'Dora Delegate', from: '2010-09-24T10:00:00Z', to: '2010-09-24T10:00:00Z', firstRevision: 5, lastRevision: 5, saves: 1,
      questions: [
        { question: 'action_plan', title: 'Is a national action plan in force?' },
        { question: 'coordinator', title: 'Who is the national coordinator?' },
        { question: 'unlisted', title: 'unlisted' },
      ],
    },
    { type: 'milestone', revision: 4, kind: 'return', status: 'returned', author: 'Carl Consultant', at: '2010-09-23T10:00:00Z' },
    { type: 'milestone', revision: 3, kind: 'submit', status: 'submitted', author: 'Dora Delegate', at: '2010-09-22T10:00:00Z' },
    {
      type: 'session', author: 'Erik Delegate', from: '2010-09-21T10:00:00Z', to: '2010-09-21T10:00:00Z', firstRevision: 2, lastRevision: 2, saves: 1,
      questions: [
        { question: 'areas', title: 'Which areas does the plan cover?' },
        { question: 'shelters', title: 'Shelters' },
        { question: 'orgs', title: 'Partner organisations' },
        { question: 'funded', title: 'Is the plan funded?' },
      ],
    },
    {
      type: 'session', author: 'Dora Delegate', from: '2010-09-20T10:00:00Z', to: '2010-09-20T10:00:00Z', firstRevision: 1, lastRevision: 1, saves: 1,
      questions: [
        { question: 'action_plan', title: 'Is a national action plan in force?' },
        { question: 'coordinator', title: 'Who is the national coordinator?' },
      ],
    },
  ],
};
