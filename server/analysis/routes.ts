import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { principalOf } from '../auth/plugin.js';
import type { RouteAccess } from '../auth/route-access.js';
import { errorResponses } from '../http/schemas.js';
import { personalDataPermission } from './analysis-filter.js';
import type { AnalysisCaller } from './service.js';
import {
  CodebookQuery,
  CodebookResult,
  ComparisonQuery,
  ComparisonResult,
  ProfileParams,
  ProfileQuery,
  ProfileResult,
  RoundsParams,
  RoundsQuery,
  RoundsResult,
  VersionParams,
} from './schemas.js';

/** Consultants, analysts and administrators read every response (API.md, Analysis). */
export const ANALYSIS_ACCESS = { roles: ['consultant', 'analyst', 'admin'] } as const satisfies RouteAccess;
const TAGS = ['analysis'];
const A = '/surveys/:surveyId/versions/:version';

const callerOf = (request: FastifyRequest): AnalysisCaller => ({ user: principalOf(request).user, ip: request.ip });

/**
 * Tables over thousands of replies are megabytes of small cells, whose values are text, numbers
 * or null: the schema serializer picks each cell's type by trying them (about 6× JSON.stringify
 * here), so these bodies are written with JSON.stringify. The service builds them field by
 * field, so nothing beyond the documented schema can slip out.
 */
function sendJson(reply: FastifyReply, body: unknown): FastifyReply {
  return reply.type('application/json; charset=utf-8').send(JSON.stringify(body));
}

const routes: FastifyPluginAsyncTypebox = async (fastify) => {
  const { analysis } = fastify;

  fastify.get(
    `${A}/comparison`,
    {
      config: { access: ANALYSIS_ACCESS },
      onRequest: personalDataPermission,
      schema: {
        tags: TAGS,
        summary: 'The comparison table: a row per member state with a counted reply, a column per variable, per-choice counts',
        description:
          'API.md’s comparison, with extensions: `table` (a named table of tables.json), `locale`, `personal`, `for` (publication), ' +
          'and `counted`, `activeStates` and `notCounted` (the active states without a counted reply) so a client can say "7 of 11". ' +
          'Dynamic panels have as many entries as the largest counted reply. See docs/analysis-api.md.',
        params: VersionParams,
        querystring: ComparisonQuery,
        response: { 200: ComparisonResult, ...errorResponses(400, 401, 403, 404, 422) },
      },
    },
    async (request, reply) => sendJson(reply as FastifyReply, await analysis.comparison(request.params, request.query, callerOf(request))),
  );

  fastify.get(
    '/surveys/:surveyId/rounds',
    {
      config: { access: ANALYSIS_ACCESS },
      onRequest: personalDataPermission,
      schema: {
        tags: TAGS,
        summary: 'Two rounds side by side: each state’s answers in both versions, carried through the crosswalk',
        description:
          'The earlier round’s answers are carried through crosswalk.json, so renamed questions pair with their new name and recoded codes ' +
          'read in the later version’s codes. Questions only one round asks are `dropped` or `added`, never paired. ' +
          '`changed`: both rounds answer and the answers differ. `from` must be an earlier published version than `to` (else 422).',
        params: RoundsParams,
        querystring: RoundsQuery,
        response: { 200: RoundsResult, ...errorResponses(400, 401, 403, 404, 422) },
      },
    },
    async (request, reply) => {
      const { from, to, ...query } = request.query;
      return sendJson(reply as FastifyReply, await analysis.rounds(request.params.surveyId, { from, to }, query, callerOf(request)));
    },
  );

  fastify.get(
    '/surveys/:surveyId/member-states/:state/profile',
    {
      config: { access: { ...ANALYSIS_ACCESS, memberState: 'read' } },
      schema: {
        tags: TAGS,
        summary: 'A country profile: one member state’s answers in every round, in the questionnaire’s words',
        description: 'Aligned through the crosswalk as the two-round view; personal data is left out. `rounds[].status` is null where the state has no counted reply.',
        params: ProfileParams,
        querystring: ProfileQuery,
        response: { 200: ProfileResult, ...errorResponses(400, 401, 403, 404, 422) },
      },
    },
    async (request) => analysis.profile(request.params.surveyId, request.params.state, request.query),
  );

  fastify.get(
    `${A}/codebook`,
    {
      config: { access: ANALYSIS_ACCESS },
      schema: {
        tags: TAGS,
        summary: 'The codebook: every variable with its question text, section, type, codes and labels, and the personal-data mark',
        params: VersionParams,
        querystring: CodebookQuery,
        response: { 200: CodebookResult, ...errorResponses(400, 401, 403, 404, 422) },
      },
    },
    async (request) => analysis.codebook(request.params, request.query.locale),
  );
};

export default routes;
