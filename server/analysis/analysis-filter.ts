import type { FastifyRequest } from 'fastify';
import { Type, type Static } from 'typebox';
import { principalOf } from '../auth/plugin.js';
import type { SessionUser } from '../auth/principal.js';
import type { ResponseStatus } from '../db/schema.js';
import { forbidden, notFound, unprocessable } from '../http/errors.js';
import { catalogueQuestions, isCatalogueLocale } from '../questionnaire/index.js';
import type { Audience, Catalogue, VariableSelection } from '../questionnaire/index.js';
import type { ComparisonTable } from '../surveys/service.js';

/**
 * The query parameters every analysis route shares (docs/analysis-api.md): which replies count
 * (`status`), which questions (`questions` or a named `table`), the labels' `locale`, personal
 * data (`personal`) and the audience (`for`). The JSON routes and the downloads read them here,
 * so they agree on every default and every refusal.
 *
 * Checked in the contract's order: the personal-data permission in an onRequest hook (403,
 * before the 400 of a malformed query), the shape by the route's schema (400), then — once the
 * survey and version are known — an unknown table (404), then the values (422).
 */

export const RESPONSE_STATUSES: readonly ResponseStatus[] = ['draft', 'submitted', 'returned', 'accepted'];
export const DEFAULT_STATUSES: readonly ResponseStatus[] = ['submitted', 'accepted'];

/** The properties, for routes that add their own (`layout`, `values`, `from`/`to`) beside them. */
export const ANALYSIS_QUERY_PROPERTIES = {
  status: Type.Optional(
    Type.String({ maxLength: 200, description: 'Comma list of draft, submitted, returned, accepted: the replies that count. Default submitted,accepted.' }),
  ),
  questions: Type.Optional(Type.String({ maxLength: 10000, description: 'Comma list of question names (the catalogue’s `question`): the columns. Default every question.' })),
  table: Type.Optional(Type.String({ maxLength: 64, description: 'The id of a named table of the survey’s tables.json: its questions are the columns. Not with `questions`.' })),
  locale: Type.Optional(Type.String({ maxLength: 35, description: 'Titles and labels in this locale (one the definition translates into); default texts where not translated.' })),
  personal: Type.Optional(
    Type.Union([Type.Literal('exclude'), Type.Literal('include')], {
      description: 'include adds the variables marked personalData (administrators only; recorded in the audit log). Default exclude.',
    }),
  ),
  for: Type.Optional(
    Type.Union([Type.Literal('analysis'), Type.Literal('publication')], {
      description: 'publication: anonymised states as "State A", …; states that refused publication left out; personal data always out. Default analysis.',
    }),
  ),
};

export const AnalysisQuery = Type.Object(ANALYSIS_QUERY_PROPERTIES, { additionalProperties: false });
export type AnalysisQuery = Static<typeof AnalysisQuery>;

/** Which questions give the columns. */
export type QuestionChoice =
  | { readonly kind: 'all' }
  | { readonly kind: 'questions'; readonly names: readonly string[] }
  | { readonly kind: 'table'; readonly table: ComparisonTable; readonly names: readonly string[]; readonly missingQuestions: readonly string[] };

export type AnalysisFilter = {
  readonly statuses: readonly ResponseStatus[];
  readonly questions: QuestionChoice;
  /** null: the definition's default texts. */
  readonly locale: string | null;
  readonly personal: 'exclude' | 'include';
  readonly audience: Audience;
};

export const PERSONAL_DATA_FORBIDDEN = () =>
  forbidden('PERSONAL_DATA_FORBIDDEN', 'Only administrators may include personal data (personal=include).');

/** Whether a user may ask for `personal=include`. */
export function mayIncludePersonalData(user: SessionUser): boolean {
  return user.role === 'admin';
}

/**
 * onRequest hook for every analysis route: refuses personal=include to all but administrators
 * before the query is validated, as the contract orders 403 before 400.
 */
export async function personalDataPermission(request: FastifyRequest): Promise<void> {
  const personal = (request.query as { personal?: unknown } | undefined)?.personal;
  if (personal === 'include' && !mayIncludePersonalData(principalOf(request).user)) throw PERSONAL_DATA_FORBIDDEN();
}

/** What the values are checked against. */
export type FilterContext = {
  /** The version whose question names `questions` uses (the later one for two rounds). */
  readonly catalogue: Catalogue;
  /** Other versions shown beside it: a table's question or a locale may be theirs. */
  readonly otherCatalogues?: readonly Catalogue[];
  /** The survey's named tables. */
  readonly tables: readonly ComparisonTable[];
};

const invalid = (parameter: string, message: string, value?: string) =>
  unprocessable('INVALID_FILTER', 'A query parameter has a value this route cannot use.', [{ parameter, message, ...(value === undefined ? {} : { value }) }]);

/** 404 TABLE_NOT_FOUND, then 422 INVALID_FILTER for the first value that is wrong. */
export function resolveAnalysisFilter(query: AnalysisQuery, context: FilterContext): AnalysisFilter {
  const table = query.table === undefined ? undefined : findTable(query.table, context.tables);
  const statuses = parseStatuses(query.status);
  const questions = parseQuestions(query, table, context);
  const locale = parseLocale(query.locale, context);
  const audience = query.for ?? 'analysis';
  const personal = query.personal ?? 'exclude';
  if (audience === 'publication' && personal === 'include') {
    throw invalid('personal', 'personal data is always left out for publication: personal=include cannot go with for=publication');
  }
  return { statuses, questions, locale, personal, audience };
}

/** 404 for a table id the survey does not have (before any 422 of the other values). */
export function assertTableExists(id: string | undefined, tables: readonly ComparisonTable[]): void {
  if (id !== undefined) findTable(id, tables);
}

function findTable(id: string, tables: readonly ComparisonTable[]): ComparisonTable {
  const table = tables.find((candidate) => candidate.id === id);
  if (!table) throw notFound('TABLE_NOT_FOUND', 'The questionnaire has no comparison table with this id.');
  return table;
}

/** A comma list: blanks around items and empty items (a trailing comma) are ignored. */
export function commaList(value: string): string[] {
  return value
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

export function parseStatuses(value: string | undefined): readonly ResponseStatus[] {
  if (value === undefined) return DEFAULT_STATUSES;
  const given = commaList(value);
  if (given.length === 0) throw invalid('status', 'name at least one status');
  for (const status of given) {
    if (!(RESPONSE_STATUSES as readonly string[]).includes(status)) throw invalid('status', `unknown status; use ${RESPONSE_STATUSES.join(', ')}`, status);
  }
  // In the usual order, once each: the filter is echoed into audit records and file names.
  return RESPONSE_STATUSES.filter((status) => given.includes(status));
}

function parseQuestions(query: AnalysisQuery, table: ComparisonTable | undefined, context: FilterContext): QuestionChoice {
  if (table && query.questions !== undefined) throw invalid('questions', 'choose the columns with questions or with table, not both');
  const asked = new Set(catalogueQuestions(context.catalogue));
  if (table) {
    const everywhere = new Set([...asked, ...(context.otherCatalogues ?? []).flatMap(catalogueQuestions)]);
    return {
      kind: 'table',
      table,
      names: table.questions.filter((name) => everywhere.has(name)),
      missingQuestions: table.questions.filter((name) => !everywhere.has(name)),
    };
  }
  if (query.questions === undefined) return { kind: 'all' };
  const names = [...new Set(commaList(query.questions))];
  if (names.length === 0) throw invalid('questions', 'name at least one question');
  for (const name of names) if (!asked.has(name)) throw invalid('questions', 'this questionnaire version has no such question', name);
  return { kind: 'questions', names };
}

function parseLocale(value: string | undefined, context: FilterContext): string | null {
  if (value === undefined || value === '') return null;
  const catalogues = [context.catalogue, ...(context.otherCatalogues ?? [])];
  if (!catalogues.some((catalogue) => isCatalogueLocale(catalogue, value))) {
    throw invalid('locale', 'the questionnaire has no texts in this locale', value);
  }
  return value;
}

/** The variables the filter selects from a catalogue of the named version. */
export function variableSelection(filter: AnalysisFilter): VariableSelection {
  const questions = filter.questions.kind === 'all' ? null : new Set(filter.questions.names);
  // Personal data is never published, whatever was asked.
  const personalData = filter.audience === 'publication' ? 'exclude' : filter.personal;
  return { questions, personalData };
}

/** The filter as recorded in audit events and echoed to the client. */
export function describeFilter(filter: AnalysisFilter): Record<string, unknown> {
  return {
    status: filter.statuses.join(','),
    questions: filter.questions.kind === 'questions' ? filter.questions.names.join(',') : null,
    table: filter.questions.kind === 'table' ? filter.questions.table.id : null,
    locale: filter.locale,
    personal: filter.personal,
    for: filter.audience,
  };
}
