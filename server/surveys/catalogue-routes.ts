import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { errorResponses, SurveyVersionParams } from '../http/schemas.js';

const LocaleTexts = Type.Record(Type.String(), Type.String(), { description: 'Translations by locale; the default locale is not among them' });

const Choice = Type.Object({ value: Type.Union([Type.String(), Type.Number(), Type.Boolean()]), label: Type.String() });

/**
 * The catalogue's variables are served as compiled: the response serializer writes only the
 * properties declared here, so what the server keeps for itself (path, part, stored, choice
 * labels by locale) stays out of the API.
 */
const CatalogueVariable = Type.Object({
  key: Type.String({ description: 'The CSV column name; {n} stands for the entry number of a repeated (dynamic panel) field' }),
  question: Type.String(),
  section: Type.String(),
  type: Type.String(),
  title: Type.String({ description: 'The question title, followed for a part by its part titles, joined with " — "' }),
  questionTitle: Type.String({ description: "The question's own title" }),
  partTitles: Type.Optional(
    Type.Immutable(
      Type.Array(Type.String(), {
        description: 'Only on a part: the title of each named key segment below the question ({n} has none), in key order',
      }),
    ),
  ),
  choices: Type.Optional(Type.Immutable(Type.Array(Choice))),
  choice: Type.Optional(Choice),
  questionType: Type.String(),
  titles: Type.Optional(LocaleTexts),
  questionTitles: Type.Optional(LocaleTexts),
  partTitlesByLocale: Type.Optional(
    Type.Record(Type.String(), Type.Immutable(Type.Array(Type.String())), {
      description: 'partTitles by locale, for the locales a part title is translated into; a part without the translation has its default title',
    }),
  ),
  repeat: Type.Optional(Type.Object({ question: Type.String(), maxCount: Type.Number() })),
  personalData: Type.Optional(
    Type.Literal(true, { description: 'Personal data (marked personalData in the definition): left out of comparisons and exports unless an administrator includes it' }),
  ),
  publicationConsent: Type.Optional(Type.Literal(true, { description: 'The answer says whether the reply may be published (as_received, anonymised, not_for_publication)' })),
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
        response: { 200: Type.Object({ variables: Type.Immutable(Type.Array(CatalogueVariable)) }), ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => {
      const { questionnaire } = await fastify.questionnaires.load(request.params.surveyId, request.params.version);
      return { variables: questionnaire.catalogue.variables };
    },
  );
};

export default routes;
