import type { Transaction } from 'kysely';
import type { Database } from '../db/schema.js';
import type { SurveyDefinition } from '../questionnaire/definition.js';
import { contentHash } from './content-hash.js';

/** Writing a new version row: what publishing through the API and importing a folder share. */

export async function nextVersionNumber(trx: Transaction<Database>, surveyId: string): Promise<number> {
  // Locking the survey row makes two concurrent publications take consecutive numbers.
  await trx.selectFrom('surveys').select('id').where('id', '=', surveyId).forUpdate().execute();
  const row = await trx
    .selectFrom('survey_versions')
    .select((eb) => eb.fn.max('version').as('latest'))
    .where('survey_id', '=', surveyId)
    .executeTakeFirst();
  return Number(row?.latest ?? 0) + 1;
}

export async function insertVersion(
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
