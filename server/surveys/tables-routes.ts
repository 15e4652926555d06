import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { errorResponses, SurveyId } from '../http/schemas.js';

const NamedTable = Type.Object({
  id: Type.String(),
  title: Type.String(),
  description: Type.Optional(Type.String()),
  questions: Type.Immutable(Type.Array(Type.String(), { description: 'Question names; a version that does not ask one leaves it out of its table' })),
});

/**
 * The survey's named comparison tables (tables.json), for a client to offer them: what the
 * comparison's `table` parameter accepts. They describe the questionnaire, not anyone's answers,
 * so whoever may read the definitions may read them.
 */
const routes: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.get(
    '/surveys/:surveyId/tables',
    {
      config: { access: 'signed-in' },
      schema: {
        tags: ['questionnaires'],
        summary: 'The named comparison tables of a questionnaire (tables.json), in file order',
        params: Type.Object({ surveyId: SurveyId }),
        response: { 200: Type.Object({ tables: Type.Immutable(Type.Array(NamedTable)) }), ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => ({ tables: await fastify.surveys.comparisonTablesOf(request.params.surveyId) }),
  );
};

export default routes;
