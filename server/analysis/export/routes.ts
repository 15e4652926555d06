import type { Readable } from 'node:stream';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { changedBy, principalOf } from '../../auth/plugin.js';
import { errorResponses } from '../../http/schemas.js';
import { localizeCatalogue, selectVariables } from '../../questionnaire/index.js';
import { describeFilter, personalDataPermission, resolveAnalysisFilter, variableSelection } from '../analysis-filter.js';
import type { AnalysisQuery } from '../analysis-filter.js';
import { ANALYSIS_ACCESS } from '../routes.js';
import { RoundsParams, VersionParams } from '../schemas.js';
import type { AnalysisService, VersionTarget } from '../service.js';
import type { ComparisonTable } from '../../surveys/service.js';
import { codebookRecords } from './codebook-csv.js';
import { comparisonRecords } from './comparison-csv.js';
import { CSV_CONTENT_TYPE, csvStream } from './csv-encoder.js';
import { createCsvLinesPool } from './csv-lines.js';
import type { ExportContext } from './export-context.js';
import { attachment, exportFileName, type ExportKind } from './file-names.js';
import { responsesRecords } from './responses-csv.js';
import { roundsRecords } from './rounds-csv.js';
import { CodebookCsvQuery, ComparisonCsvQuery, ResponsesCsvQuery, RoundsCsvQuery, SummaryCsvQuery, WorkbookQuery } from './schemas.js';
import { csvFromSnapshot } from './snapshot-stream.js';
import { summaryRecords } from './summary-csv.js';
import { WORKBOOK_CONTENT_TYPE, workbookFromSnapshot, type WorkbookPlan } from './workbook.js';

/**
 * The downloads (API.md, Analysis; docs/analysis-api.md, Downloads). Each checks everything a
 * client can get wrong first (401, 403, 400, 404, 422, as the other analysis routes), then
 * writes its audit event, then opens its snapshot and streams. Nothing the client sent can fail
 * once the first byte is out.
 */

const TAGS = ['analysis'];
const A = '/surveys/:surveyId/versions/:version/export';
const ERRORS = errorResponses(400, 401, 403, 404, 422);
/** The 200 of a download in the OpenAPI document: a file of that type (streamed, never serialised). */
const file = (contentType: string, description: string) => ({
  200: { description, content: { [contentType]: { schema: { type: 'string', format: 'binary' } } } },
  ...ERRORS,
});
const CSV_NOTE = 'UTF-8 with BOM, CRLF, RFC 4180 quoting; a cell starting with =, +, -, @, tab or CR is prefixed with an apostrophe. Streamed from the database.';


const routes: FastifyPluginAsyncTypebox = async (fastify) => {
  const { analysis, audit, db } = fastify;
  const lines = createCsvLinesPool();
  fastify.addHook('onClose', () => lines.close());

  /** Prepared as the JSON routes prepare (analysis/service.ts): the same checks in the same order. */
  async function contextFor(target: VersionTarget, query: AnalysisQuery): Promise<ExportContext> {
    const { questionnaire, filter, catalogue } = await analysis.prepare(target, query);
    return { ...target, filter, fullCatalogue: questionnaire.catalogue, catalogue };
  }

  async function versionDownload(request: FastifyRequest, reply: FastifyReply, what: ExportKind, context: ExportContext, extra: Record<string, unknown>, open: () => Promise<Readable>) {
    const file = exportFileName({ surveyId: context.surveyId, versions: context, what, audience: context.filter.audience, at: new Date() });
    await audit.recordDownload(changedBy(request), {
      target: `${context.surveyId}/${context.version}`,
      file,
      details: { surveyId: context.surveyId, version: context.version, filter: { ...describeFilter(context.filter), ...extra } },
    });
    return send(reply, file, what.kind === 'workbook' ? WORKBOOK_CONTENT_TYPE : CSV_CONTENT_TYPE, await open());
  }

  fastify.get(
    `${A}/responses.csv`,
    {
      config: { access: ANALYSIS_ACCESS },
      onRequest: personalDataPermission,
      schema: {
        tags: TAGS,
        summary: 'The responses as CSV, wide (a line per reply) or long (a line per answered variable)',
        description: `API.md's responses.csv, with the shared filter's extensions (questions or table, locale, personal, for). ${CSV_NOTE}`,
        params: VersionParams,
        querystring: ResponsesCsvQuery,
        produces: ['text/csv'],
        response: file('text/csv', 'The responses, wide or long'),
      },
    },
    async (request, reply) => {
      const { layout = 'wide', values = 'codes', ...query } = request.query;
      const context = await contextFor(request.params, query);
      return versionDownload(request, reply, { kind: 'responses', layout }, context, { layout, values }, () =>
        csvFromSnapshot(db, responsesRecords(context, { layout, values }, lines)),
      );
    },
  );

  fastify.get(
    `${A}/comparison.csv`,
    {
      config: { access: ANALYSIS_ACCESS },
      onRequest: personalDataPermission,
      schema: {
        tags: TAGS,
        summary: 'The comparison table as CSV, as shown: a line per counted reply with its status and publication consent, a column per variable',
        description: `The same filter as GET …/comparison; labels by default, or values=codes. ${CSV_NOTE}`,
        params: VersionParams,
        querystring: ComparisonCsvQuery,
        produces: ['text/csv'],
        response: file('text/csv', 'The comparison table'),
      },
    },
    async (request, reply) => {
      const { values = 'labels', ...query } = request.query;
      const context = await contextFor(request.params, query);
      const table = context.filter.questions.kind === 'table' ? context.filter.questions.table.id : null;
      return versionDownload(request, reply, { kind: 'comparison', table }, context, { values }, () => csvFromSnapshot(db, comparisonRecords(context, values)));
    },
  );

  fastify.get(
    `${A}/summary.csv`,
    {
      config: { access: ANALYSIS_ACCESS },
      schema: {
        tags: TAGS,
        summary: 'Per-choice counts as CSV, with a 1/0 column per active member state',
        description: `API.md's summary.csv: question, variable, value, label, count, answered, share, then a column per active member state. Counts are of every counted reply, also for publication. ${CSV_NOTE}`,
        params: VersionParams,
        querystring: SummaryCsvQuery,
        produces: ['text/csv'],
        response: file('text/csv', 'The per-choice counts'),
      },
    },
    async (request, reply) => {
      const context = await contextFor(request.params, request.query);
      return versionDownload(request, reply, { kind: 'summary' }, context, {}, () => csvFromSnapshot(db, summaryRecords(context)));
    },
  );

  fastify.get(
    `${A}/codebook.csv`,
    {
      config: { access: ANALYSIS_ACCESS },
      schema: {
        tags: TAGS,
        summary: 'The codebook as CSV: a line per code of every variable, personal data marked',
        description: `API.md's columns, then personal_data (1 for personal data) and section_title. ${CSV_NOTE}`,
        params: VersionParams,
        querystring: CodebookCsvQuery,
        produces: ['text/csv'],
        response: file('text/csv', 'The codebook'),
      },
    },
    async (request, reply) => {
      const context = await contextFor(request.params, request.query);
      const catalogue = localizeCatalogue(context.fullCatalogue, context.filter.locale);
      return versionDownload(request, reply, { kind: 'codebook' }, context, {}, async () => csvStream(codebookRecords(catalogue)));
    },
  );

  fastify.get(
    `${A}/workbook.xlsx`,
    {
      config: { access: ANALYSIS_ACCESS },
      onRequest: personalDataPermission,
      schema: {
        tags: TAGS,
        summary: 'An Excel workbook: a sheet per named table, Responses (wide, labels), Summary and Codebook',
        description: 'Typed cells (numbers as numbers, text as text, never a formula), header rows bold and frozen. Streamed from the database.',
        params: VersionParams,
        querystring: WorkbookQuery,
        produces: [WORKBOOK_CONTENT_TYPE],
        response: file(WORKBOOK_CONTENT_TYPE, 'The workbook'),
      },
    },
    async (request, reply) => {
      const plan = await workbookPlan(analysis, fastify.surveys.comparisonTablesOf, request.params, request.query);
      return versionDownload(request, reply, { kind: 'workbook' }, plan.all, {}, () => workbookFromSnapshot(db, plan));
    },
  );

  fastify.get(
    '/surveys/:surveyId/export/rounds.csv',
    {
      config: { access: ANALYSIS_ACCESS },
      onRequest: personalDataPermission,
      schema: {
        tags: TAGS,
        summary: 'Two rounds side by side as CSV: a line per member state and variable',
        description: `As GET /surveys/{surveyId}/rounds (the crosswalk applied, dropped and added variables marked), plus values. ${CSV_NOTE}`,
        params: RoundsParams,
        querystring: RoundsCsvQuery,
        produces: ['text/csv'],
        response: file('text/csv', 'Two rounds side by side'),
      },
    },
    async (request, reply) => {
      const { from, to, values = 'codes', ...query } = request.query;
      const { surveyId } = request.params;
      const rounds = await analysis.rounds(surveyId, { from, to }, query, { user: principalOf(request).user, ip: request.ip });
      const audience = query.for ?? 'analysis';
      const file = exportFileName({ surveyId, versions: { from, to }, what: { kind: 'rounds' }, audience, at: new Date() });
      await audit.recordDownload(changedBy(request), {
        target: `${surveyId}/${from}-${to}`,
        file,
        details: {
          surveyId,
          from,
          to,
          filter: { status: query.status ?? null, questions: query.questions ?? null, table: query.table ?? null, locale: query.locale ?? null, personal: query.personal ?? 'exclude', for: audience, values },
        },
      });
      return send(reply, file, CSV_CONTENT_TYPE, csvStream(roundsRecords(rounds, values)));
    },
  );
};

function send(reply: FastifyReply, file: string, contentType: string, body: Readable) {
  return reply.type(contentType).header('content-disposition', attachment(file)).header('cache-control', 'no-store').send(body);
}

/**
 * The workbook's contents: each named table with a question in this version, with the
 * request's status, locale, personal data and audience; and every question for the rest.
 */
async function workbookPlan(
  analysis: AnalysisService,
  tablesOf: (surveyId: string) => Promise<readonly ComparisonTable[]>,
  target: VersionTarget,
  query: AnalysisQuery,
): Promise<WorkbookPlan> {
  const prepared = await analysis.prepare(target, query);
  const all: ExportContext = { ...target, filter: prepared.filter, fullCatalogue: prepared.questionnaire.catalogue, catalogue: prepared.catalogue };
  const tables: WorkbookPlan['tables'][number][] = [];
  const named = await tablesOf(target.surveyId);
  for (const table of named) {
    // The request's values are checked already: each table only narrows the columns of `all`.
    const filter = resolveAnalysisFilter({ ...query, table: table.id }, { catalogue: all.fullCatalogue, tables: named });
    const catalogue = selectVariables(all.catalogue, variableSelection(filter));
    if (catalogue.variables.length > 0) tables.push({ title: table.title, context: { ...all, filter, catalogue } });
  }
  return { tables, all, codebook: localizeCatalogue(all.fullCatalogue, all.filter.locale) };
}

export default routes;
