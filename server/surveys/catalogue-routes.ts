import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type, type Static } from 'typebox';
import type { Variable } from '../questionnaire/index.js';
import { errorResponses, SurveyVersionParams } from '../http/schemas.js';

const LocaleTexts = Type.Record(Type.String(), Type.String(), { description: 'Translations by locale; the default locale is not among them' });

const Choice = Type.Object({ value: Type.Union([Type.String(), Type.Number(), Type.Boolean()]), label: Type.String() });

const CatalogueVariable = Type.Object({
  key: Type.String({ description: 'The CSV column name; {n} stands for the entry number of a repeated (dynamic panel) field' }),
  question: Type.String(),
  section: Type.String(),
  type: Type.String(),
  title: Type.String({ description: 'The question title, followed for a part by its part titles, joined with " — "' }),
  questionTitle: Type.String({ description: "The question's own title" }),
  partTitles: Type.Optional(
    Type.Array(Type.String(), {
      description: 'Only on a part: the title of each named key segment below the question ({n} has none), in key order',
    }),
  ),
  choices: Type.Optional(Type.Array(Choice)),
  choice: Type.Optional(Choice),
  questionType: Type.String(),
  titles: Type.Optional(LocaleTexts),
  questionTitles: Type.Optional(LocaleTexts),
  partTitlesByLocale: Type.Optional(
    Type.Record(Type.String(), Type.Array(Type.String()), {
      description: 'partTitles by locale, for the locales a part title is translated into; a part without the translation has its default title',
    }),
  ),
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
  const { key, question, section, type, title, titles, questionTitle, questionTitles, partTitles, partTitlesByLocale, questionType, repeat } = variable;
  const out: Record<string, unknown> = { key, question, section, type, title, questionTitle, questionType };
  if (titles) out.titles = titles;
  if (questionTitles) out.questionTitles = questionTitles;
  if (partTitles) out.partTitles = partTitles;
  if (partTitlesByLocale) out.partTitlesByLocale = partTitlesByLocale;
  if (repeat) out.repeat = repeat;
  if ('choices' in variable) out.choices = variable.choices.map(({ value, label }) => ({ value, label }));
  if ('choice' in variable) out.choice = { value: variable.choice.value, label: variable.choice.label };
  return out as Static<typeof CatalogueVariable>;
}
