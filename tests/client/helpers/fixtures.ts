import type { ResponseSummary, Survey, SurveyVersion } from '../../../client/src/types/api';
import { json, type ApiHandler } from './fake-api';

export const surveysFixture: Survey[] = [
  {
    id: 'national-cooperation',
    title: 'National cooperation survey',
    versions: [
      { version: 1, title: '2009 baseline', status: 'closed', publishedAt: '2009-11-02T09:00:00Z' },
      { version: 2, title: '2010 follow-up', status: 'open', publishedAt: '2010-09-15T09:00:00Z' },
    ],
  },
  {
    id: 'training',
    title: 'Training needs',
    versions: [{ version: 1, title: 'Labour exploitation training', status: 'open', publishedAt: '2011-01-20T09:00:00Z' }],
  },
];

export const surveyVersionFixture: SurveyVersion = {
  surveyId: 'national-cooperation',
  version: 2,
  title: '2010 follow-up',
  status: 'open',
  definition: {
    title: '2010 follow-up',
    pages: [
      {
        name: 'coordination',
        title: 'National coordination',
        elements: [
          {
            type: 'radiogroup',
            name: 'action_plan',
            title: 'Is a national action plan against trafficking in human beings in force?',
            choices: [
              { value: 'in_force', text: 'In force' },
              { value: 'in_preparation', text: 'In preparation' },
              { value: 'none', text: 'None' },
            ],
          },
          { type: 'text', name: 'coordinator', title: 'Who is the national coordinator?' },
        ],
      },
    ],
  },
};

/** Estonia's row of a responses list: not started unless `overrides` say otherwise. */
export function replySummary(overrides: Partial<ResponseSummary> = {}): ResponseSummary {
  return {
    memberState: 'EE',
    memberStateName: 'Estonia',
    status: 'not_started',
    revision: 0,
    progress: 0,
    updatedAt: null,
    submittedAt: null,
    updatedBy: null,
    openComments: 0,
    ...overrides,
  };
}

/** `GET …/responses` of every version of `surveys`, each answering `rows`: what the questionnaire list asks for everyone but delegates. */
export function repliesRoutes(rows: ResponseSummary[], surveys: Survey[] = surveysFixture): Record<string, ApiHandler> {
  return Object.fromEntries(
    surveys.flatMap((survey) =>
      survey.versions.map((version) => [`GET /api/surveys/${survey.id}/versions/${version.version}/responses`, json(200, rows)]),
    ),
  );
}
