import type { Answers, ResponseDetail } from '../../../../client/src/features/responses/api/get-response';
import type { SurveyVersion, User } from '../../../../client/src/types/api';
import { json, stubApi, type ApiHandler } from '../../helpers/fake-api';
import { jsonResponse } from '../../helpers/fake-fetch';
import { signedInAs } from '../../helpers/people-fixtures';

/** Estonia's reply to version 2 of the national cooperation survey. */
export const REPLY_PATH = '/api/surveys/national-cooperation/versions/2/responses/EE';
export const REPLY_URL = '/questionnaires/national-cooperation/versions/2/responses/EE';
export const VERSION_PATH = '/api/surveys/national-cooperation/versions/2';

/** Two pages, so that moving between them (and to a question on the other one) can be seen. */
export const twoPageVersion: SurveyVersion = {
  surveyId: 'national-cooperation',
  version: 2,
  title: '2010 follow-up',
  status: 'open',
  definition: {
    pages: [
      {
        name: 'coordination',
        title: 'National coordination',
        elements: [
          {
            type: 'radiogroup',
            name: 'action_plan',
            title: 'Is a national action plan in force?',
            isRequired: true,
            choices: [
              { value: 'in_force', text: 'In force' },
              { value: 'in_preparation', text: 'In preparation' },
              { value: 'none', text: 'None' },
            ],
          },
        ],
      },
      {
        name: 'people',
        title: 'People',
        elements: [{ type: 'text', name: 'coordinator', title: 'Who is the national coordinator?', isRequired: true }],
      },
    ],
  },
};

export function reply(overrides: Partial<ResponseDetail> = {}): ResponseDetail {
  return {
    memberState: 'EE',
    memberStateName: 'Estonia',
    status: 'draft',
    revision: 3,
    data: {},
    updatedAt: '2025-03-01T09:00:00Z',
    submittedAt: null,
    progress: 0,
    updatedBy: 'Dora Delegate',
    ...overrides,
  };
}

/** The reply as the fake server holds it, and its default handlers, for a route that plays someone else's save. */
export interface ReplyServer {
  reply: ResponseDetail;
  save: ApiHandler;
  submit: ApiHandler;
}

/**
 * The API of the reply page, holding the reply like the server does: saves change it (and its
 * revision), a submission submits it, and reading it gives what was last saved. `routes` adds to
 * or replaces any of that.
 */
export function stubReplyApi(
  user: User,
  {
    version = twoPageVersion,
    response = reply(),
    routes = {},
  }: {
    version?: SurveyVersion;
    response?: ResponseDetail;
    routes?: Record<string, ApiHandler> | ((server: ReplyServer) => Record<string, ApiHandler>);
  } = {},
) {
  const state: ResponseDetail = structuredClone(response);
  const server: ReplyServer = {
    reply: state,
    save: (request) => {
      const { set = {}, unset = [] } = JSON.parse(request.body ?? '{}') as { set?: Answers; unset?: string[] };
      state.data = { ...state.data, ...set };
      for (const key of unset) delete state.data[key];
      state.revision += 1;
      if (state.status === 'not_started') state.status = 'draft';
      return jsonResponse(200, { revision: state.revision, status: state.status });
    },
    submit: () => {
      state.revision += 1;
      state.status = 'submitted';
      state.submittedAt = '2025-03-03T10:00:00Z';
      return jsonResponse(200, { revision: state.revision, status: state.status });
    },
  };
  const requests = stubApi({
    'GET /api/auth/me': json(200, signedInAs(user)),
    [`GET ${VERSION_PATH}`]: json(200, version),
    [`GET ${REPLY_PATH}`]: () => jsonResponse(200, state),
    [`PATCH ${REPLY_PATH}`]: server.save,
    [`POST ${REPLY_PATH}/submit`]: server.submit,
    [`GET ${REPLY_PATH}/comments`]: json(200, []),
    ...(typeof routes === 'function' ? routes(server) : routes),
  });
  return { requests, reply: state };
}

/** A 409 EDIT_CONFLICT as the server words it. */
export function editConflict(currentRevision: number, conflicts: unknown[]) {
  return jsonResponse(409, {
    error: {
      code: 'EDIT_CONFLICT',
      message: 'Someone else changed some of these answers since you started; nothing was saved.',
      details: { currentRevision, conflicts },
    },
  });
}
