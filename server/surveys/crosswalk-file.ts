import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { crosswalkNameReasons, parseCrosswalk } from '../questionnaire/index.js';
import type { JsonObject } from '../questionnaire/index.js';
import type { SurveyFolder } from './definition-files.js';

/**
 * Why a folder's crosswalk.json cannot be used: its own shape (parseCrosswalk), then every
 * version and question it names against the survey's versions — those in the folder, and any
 * published beyond them (through the API), read from the database.
 */
export async function crosswalkFileReasons(db: Kysely<Database>, folder: SurveyFolder, json: unknown): Promise<readonly string[]> {
  const parsed = parseCrosswalk(json);
  if (!parsed.ok) return parsed.reasons;
  const definitions = new Map<number, JsonObject>(folder.versions.map((v) => [v.version, v.definition as JsonObject]));
  const beyondFiles = await db
    .selectFrom('survey_versions')
    .select(['version', 'definition'])
    .where('survey_id', '=', folder.id)
    .where('version', '>', folder.versions.length)
    .execute();
  for (const row of beyondFiles) definitions.set(row.version, row.definition as JsonObject);
  return crosswalkNameReasons(parsed.crosswalk, definitions);
}
