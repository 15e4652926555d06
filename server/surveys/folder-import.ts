import { sql, type Kysely, type Transaction } from 'kysely';
import type { AuditService } from '../audit/service.js';
import type { Database } from '../db/schema.js';
import { checkDefinition, type SurveyDefinition } from '../questionnaire/definition.js';
import { comparisonTablesFileReasons } from './comparison-tables.js';
import { canonicalJson, contentHash } from './content-hash.js';
import { crosswalkFileReasons } from './crosswalk-file.js';
import type { JsonFile, SurveyFolder } from './definition-files.js';
import { VERSION_PUBLISHED, versionTarget } from './version-audit.js';
import { insertVersion, nextVersionNumber } from './version-rows.js';

/** Importing the questionnaire folders (definitions/<survey>/v<N>.json, crosswalk.json, tables.json) at start-up. */

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

/**
 * Publishes the versions found in definition files that are not published yet, and stores
 * each survey's crosswalk and comparison tables as the files now say. Refuses (and changes
 * nothing) when a file differs from its published version or fails its check.
 */
export async function importFolders(
  db: Kysely<Database>,
  audit: AuditService,
  folders: readonly SurveyFolder[],
): Promise<Array<{ surveyId: string; version: number }>> {
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
        await audit.record({ actor: null, action: VERSION_PUBLISHED, target: versionTarget(folder.id, file.version), details: { file: file.file } }, trx);
      }
      // Checked again only when it could have changed: a new version, or a file that differs.
      if (published.length > publishedBefore || !(await storedAsInFolder(trx, folder))) await storeCrosswalkAndTables(trx, folder);
    }
    return published;
  });
}

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
