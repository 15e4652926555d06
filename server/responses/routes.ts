import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { principalOf } from '../auth/plugin.js';
import { ROLES } from '../auth/roles.js';
import { errorResponses } from '../http/schemas.js';
import historyRoutes from './history-routes.js';
import type { Actor, ResponseTarget } from './target.js';
import {
  Comment,
  CommentBody,
  CommentParams,
  PrefillResult,
  ReopenBody,
  ResolveBody,
  ResponseDetail,
  ResponseParams,
  ResponsesParams,
  ResponseSummary,
  ReturnBody,
  RevisionData,
  RevisionParams,
  RevisionSummary,
  SaveBody,
  SaveResult,
  SubmitBody,
  TransitionResult,
} from './schemas.js';

const R = '/surveys/:surveyId/versions/:version/responses';
const TAGS = ['responses'];

/** Whoever is signed in reads a state's response, but a delegate only their own state's (auth/policy.ts). */
const READ_STATE = { roles: ROLES, memberState: 'read' } as const;

const targetOf = (params: { surveyId: string; version: number; state: string }): ResponseTarget => ({
  surveyId: params.surveyId,
  version: params.version,
  memberState: params.state,
});
const actorOf = (request: FastifyRequest): Actor => ({ user: principalOf(request).user, ip: request.ip });

const routes: FastifyPluginAsyncTypebox = async (fastify) => {
  const { responses } = fastify;
  // Extensions: sessions, comparison and audit of a reply (history-routes.ts).
  await fastify.register(historyRoutes);

  fastify.get(
    R,
    {
      config: { access: 'signed-in' },
      schema: {
        tags: TAGS,
        summary: 'Every member state’s response to a questionnaire version: status and progress',
        description:
          'A delegate sees only their own state’s row; everyone else sees every state that has a response, and every active state without one as not_started.',
        params: ResponsesParams,
        response: { 200: Type.Array(ResponseSummary), ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => responses.list(request.params.surveyId, request.params.version, principalOf(request).user),
  );

  fastify.get(
    `${R}/:state`,
    {
      config: { access: READ_STATE },
      schema: {
        tags: TAGS,
        summary: 'One member state’s response, with its answers',
        description: 'No response yet: status not_started, revision 0, empty data. Another state’s response is 404 for a delegate.',
        params: ResponseParams,
        response: { 200: ResponseDetail, ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => responses.get(targetOf(request.params)),
  );

  fastify.get(
    `${R}/:state/prefill`,
    {
      config: { access: READ_STATE },
      schema: {
        tags: TAGS,
        summary: 'Answers carried forward from the state’s nearest earlier version (nothing is saved)',
        description:
          'The member state’s answers to the nearest earlier version it answered, mapped through the survey’s crosswalk (renamed and recoded questions, several steps chained), ' +
          'keeping only what this version accepts; dropped lists the rest with the reason. Nothing is written: save what you keep with PATCH, which makes it a normal revision. ' +
          '404 NO_EARLIER_RESPONSE when no earlier version has answers from this state (always for version 1).',
        params: ResponseParams,
        response: { 200: PrefillResult, ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => responses.prefill(targetOf(request.params)),
  );

  fastify.patch(
    `${R}/:state`,
    {
      // Unstorable text in an answer is an INVALID_ANSWER naming the question (responses/answers.ts).
      config: { access: { roles: ['delegate'], memberState: 'write' }, bodyTextCheckedByHandler: true },
      schema: {
        tags: TAGS,
        summary: 'Save answers (delegates of the state)',
        description:
          'Sends the changed answers and the revision the editor started from. Changes that do not overlap with questions others saved since are merged (mergedFrom); ' +
          'overlaps answer 409 EDIT_CONFLICT with the current values. Invalid values answer 422 INVALID_ANSWER; a submitted or accepted response, or a closed version, 409 RESPONSE_LOCKED. ' +
          'Nothing is saved on any error.',
        params: ResponseParams,
        body: SaveBody,
        response: { 200: SaveResult, ...errorResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request) => responses.save(targetOf(request.params), actorOf(request), request.body),
  );

  fastify.post(
    `${R}/:state/submit`,
    {
      config: { access: { roles: ['delegate'], memberState: 'write' } },
      schema: {
        tags: TAGS,
        summary: 'Submit the response for review (delegates of the state)',
        description: 'revision must be the current one (409 EDIT_CONFLICT otherwise). Missing required answers or failed validators: 422 VALIDATION_FAILED listing each.',
        params: ResponseParams,
        body: SubmitBody,
        response: { 200: TransitionResult, ...errorResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request) => responses.submit(targetOf(request.params), actorOf(request), request.body.revision),
  );

  fastify.post(
    `${R}/:state/return`,
    {
      config: { access: { roles: ['consultant'], memberState: 'read' } },
      schema: {
        tags: TAGS,
        summary: 'Return a submitted response to the delegates (consultants)',
        description: 'The message becomes a comment on the whole response.',
        params: ResponseParams,
        body: ReturnBody,
        response: { 200: TransitionResult, ...errorResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request) => responses.returnResponse(targetOf(request.params), actorOf(request), request.body.message),
  );

  fastify.post(
    `${R}/:state/accept`,
    {
      config: { access: { roles: ['consultant'], memberState: 'read' } },
      schema: {
        tags: TAGS,
        summary: 'Accept a submitted response (consultants); it is then locked',
        params: ResponseParams,
        response: { 200: TransitionResult, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => responses.accept(targetOf(request.params), actorOf(request)),
  );

  fastify.post(
    `${R}/:state/reopen`,
    {
      config: { access: { roles: ['consultant', 'admin'], memberState: 'read' } },
      schema: {
        tags: TAGS,
        summary: 'Reopen an accepted response (consultants, administrators)',
        description: 'The response becomes returned, so its delegates can change it; the reason becomes a comment.',
        params: ResponseParams,
        body: ReopenBody,
        response: { 200: TransitionResult, ...errorResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request) => responses.reopen(targetOf(request.params), actorOf(request), request.body.reason),
  );

  fastify.get(
    `${R}/:state/revisions`,
    {
      config: { access: READ_STATE },
      schema: {
        tags: TAGS,
        summary: 'Every revision of the response, oldest first',
        params: ResponseParams,
        response: { 200: Type.Array(RevisionSummary), ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => responses.revisions(targetOf(request.params)),
  );

  fastify.get(
    `${R}/:state/revisions/:revision`,
    {
      config: { access: READ_STATE },
      schema: {
        tags: TAGS,
        summary: 'The answers as they were at one revision',
        params: RevisionParams,
        response: { 200: RevisionData, ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => responses.revision(targetOf(request.params), request.params.revision),
  );

  fastify.get(
    `${R}/:state/comments`,
    {
      config: { access: READ_STATE },
      schema: {
        tags: TAGS,
        summary: 'Review comments on the response, oldest first',
        params: ResponseParams,
        response: { 200: Type.Array(Comment), ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => responses.comments.list(targetOf(request.params)),
  );

  fastify.post(
    `${R}/:state/comments`,
    {
      config: { access: { roles: ['consultant', 'admin', 'delegate'], memberState: 'read' } },
      schema: {
        tags: TAGS,
        summary: 'Comment on a question or the whole response, or answer a comment (replyTo)',
        description: 'Consultants and administrators comment on any state’s response; delegates on their own state’s.',
        params: ResponseParams,
        body: CommentBody,
        response: { 201: Comment, ...errorResponses(400, 401, 403, 404, 422) },
      },
    },
    async (request, reply) => reply.status(201).send(await responses.comments.create(targetOf(request.params), actorOf(request), request.body)),
  );

  fastify.patch(
    `${R}/:state/comments/:id`,
    {
      config: { access: { roles: ['consultant', 'admin', 'delegate'], memberState: 'read' } },
      schema: {
        tags: TAGS,
        summary: 'Resolve a comment (or reopen it with resolved: false)',
        params: CommentParams,
        body: ResolveBody,
        response: { 200: Comment, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => responses.comments.setResolved(targetOf(request.params), actorOf(request), request.params.id, request.body.resolved),
  );
};

export default routes;
