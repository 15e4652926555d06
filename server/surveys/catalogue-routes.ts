import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type, type Static } from 'typebox';
import type { Variable } from '../questionnaire/index.js';
import { errorResponses, SurveyVersionParams } from '../http/schemas.js';

const Choice = Type.Object({ value: Type.Union([Type.String(), Type.Number(), Type.Boolean()]), label: Type.String() });

const CatalogueVariable = Type.Object({
  key: Type.String({ description: 'The CSV column name; {n} stands for the entry number of a repeated (dynamic panel) field' }),
  question: Type.String(),
  section: Type.String(),
  type: Type.String(),
  title: Type.String(),
  choices: Type.Optional(Type.Array(Choice)),
  choice: Type.Optional(Choice),
  questionType: Type.String(),
  titles: Type.Optional(Type.Record(Type.String(), Type.String())),
  repeat: Type.Optional(Type.Object({ question: Type.String(), maxCount: Type.Number() })),
});

const routes: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.get(
    '/surveys/:surveyId/versions/:version/catalogue',
    {
      config: { access: 'signed-in' },
      schema: {
        tags: ['questionnaires'],
        summary: 'The variables of a questionnaire version: one per answerable part, in order, keyed by CSV column',
        params: SurveyVersionParams,
        response: { 200: Type.Object({ variables: Type.Array(CatalogueVariable) }), ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => {
      const { questionnaire } = await fastify.questionnaires.load(request.params.surveyId, request.params.version);
      return { variables: questionnaire.catalogue.variables.map(toApi) };
    },
  );
};

export default routes;

function toApi(variable: Variable) {
  const { key, question, section, type, title, titles, questionType, repeat } = variable;
  const out: Record<string, unknown> = { key, question, section, type, title, questionType };
  if (titles) out.titles = titles;
  if (repeat) out.repeat = repeat;
  if ('choices' in variable) out.choices = variable.choices.map(({ value, label }) => ({ value, label }));
  if ('choice' in variable) out.choice = { value: variable.choice.value, label: variable.choice.label };
  return out as Static<typeof CatalogueVariable>;
}
