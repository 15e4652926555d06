import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { buildCatalogue, catalogueQuestions } from '../questionnaire/index.js';
import type { SurveyDefinition } from '../questionnaire/index.js';
import { isJsonObject } from '../questionnaire/json.js';
import type { SurveyFolder } from './definition-files.js';

/**
 * Named comparison tables (tables.json): `{ "tables": [{ "id", "title", "description"?,
 * "questions": [name, …] }] }`. A table may name a question that only some versions ask (the
 * Stockholm follow-up exists from version 2 on; a comparison of another version lists it as
 * missing), but every name must be asked by at least one version: a misspelt name would
 * otherwise only ever show as "missing", in every round, and nobody would notice.
 */
export function comparisonTablesReasons(json: unknown, askedQuestions: ReadonlySet<string>): string[] {
  if (!isJsonObject(json) || !Array.isArray(json.tables)) return ['comparison tables are an object with a "tables" list'];
  const reasons: string[] = [];
  const ids = new Set<string>();
  json.tables.forEach((table, index) => {
    const at = `tables[${index}]`;
    if (!isJsonObject(table)) {
      reasons.push(`${at}: a table is an object with "id", "title" and "questions"`);
      return;
    }
    const { id, title, description, questions } = table;
    if (typeof id !== 'string' || !/^[a-z0-9][a-z0-9-]{0,63}$/.test(id)) reasons.push(`${at}.id: must be a slug (a–z, 0–9 and "-")`);
    else if (ids.has(id)) reasons.push(`${at}.id: '${id}' is used twice`);
    else ids.add(id);
    if (typeof title !== 'string' || title.trim() === '') reasons.push(`${at}.title: must be a non-empty text`);
    if (description !== undefined && typeof description !== 'string') reasons.push(`${at}.description: must be a text`);
    if (!Array.isArray(questions) || questions.length === 0 || !questions.every((q) => typeof q === 'string' && q !== '')) {
      reasons.push(`${at}.questions: must be a non-empty list of question names`);
      return;
    }
    const seen = new Set<string>();
    for (const name of questions as string[]) {
      if (seen.has(name)) reasons.push(`${at}.questions: '${name}' is named twice`);
      else if (!askedQuestions.has(name)) reasons.push(`${at}.questions: no version of the survey asks a question '${name}'`);
      seen.add(name);
    }
  });
  return reasons;
}

/**
 * comparisonTablesReasons against the survey's versions: those in the folder, and any published
 * beyond them (through the API), read from the database. A question is what the catalogue
 * holds — an answerable element — so a table cannot name a display-only text either.
 */
export async function comparisonTablesFileReasons(db: Kysely<Database>, folder: SurveyFolder, json: unknown): Promise<string[]> {
  const beyondFiles = await db
    .selectFrom('survey_versions')
    .select('definition')
    .where('survey_id', '=', folder.id)
    .where('version', '>', folder.versions.length)
    .execute();
  const definitions = [...folder.versions.map((v) => v.definition), ...beyondFiles.map((row) => row.definition)] as SurveyDefinition[];
  const asked = new Set(definitions.flatMap((definition) => catalogueQuestions(buildCatalogue(definition))));
  return comparisonTablesReasons(json, asked);
}
