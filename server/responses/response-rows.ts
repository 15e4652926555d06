import type { Kysely, Transaction } from 'kysely';
import type { Database, ResponseStatus, SurveyVersionStatus } from '../db/schema.js';
import { notFound } from '../http/errors.js';
import { isTargetResponse, type ResponseTarget } from './target.js';

/** Reading and locking a response row and its version. */

export interface ResponseRow {
  id: string;
  status: ResponseStatus;
  data: Record<string, unknown>;
  revision: number;
  updated_at: Date;
  submitted_at: Date | null;
}

const ROW = ['id', 'status', 'data', 'revision', 'updated_at', 'submitted_at'] as const;

/** The response row, locked until the transaction ends: every change of a response goes through here. */
export async function lockResponse(trx: Transaction<Database>, target: ResponseTarget): Promise<ResponseRow | undefined> {
  return trx.selectFrom('responses').select(ROW).where(isTargetResponse(target)).forUpdate().executeTakeFirst();
}

export async function findResponseId(db: Kysely<Database>, target: ResponseTarget): Promise<string | undefined> {
  const row = await db.selectFrom('responses').select('id').where(isTargetResponse(target)).executeTakeFirst();
  return row?.id;
}

/**
 * The version's status as of now, read under a share lock so that closing a version waits for
 * the saves already running, and saves after it see it closed.
 */
export async function lockVersionStatus(trx: Transaction<Database>, target: ResponseTarget): Promise<SurveyVersionStatus> {
  const row = await trx
    .selectFrom('survey_versions')
    .select('status')
    .where('survey_id', '=', target.surveyId)
    .where('version', '=', target.version)
    .forShare()
    .executeTakeFirst();
  if (!row) throw versionNotFound();
  return row.status;
}

export const versionNotFound = () => notFound('SURVEY_VERSION_NOT_FOUND', 'There is no such questionnaire version.');
