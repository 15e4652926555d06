import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database, SurveyVersionStatus } from '../db/schema.js';
import { conflict, notFound, unprocessable } from '../http/errors.js';
import { checkDefinition, type SurveyDefinition } from '../questionnaire/definition.js';
import { parseCrosswalk, type Crosswalk } from '../questionnaire/crosswalk.js';
import { comparisonTablesFileReasons } from './comparison-tables.js';
import { canonicalJson, contentHash } from './content-hash.js';
import { crosswalkFileReasons } from './crosswalk-file.js';
import type { JsonFile, SurveyFolder } from './definition-files.js';

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

/** A definition file differs from the version already published under its number. */
export class PublishedVersionChangedError extends Error {
  constructor(readonly file: string, surveyId: string, version: number, nextVersion: number) {
    super(
      `${file} differs from version ${version} of "${surveyId}", which is already published and never changes. ` +
        `Restore the published content, and put the changed questionnaire in v${nextVersion}.json to publish it as version ${nextVersion}.`,
    );
    this.name = 'PublishedVersionChangedError';
  }
}

/** A file of a survey folder that cannot be used: a questionnaire, crosswalk.json or tables.json. */
export class InvalidSurveyFileError extends Error {
  constructor(readonly file: string, what: string, readonly reasons: readonly string[]) {
    super(`${file} is not a valid ${what}:\n${reasons.map((r) => `  - ${r}`).join('\n')}`);
    this.name = 'InvalidSurveyFileError';
  }
}

export class InvalidDefinitionFileError extends InvalidSurveyFileError {
  constructor(file: string, reasons: readonly string[]) {
    super(file, 'questionnaire', reasons);
    this.name = 'InvalidDefinitionFileError';
  }
}

export function createSurveysService(db: Kysely<Database>) {
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
  async function publishNextVersion(surveyId: string, definition: unknown): Promise<{ version: number }> {
    const survey = await db.selectFrom('surveys').select(['id', 'title']).where('id', '=', surveyId).executeTakeFirst();
    if (!survey) throw notFound('SURVEY_NOT_FOUND', 'There is no such questionnaire.');
    const checked = checkDefinition(definition);
    if (!checked.ok) throw unprocessable('INVALID_DEFINITION', 'The questionnaire definition is not valid.', checked.reasons);
    return db.transaction().execute(async (trx) => {
      const version = await nextVersionNumber(trx, surveyId);
      await insertVersion(trx, surveyId, version, survey.title, checked.definition);
      return { version };
    });
  }

  async function setStatus(surveyId: string, version: number, status: SurveyVersionStatus): Promise<SurveyVersionInfo> {
    const updated = await db
      .updateTable('survey_versions')
      .set({ status })
      .where('survey_id', '=', surveyId)
      .where('version', '=', version)
      .returning(INFO_COLUMNS)
      .executeTakeFirst();
    if (!updated) throw VERSION_NOT_FOUND();
    return toInfo(updated);
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

  /**
   * Publishes the versions found in definition files that are not published yet, and stores
   * each survey's crosswalk and comparison tables as the files now say. Refuses (and changes
   * nothing) when a file differs from its published version or fails its check.
   */
  async function importFolders(folders: readonly SurveyFolder[]): Promise<Array<{ surveyId: string; version: number }>> {
    return db.transaction().execute(async (trx) => {
      // Several instances may start at once: serialise imports so each version is inserted once.
      await sql`select pg_advisory_xact_lock(hashtext('survey-definitions-import'))`.execute(trx);
      const published: Array<{ surveyId: string; version: number }> = [];
      for (const folder of folders) {
        const publishedBefore = published.length;
        await trx.insertInto('surveys').values({ id: folder.id, title: folder.title }).onConflict((oc) => oc.column('id').doNothing()).execute();
        const hashes = new Map(
          (await trx.selectFrom('survey_versions').select(['version', 'content_hash']).where('survey_id', '=', folder.id).execute()).map(
            (r) => [r.version, r.content_hash],
          ),
        );
        for (const file of folder.versions) {
          const publishedHash = hashes.get(file.version);
          if (publishedHash !== undefined) {
            if (publishedHash !== contentHash(file.definition)) {
              throw new PublishedVersionChangedError(file.file, folder.id, file.version, Math.max(...hashes.keys()) + 1);
            }
            continue;
          }
          // Only new versions are checked: published ones were checked when they were published.
          const checked = checkDefinition(file.definition);
          if (!checked.ok) throw new InvalidDefinitionFileError(file.file, checked.reasons);
          const next = await nextVersionNumber(trx, folder.id);
          if (file.version !== next) {
            throw new InvalidDefinitionFileError(file.file, [`version ${next} is the next to publish for "${folder.id}"; rename the file to v${next}.json`]);
          }
          // The file's own JSON is stored, so its hash matches the next start's.
          await insertVersion(trx, folder.id, file.version, folder.title, file.definition as SurveyDefinition);
          hashes.set(file.version, contentHash(file.definition));
          published.push({ surveyId: folder.id, version: file.version });
        }
        // Checked again only when it could have changed: a new version, or a file that differs.
        if (published.length > publishedBefore || !(await storedAsInFolder(trx, folder))) await storeCrosswalkAndTables(trx, folder);
      }
      return published;
    });
  }

  /** The survey's named comparison tables (tables.json); empty when it has none. */
  async function comparisonTablesOf(surveyId: string): Promise<ComparisonTable[]> {
    const row = await db.selectFrom('surveys').select('comparison_tables').where('id', '=', surveyId).executeTakeFirst();
    if (!row) throw notFound('SURVEY_NOT_FOUND', 'There is no such questionnaire.');
    const stored = row.comparison_tables as { tables?: ComparisonTable[] } | null;
    return stored?.tables ?? [];
  }

  return { list, findVersion, getVersion, getVersionInfo, createSurvey, publishNextVersion, setStatus, crosswalkOf, comparisonTablesOf, importFolders };
}

export type SurveysService = ReturnType<typeof createSurveysService>;

/** Whether the survey row already holds the folder's crosswalk and tables (formatting and key order aside). */
async function storedAsInFolder(trx: Transaction<Database>, folder: SurveyFolder): Promise<boolean> {
  const stored = await trx.selectFrom('surveys').select(['crosswalk', 'comparison_tables']).where('id', '=', folder.id).executeTakeFirstOrThrow();
  const same = (value: unknown, file: JsonFile | null) => canonicalJson(value) === canonicalJson(file ? file.json : null);
  return same(stored.crosswalk, folder.crosswalk) && same(stored.comparison_tables, folder.tables);
}

/** After the folder's versions are published, so that the crosswalk may name the new ones. */
async function storeCrosswalkAndTables(trx: Transaction<Database>, folder: SurveyFolder): Promise<void> {
  if (folder.crosswalk) {
    const reasons = await crosswalkFileReasons(trx, folder, folder.crosswalk.json);
    if (reasons.length > 0) throw new InvalidSurveyFileError(folder.crosswalk.file, 'crosswalk', reasons);
  }
  if (folder.tables) {
    const reasons = await comparisonTablesFileReasons(trx, folder, folder.tables.json);
    if (reasons.length > 0) throw new InvalidSurveyFileError(folder.tables.file, 'list of comparison tables', reasons);
  }
  await trx
    .updateTable('surveys')
    .set({
      crosswalk: folder.crosswalk ? JSON.stringify(folder.crosswalk.json) : null,
      comparison_tables: folder.tables ? JSON.stringify(folder.tables.json) : null,
    })
    .where('id', '=', folder.id)
    .execute();
}

async function nextVersionNumber(trx: Transaction<Database>, surveyId: string): Promise<number> {
  // Locking the survey row makes two concurrent publications take consecutive numbers.
  await trx.selectFrom('surveys').select('id').where('id', '=', surveyId).forUpdate().execute();
  const row = await trx
    .selectFrom('survey_versions')
    .select((eb) => eb.fn.max('version').as('latest'))
    .where('survey_id', '=', surveyId)
    .executeTakeFirst();
  return Number(row?.latest ?? 0) + 1;
}

async function insertVersion(
  trx: Transaction<Database>,
  surveyId: string,
  version: number,
  surveyTitle: string,
  definition: SurveyDefinition,
): Promise<void> {
  await trx
    .insertInto('survey_versions')
    .values({
      survey_id: surveyId,
      version,
      title: versionTitle(definition, surveyTitle, version),
      definition: JSON.stringify(definition),
      content_hash: contentHash(definition),
    })
    .execute();
}

function versionTitle(definition: SurveyDefinition, surveyTitle: string, version: number): string {
  const title = (definition as { title?: unknown }).title;
  if (typeof title === 'string' && title.trim() !== '') return title.trim();
  if (title && typeof title === 'object') {
    const text = (title as Record<string, unknown>).default ?? (title as Record<string, unknown>).en;
    if (typeof text === 'string' && text.trim() !== '') return text.trim();
  }
  return `${surveyTitle} (version ${version})`;
}

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
