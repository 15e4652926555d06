import type { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { CSV_CONTENT_TYPE, csvStream } from '../analysis/export/csv-encoder.js';
import { attachment } from '../analysis/export/file-names.js';
import { changedBy } from '../auth/plugin.js';
import { ROLES } from '../auth/roles.js';
import { errorResponses } from '../http/schemas.js';
import { auditFileName } from './audit-csv.js';
import { createReplyHistory } from './history.js';
import { AuditPage, AuditQuery, Comparison, CompareQuery, HistoryPage, PagingQuery } from './history-schemas.js';
import { auditTarget, type ResponseTarget } from './target.js';
import { ResponseParams } from './schemas.js';

/**
 * A reply's history, comparison and audit (issue 11, items 5–7; docs/review-api.md). Whoever may
 * read the revisions may read these — every consultant, analyst and administrator, and the
 * delegates of the state — as they show nothing the revisions do not.
 */

const R = '/surveys/:surveyId/versions/:version/responses/:state';
const TAGS = ['responses'];

/** Whoever is signed in, a delegate only for their own state (auth/policy.ts). */
const READ_STATE = { roles: ROLES, memberState: 'read' } as const;

const targetOf = (params: { surveyId: string; version: number; state: string }): ResponseTarget => ({
  surveyId: params.surveyId,
  version: params.version,
  memberState: params.state,
});

const routes: FastifyPluginAsyncTypebox = async (fastify) => {
  const history = createReplyHistory({ db: fastify.db, questionnaires: fastify.questionnaires, responses: fastify.responses });

  fastify.get(
    `${R}/history`,
    {
      config: { access: READ_STATE },
      schema: {
        tags: TAGS,
        summary: 'The reply’s history in editing sessions, with status changes as milestones, newest first, paged',
        description:
          'Consecutive saves by the same person, with no status change between them and no pause longer than 30 minutes, make one session ' +
          '(who, from–to, revision range, saves, the questions changed with their titles). Submit, return, accept and reopen are milestones. ' +
          'Also the totals, the latest revision and the latest submit and return revisions (for "what changed since"). ' +
          'A session’s saves are the revisions firstRevision…lastRevision of GET …/revisions. A page past the last is empty.',
        params: ResponseParams,
        querystring: PagingQuery,
        response: { 200: HistoryPage, ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => history.sessions(targetOf(request.params), request.query),
  );

  fastify.get(
    `${R}/compare`,
    {
      config: { access: READ_STATE },
      schema: {
        tags: TAGS,
        summary: 'What changed between two revisions, question by question in the questionnaire’s words',
        description:
          'Labels, not codes: checkbox ticks as their labels, matrix rows as "row: column", matrixdropdown cells as "row — column", ' +
          'dynamic-panel entries field by field ("Entry 2: Name") or whole when added or removed, the "other" text with its choice. ' +
          'Only the changed questions unless all=true. from=0 compares with the empty reply. ' +
          'An unknown revision: 404 REVISION_NOT_FOUND; from after to: 422 INVALID_REVISION_RANGE.',
        params: ResponseParams,
        querystring: CompareQuery,
        response: { 200: Comparison, ...errorResponses(400, 401, 404, 422) },
      },
    },
    async (request) => history.compare(targetOf(request.params), request.query.from, request.query.to, request.query.all),
  );

  fastify.get(
    `${R}/audit`,
    {
      config: { access: READ_STATE },
      schema: {
        tags: TAGS,
        summary: 'The audit of the reply: every change, newest first, a page of revisions at a time',
        description:
          'One line per changed part of a question per revision — revision, when, who, the question’s name and title, the part, the old and the new answer in words — ' +
          'and one per status change (question null, old and new the statuses). The same lines as audit.csv, which lists them oldest first. ' +
          'Paged by revision (keyset): a page holds the lines of up to pageSize revisions before `before` (the newest without it); ' +
          'nextBefore is the `before` of the next, older page, null on the last.',
        params: ResponseParams,
        querystring: AuditQuery,
        response: { 200: AuditPage, ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => history.auditPage(targetOf(request.params), request.query),
  );

  fastify.get(
    `${R}/audit.csv`,
    {
      config: { access: READ_STATE },
      schema: {
        tags: TAGS,
        summary: 'The audit of the reply as CSV, oldest first; the download is recorded in the audit log',
        description:
          `Columns: revision, at, author, kind, status, question, question_title, part, old_value, new_value. ` +
          'UTF-8 with BOM, CRLF, RFC 4180 quoting; a cell starting with =, +, -, @, tab or CR is prefixed with an apostrophe (as the analysis exports). ' +
          'Streamed, a batch of revisions at a time. File name <survey>_v<version>_<state>_audit_<day>.csv; audit event export.downloaded (with the number of revisions).',
        params: ResponseParams,
        produces: ['text/csv'],
        response: {
          200: { description: 'The audit lines', content: { 'text/csv': { schema: { type: 'string', format: 'binary' } } } },
          ...errorResponses(400, 401, 404),
        },
      },
    },
    async (request, reply) => {
      const target = targetOf(request.params);
      const { revisions, records } = await history.auditCsv(target);
      const file = auditFileName(target, new Date());
      await fastify.audit.recordDownload(changedBy(request), {
        target: auditTarget(target),
        file,
        details: { surveyId: target.surveyId, version: target.version, memberState: target.memberState, revisions },
      });
      return sendCsv(reply, file, csvStream(records));
    },
  );
};

/** A stream, sent as the analysis downloads are (a plain reply: the route's typed one expects the schema's string). */
function sendCsv(reply: FastifyReply, file: string, body: Readable) {
  return reply.type(CSV_CONTENT_TYPE).header('content-disposition', attachment(file)).header('cache-control', 'no-store').send(body);
}

export default routes;
