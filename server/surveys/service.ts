import type { Kysely } from 'kysely';
import type { AuditContext, AuditService } from '../audit/service.js';
import type { Database, SurveyVersionStatus } from '../db/schema.js';
import { conflict, notFound, unprocessable } from '../http/errors.js';
import { checkDefinition, type SurveyDefinition } from '../questionnaire/definition.js';
import { parseCrosswalk, type Crosswalk } from '../questionnaire/crosswalk.js';
import type { SurveyFolder } from './definition-files.js';
import { importFolders } from './folder-import.js';
import { VERSION_CLOSED, VERSION_OPENED, VERSION_PUBLISHED, versionTarget } from './version-audit.js';
import { insertVersion, nextVersionNumber } from './version-rows.js';

export interface SurveySummary {
  id: string;
  title: string;
  versions: Array<{ version: number; title: string; status: SurveyVersionStatus; publishedAt: Date }>;
}

/** A version without its definition: what a request needs to know besides the (cached) questionnaire. */
export interface SurveyVersionInfo {
  surveyId: string;
  version: number;
  title: string;
  status: SurveyVersionStatus;
  publishedAt: Date;
  contentHash: string;
}

export interface SurveyVersionRecord extends SurveyVersionInfo {
  definition: SurveyDefinition;
}

/** A named comparison table of tables.json, as stored (its shape checked at import). */
export interface ComparisonTable {
  readonly id: string;
  readonly title: string;
  readonly description?: string;
  readonly questions: readonly string[];
}

const INFO_COLUMNS = ['survey_id', 'version', 'title', 'status', 'published_at', 'content_hash'] as const;
const VERSION_NOT_FOUND = () => notFound('SURVEY_VERSION_NOT_FOUND', 'There is no such questionnaire version.');
/** A change made by no one signed in: a script or a test. Routes always pass the administrator. */
const SYSTEM: AuditContext = { actor: null };

/**
 * Questionnaires and their versions. Publishing a version and opening or closing one each write
 * their audit event in the transaction that makes the change.
 */
export function createSurveysService(db: Kysely<Database>, audit: AuditService) {
  async function list(): Promise<SurveySummary[]> {
    const [surveys, versions] = await Promise.all([
      db.selectFrom('surveys').select(['id', 'title']).orderBy('id').execute(),
      db
        .selectFrom('survey_versions')
        .select(['survey_id', 'version', 'title', 'status', 'published_at'])
        .orderBy('survey_id')
        .orderBy('version')
        .execute(),
    ]);
    return surveys.map((s) => ({
      id: s.id,
      title: s.title,
      versions: versions
        .filter((v) => v.survey_id === s.id)
        .map((v) => ({ version: v.version, title: v.title, status: v.status, publishedAt: v.published_at })),
    }));
  }

  async function findVersion(surveyId: string, version: number): Promise<SurveyVersionRecord | undefined> {
    const row = await db
      .selectFrom('survey_versions')
      // Named columns, never `*`: a prepared statement whose result columns change under it (a
      // column added by a newer instance's migration) fails instead of re-planning.
      .select([...INFO_COLUMNS, 'definition'])
      .where('survey_id', '=', surveyId)
      .where('version', '=', version)
      .executeTakeFirst();
    return row && toRecord(row);
  }

  async function getVersion(surveyId: string, version: number): Promise<SurveyVersionRecord> {
    const found = await findVersion(surveyId, version);
    if (!found) throw VERSION_NOT_FOUND();
    return found;
  }

  /**
   * The version's status and content hash without its definition (tens of kilobytes of JSON):
   * saves read this on every request and take the definition from the compiled cache.
   */
  async function getVersionInfo(surveyId: string, version: number): Promise<SurveyVersionInfo> {
    const row = await db
      .selectFrom('survey_versions')
      .select(INFO_COLUMNS)
      .where('survey_id', '=', surveyId)
      .where('version', '=', version)
      .executeTakeFirst();
    if (!row) throw VERSION_NOT_FOUND();
    return toInfo(row);
  }

  async function createSurvey(id: string, title: string): Promise<{ id: string; title: string }> {
    const created = await db
      .insertInto('surveys')
      .values({ id, title })
      .onConflict((oc) => oc.column('id').doNothing())
      .returning(['id', 'title'])
      .executeTakeFirst();
    if (!created) throw conflict('SURVEY_EXISTS', 'A questionnaire with this id already exists.');
    return created;
  }

  /** Checks a definition and publishes it as the survey's next version. */
  async function publishNextVersion(surveyId: string, definition: unknown, by: AuditContext = SYSTEM): Promise<{ version: number }> {
    const survey = await db.selectFrom('surveys').select(['id', 'title']).where('id', '=', surveyId).executeTakeFirst();
    if (!survey) throw notFound('SURVEY_NOT_FOUND', 'There is no such questionnaire.');
    const checked = checkDefinition(definition);
    if (!checked.ok) throw unprocessable('INVALID_DEFINITION', 'The questionnaire definition is not valid.', checked.reasons);
    return db.transaction().execute(async (trx) => {
      const version = await nextVersionNumber(trx, surveyId);
      await insertVersion(trx, surveyId, version, survey.title, checked.definition);
      await audit.record({ ...by, action: VERSION_PUBLISHED, target: versionTarget(surveyId, version) }, trx);
      return { version };
    });
  }

  /** Closing locks every response of the version; an unchanged status writes no event. */
  async function setStatus(surveyId: string, version: number, status: SurveyVersionStatus, by: AuditContext = SYSTEM): Promise<SurveyVersionInfo> {
    return db.transaction().execute(async (trx) => {
      const before = await trx
        .selectFrom('survey_versions')
        .select('status')
        .where('survey_id', '=', surveyId)
        .where('version', '=', version)
        // The UPDATE's own lock level, so a save's key-share lock on the row does not block it.
        .forNoKeyUpdate()
        .executeTakeFirst();
      if (!before) throw VERSION_NOT_FOUND();
      const updated = await trx
        .updateTable('survey_versions')
        .set({ status })
        .where('survey_id', '=', surveyId)
        .where('version', '=', version)
        .returning(INFO_COLUMNS)
        .executeTakeFirstOrThrow();
      if (before.status !== status) {
        await audit.record({ ...by, action: status === 'closed' ? VERSION_CLOSED : VERSION_OPENED, target: versionTarget(surveyId, version) }, trx);
      }
      return toInfo(updated);
    });
  }

  /** The survey's crosswalk between its versions; null when it has none. */
  async function crosswalkOf(surveyId: string): Promise<Crosswalk | null> {
    const row = await db.selectFrom('surveys').select('crosswalk').where('id', '=', surveyId).executeTakeFirst();
    if (!row) throw notFound('SURVEY_NOT_FOUND', 'There is no such questionnaire.');
    if (row.crosswalk === null) return null;
    const parsed = parseCrosswalk(row.crosswalk);
    // Stored only after this same check at import: failing now means the row was changed by hand.
    if (!parsed.ok) throw new Error(`the stored crosswalk of "${surveyId}" is not valid: ${parsed.reasons.join('; ')}`);
    return parsed.crosswalk;
  }

  /** The survey's named comparison tables (tables.json); empty when it has none. */
  async function comparisonTablesOf(surveyId: string): Promise<ComparisonTable[]> {
    const row = await db.selectFrom('surveys').select('comparison_tables').where('id', '=', surveyId).executeTakeFirst();
    if (!row) throw notFound('SURVEY_NOT_FOUND', 'There is no such questionnaire.');
    const stored = row.comparison_tables as { tables?: ComparisonTable[] } | null;
    return stored?.tables ?? [];
  }

  return {
    list,
    findVersion,
    getVersion,
    getVersionInfo,
    createSurvey,
    publishNextVersion,
    setStatus,
    crosswalkOf,
    comparisonTablesOf,
    /**
     * Publishes the versions found in definition files that are not published yet (folder-import.ts);
     * refuses, changing nothing, when a file differs from its published version or fails its check.
     */
    importFolders: (folders: readonly SurveyFolder[]) => importFolders(db, audit, folders),
  };
}

export type SurveysService = ReturnType<typeof createSurveysService>;

interface InfoRow {
  survey_id: string;
  version: number;
  title: string;
  status: SurveyVersionStatus;
  published_at: Date;
  content_hash: string;
}

function toInfo(row: InfoRow): SurveyVersionInfo {
  return {
    surveyId: row.survey_id,
    version: row.version,
    title: row.title,
    status: row.status,
    publishedAt: row.published_at,
    contentHash: row.content_hash,
  };
}

function toRecord(row: InfoRow & { definition: unknown }): SurveyVersionRecord {
  return { ...toInfo(row), definition: row.definition as SurveyDefinition };
}
