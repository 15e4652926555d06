import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { errorResponses, SurveyVersionParams } from '../http/schemas.js';
import { ReviewBoard } from './schemas.js';

const routes: FastifyPluginAsyncTypebox = async (fastify) => {
  const { reviewBoard } = fastify;

  fastify.get(
    '/surveys/:surveyId/versions/:version/review-board',
    {
      config: { access: { roles: ['consultant', 'admin'] } },
      schema: {
        tags: ['review'],
        summary: 'The review board of a questionnaire version: where every member state’s reply stands (consultants, administrators)',
        description:
          'One row per active member state (and per inactive one that has a reply), in the member states’ order: status (not_started without a reply), revision, ' +
          'progress and open comments as GET …/responses gives them, the latest revision’s time and author (lastActivity), submittedAt, ' +
          'daysSinceSubmission (whole days, while submitted) and resubmitted (submitted again after being returned or reopened); ' +
          'and the count of replies in each status (summary). Read in one statement, however many member states there are.',
        params: SurveyVersionParams,
        response: { 200: ReviewBoard, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => reviewBoard.board(request.params.surveyId, request.params.version),
  );
};

export default routes;
