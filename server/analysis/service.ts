import type { Kysely } from 'kysely';
import type { AuditService } from '../audit/service.js';
import type { SessionUser } from '../auth/principal.js';
import type { Database, ResponseStatus } from '../db/schema.js';
import { notFound, unprocessable } from '../http/errors.js';
import {
  compareAliases,
  codebookVariables,
  comparisonColumn,
  consentOf,
  consentQuestion,
  countryProfile,
  createRounds,
  createComparison,
  crosswalkOrSameNames,
  earlierQuestions,
  expandRepeats,
  localizeCatalogue,
  publicationView,
  repeatCounts,
  roundsLayout,
  selectVariables,
  shownState,
  strictestConsent,
} from '../questionnaire/index.js';
import type {
  Audience,
  Catalogue,
  CodebookVariable,
  ComparisonCell,
  ComparisonColumn,
  ProfileSection,
  PublicationConsent,
  RoundCell,
  RoundSummary,
  RoundVariable,
  Summary,
} from '../questionnaire/index.js';
import type { QuestionnaireSource } from '../responses/target.js';
import type { SurveysService } from '../surveys/service.js';
import { assertTableExists, describeFilter, resolveAnalysisFilter, variableSelection } from './analysis-filter.js';
import type { AnalysisFilter, AnalysisQuery } from './analysis-filter.js';
import { dataKeys, readReplies } from './replies.js';
import type { CountedReply, RepliesRead } from './replies.js';

/**
 * The analysis side (issue 10): comparison tables, two rounds side by side, country profiles and
 * the codebook, built from the pure core (server/questionnaire: comparison, rounds, publication,
 * profile, codebook) over the replies read in one statement each. The downloads build on the
 * same functions.
 */

export type ShownStatus = ResponseStatus | 'not_started';

export type TableInfo = { id: string; title: string; description: string | null; missingQuestions: readonly string[] };

export type ComparisonRow = {
  memberState: string;
  memberStateName: string;
  status: ResponseStatus;
  publication: PublicationConsent | null;
  cells: ComparisonCell[];
};

export type NotCounted = { memberState: string; memberStateName: string; status: ShownStatus };

export type ComparisonResult = {
  columns: ComparisonColumn[];
  rows: ComparisonRow[];
  summaries: Summary[];
  table: TableInfo | null;
  counted: number;
  activeStates: number;
  notCounted: NotCounted[];
  for: Audience;
};

export type RoundsRow = {
  memberState: string;
  memberStateName: string;
  from: { status: ResponseStatus } | null;
  to: { status: ResponseStatus } | null;
  publication: PublicationConsent | null;
  cells: RoundCell[];
};

export type RoundsResult = {
  from: { version: number; title: string };
  to: { version: number; title: string };
  variables: RoundVariable[];
  rows: RoundsRow[];
  summaries: RoundSummary[];
  table: TableInfo | null;
  for: Audience;
};

export type ProfileResult = {
  memberState: string;
  memberStateName: string;
  rounds: Array<{ version: number; title: string; status: ResponseStatus | null; submittedAt: Date | null }>;
  sections: ProfileSection[];
};

/** Who asks, for the audit record of personal data included. */
export type AnalysisCaller = { readonly user: SessionUser; readonly ip: string | null };

export type VersionTarget = { readonly surveyId: string; readonly version: number };

export interface AnalysisDeps {
  readonly db: Kysely<Database>;
  readonly audit: AuditService;
  readonly questionnaires: QuestionnaireSource;
  readonly surveys: Pick<SurveysService, 'crosswalkOf' | 'comparisonTablesOf' | 'list'>;
}

export function createAnalysisService(deps: AnalysisDeps) {
  const { db, audit, questionnaires, surveys } = deps;

  /**
   * The version's compiled questionnaire and the filter checked against it, in the contract's
   * order: unknown survey or version (404), unknown table (404), then the values (422).
   */
  async function prepare(target: VersionTarget, query: AnalysisQuery) {
    const { record, questionnaire } = await questionnaires.load(target.surveyId, target.version);
    const tables = await surveys.comparisonTablesOf(target.surveyId);
    const filter = resolveAnalysisFilter(query, { catalogue: questionnaire.catalogue, tables });
    const catalogue = selectVariables(localizeCatalogue(questionnaire.catalogue, filter.locale), variableSelection(filter));
    return { record, questionnaire, filter, catalogue };
  }

  async function comparison(target: VersionTarget, query: AnalysisQuery, caller: AnalysisCaller): Promise<ComparisonResult> {
    const { questionnaire, filter, catalogue } = await prepare(target, query);
    await auditPersonalData(caller, target, filter, 'comparison');
    const consentKey = consentQuestion(questionnaire.catalogue);
    const read = await readReplies(db, {
      ...target,
      statuses: filter.statuses,
      keys: filter.questions.kind === 'all' ? null : dataKeys(catalogue, [consentKey]),
      known: knownKeys(questionnaire.catalogue),
    });
    const columns = expandRepeats(catalogue, repeatCounts(catalogue, read.counted.map((state) => state.reply.data)));
    const builder = createComparison(columns);
    const consents = new Map(read.counted.map((state) => [state.reply.id, consentOf(questionnaire.catalogue, state.reply.data)]));
    const shown = publicationView([...consents].map(([id, consent]) => ({ id, consent })), filter.audience);

    const named: ComparisonRow[] = [];
    const aliased: ComparisonRow[] = [];
    for (const state of read.counted) {
      const as = shownState(shown.get(state.reply.id) ?? { kind: 'omitted' }, state);
      // Summaries count every counted reply, shown or not: a count names no state.
      if (as === null) {
        builder.count(state.reply.data);
        continue;
      }
      const row = {
        memberState: as.code,
        memberStateName: as.name,
        status: state.reply.status,
        publication: consents.get(state.reply.id) ?? null,
        cells: builder.add(state.reply.data),
      };
      // Aliased rows after the named ones, in alias order: among the named ones, a place in the
      // member-state order would give the state away.
      (as.code === state.code ? named : aliased).push(row);
    }
    aliased.sort((a, b) => compareAliases(a.memberState, b.memberState));
    return {
      columns: columns.map(comparisonColumn),
      rows: [...named, ...aliased],
      summaries: builder.summaries(),
      table: tableInfo(filter),
      counted: read.counted.length,
      activeStates: read.states.filter((state) => state.active).length,
      notCounted: notCounted(read),
      for: filter.audience,
    };
  }

  async function rounds(surveyId: string, versions: { from: number; to: number }, query: AnalysisQuery, caller: AnalysisCaller): Promise<RoundsResult> {
    const tables = await surveys.comparisonTablesOf(surveyId);
    assertTableExists(query.table, tables);
    if (versions.from >= versions.to) throw unprocessable('INVALID_FILTER', 'A query parameter has a value this route cannot use.', [{ parameter: 'from', message: '"from" must be an earlier version than "to"' }]);
    const from = await publishedVersion(surveyId, versions.from, 'from');
    const to = await publishedVersion(surveyId, versions.to, 'to');
    const filter = resolveAnalysisFilter(query, { catalogue: to.questionnaire.catalogue, otherCatalogues: [from.questionnaire.catalogue], tables });
    await auditPersonalData(caller, { surveyId, version: versions.to }, filter, 'rounds', { from: versions.from });
    const crosswalk = crosswalkOrSameNames(await surveys.crosswalkOf(surveyId), versions.from, versions.to);
    const selection = variableSelection(filter);
    const toCatalogue = selectVariables(localizeCatalogue(to.questionnaire.catalogue, filter.locale), selection);
    const fromLocalized = localizeCatalogue(from.questionnaire.catalogue, filter.locale);
    const fromQuestions = selection.questions && earlierQuestions(crosswalk, { version: versions.from, catalogue: fromLocalized }, versions.to, selection.questions);
    const fromCatalogue = selectVariables(fromLocalized, { ...selection, questions: fromQuestions });

    const keysOf = (catalogue: Catalogue, full: Catalogue) => (selection.questions === null ? null : dataKeys(catalogue, [consentQuestion(full)]));
    const [fromRead, toRead] = await Promise.all([
      readReplies(db, {
        surveyId,
        version: versions.from,
        statuses: filter.statuses,
        keys: keysOf(fromCatalogue, from.questionnaire.catalogue),
        known: knownKeys(from.questionnaire.catalogue),
      }),
      readReplies(db, {
        surveyId,
        version: versions.to,
        statuses: filter.statuses,
        keys: keysOf(toCatalogue, to.questionnaire.catalogue),
        known: knownKeys(to.questionnaire.catalogue),
      }),
    ]);
    const layout = roundsLayout(
      crosswalk,
      { version: versions.from, catalogue: fromCatalogue },
      { version: versions.to, catalogue: toCatalogue },
      fromRead.counted.map((state) => state.reply.data),
      toRead.counted.map((state) => state.reply.data),
    );
    const accumulator = createRounds(layout);
    const fromByState = new Map(fromRead.counted.map((state) => [state.code, state]));
    const toByState = new Map(toRead.counted.map((state) => [state.code, state]));
    // Member-state order: the later round's list holds every active state and any with a reply.
    const inTo = new Set(toRead.states.map((state) => state.code));
    const order = [...toRead.states, ...fromRead.states.filter((state) => !inTo.has(state.code))];
    const pairs = order.flatMap((state) => {
      const before = fromByState.get(state.code) ?? null;
      const after = toByState.get(state.code) ?? null;
      if (!before && !after) return [];
      const consent = strictestConsent([
        ...(before ? [consentOf(from.questionnaire.catalogue, before.reply.data)] : []),
        ...(after ? [consentOf(to.questionnaire.catalogue, after.reply.data)] : []),
      ]);
      return [{ state, before, after, consent, id: (after ?? before)!.reply.id }];
    });
    const shown = publicationView(pairs.map(({ id, consent }) => ({ id, consent })), filter.audience);
    const named: RoundsRow[] = [];
    const aliased: RoundsRow[] = [];
    for (const pair of pairs) {
      const cells = accumulator.add(pair.before?.reply.data ?? null, pair.after?.reply.data ?? null);
      const as = shownState(shown.get(pair.id) ?? { kind: 'omitted' }, pair.state);
      if (as === null) continue;
      const row: RoundsRow = {
        memberState: as.code,
        memberStateName: as.name,
        from: pair.before ? { status: pair.before.reply.status } : null,
        to: pair.after ? { status: pair.after.reply.status } : null,
        publication: pair.consent,
        cells,
      };
      (as.code === pair.state.code ? named : aliased).push(row);
    }
    aliased.sort((a, b) => compareAliases(a.memberState, b.memberState));
    return {
      from: { version: versions.from, title: from.record.title },
      to: { version: versions.to, title: to.record.title },
      variables: accumulator.variables(),
      rows: [...named, ...aliased],
      summaries: accumulator.summaries(),
      table: tableInfo(filter),
      for: filter.audience,
    };
  }

  /** A version `from` or `to` names: one that is not published is a wrong value (422), not a missing page. */
  async function publishedVersion(surveyId: string, version: number, parameter: 'from' | 'to') {
    try {
      return await questionnaires.load(surveyId, version);
    } catch (error) {
      if ((error as { statusCode?: number }).statusCode !== 404) throw error;
      throw unprocessable('INVALID_FILTER', 'A query parameter has a value this route cannot use.', [
        { parameter, message: 'the questionnaire has no such published version', value: String(version) },
      ]);
    }
  }

  async function profile(surveyId: string, memberState: string, query: { status?: string; locale?: string }): Promise<ProfileResult> {
    const survey = (await surveys.list()).find((candidate) => candidate.id === surveyId);
    if (!survey) throw notFound('SURVEY_NOT_FOUND', 'There is no such questionnaire.');
    const state = await db.selectFrom('member_states').select(['code', 'name']).where('code', '=', memberState).executeTakeFirst();
    if (!state) throw notFound('MEMBER_STATE_NOT_FOUND', 'There is no member state with this code.');
    const loaded = await Promise.all(survey.versions.map((version) => questionnaires.load(surveyId, version.version)));
    const filter = resolveAnalysisFilter(
      { ...(query.status === undefined ? {} : { status: query.status }), ...(query.locale === undefined ? {} : { locale: query.locale }) },
      { catalogue: loaded[loaded.length - 1]!.questionnaire.catalogue, otherCatalogues: loaded.map((entry) => entry.questionnaire.catalogue), tables: [] },
    );
    const replies = await db
      .selectFrom('responses')
      .select(['version', 'status', 'submitted_at', 'data'])
      .where('survey_id', '=', surveyId)
      .where('member_state_code', '=', memberState)
      .where('status', 'in', [...filter.statuses])
      .execute();
    const byVersion = new Map(replies.map((reply) => [reply.version, reply]));
    const versions = survey.versions.map((version) => version.version);
    const crosswalk = versions.length > 1 ? crosswalkOrSameNames(await surveys.crosswalkOf(surveyId), versions[0]!, versions[versions.length - 1]!) : { steps: [] };
    const sections = countryProfile(
      crosswalk,
      loaded.map((entry, index) => ({
        version: versions[index]!,
        catalogue: selectVariables(localizeCatalogue(entry.questionnaire.catalogue, filter.locale), { questions: null, personalData: 'exclude' }),
        data: byVersion.get(versions[index]!)?.data ?? null,
      })),
    );
    return {
      memberState: state.code,
      memberStateName: state.name,
      rounds: survey.versions.map((version) => {
        const reply = byVersion.get(version.version);
        return { version: version.version, title: version.title, status: reply?.status ?? null, submittedAt: reply?.submitted_at ?? null };
      }),
      sections,
    };
  }

  async function codebook(target: VersionTarget, locale: string | undefined): Promise<{ variables: CodebookVariable[] }> {
    const { questionnaire } = await questionnaires.load(target.surveyId, target.version);
    const filter = resolveAnalysisFilter(locale === undefined ? {} : { locale }, { catalogue: questionnaire.catalogue, tables: [] });
    return { variables: codebookVariables(localizeCatalogue(questionnaire.catalogue, filter.locale)) };
  }

  /** Personal data shown to anyone is a fact the audit log keeps: who, where, with which filter. */
  async function auditPersonalData(caller: AnalysisCaller, target: VersionTarget, filter: AnalysisFilter, view: string, extra: Record<string, unknown> = {}) {
    if (filter.personal !== 'include') return;
    await audit.record({
      actor: caller.user,
      action: 'analysis.personal_data',
      target: `${target.surveyId}/${target.version}`,
      details: { view, ...extra, filter: describeFilter(filter) },
      ip: caller.ip,
    });
  }

  return { prepare, comparison, rounds, profile, codebook, readReplies: (query: Parameters<typeof readReplies>[1]) => readReplies(db, query) };
}

export type AnalysisService = ReturnType<typeof createAnalysisService>;

const known = new WeakMap<Catalogue, readonly string[]>();

/** Every data key a version's answers may hold; per compiled catalogue, which lives as long as the process. */
function knownKeys(catalogue: Catalogue): readonly string[] {
  let keys = known.get(catalogue);
  if (!keys) known.set(catalogue, (keys = dataKeys(catalogue)));
  return keys;
}

function tableInfo(filter: AnalysisFilter): TableInfo | null {
  if (filter.questions.kind !== 'table') return null;
  const { table, missingQuestions } = filter.questions;
  return { id: table.id, title: table.title, description: table.description ?? null, missingQuestions };
}

/** Active states without a counted reply, with the status of the reply they have, if any. */
function notCounted(read: RepliesRead): NotCounted[] {
  const counted = new Set(read.counted.map((state: CountedReply) => state.code));
  return read.states
    .filter((state) => state.active && !counted.has(state.code))
    .map((state) => ({ memberState: state.code, memberStateName: state.name, status: state.reply?.status ?? 'not_started' }));
}
