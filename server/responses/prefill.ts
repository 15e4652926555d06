import { sql } from 'kysely';
import type { ResponseStatus } from '../db/schema.js';
import { notFound } from '../http/errors.js';
import { crosswalkOrSameNames, mapAnswers } from '../questionnaire/index.js';
import type { DroppedAnswer, JsonObject } from '../questionnaire/index.js';
import { resolveTarget, type ResponseTarget } from './target.js';
import type { ResponsesDeps } from './service.js';

export interface Prefill {
  fromVersion: number;
  fromRevision: number;
  fromStatus: ResponseStatus;
  data: JsonObject;
  dropped: DroppedAnswer[];
}


/**
 * A head start on a new version: the member state's answers to the nearest earlier version it
 * answered, carried forward through the survey's crosswalk, keeping only what the new version
 * accepts. Nothing is written here: the editor sends what it keeps with an ordinary save, so it
 * becomes a revision like any other.
 */
export function createPrefill({ db, questionnaires, surveys }: Pick<ResponsesDeps, 'db' | 'questionnaires' | 'surveys'>) {
  async function prefill(target: ResponseTarget): Promise<Prefill> {
    const { questionnaire } = await resolveTarget(db, questionnaires, target);
    const earlier = await db
      .selectFrom('responses')
      .select(['version', 'revision', 'status', 'data'])
      .where('survey_id', '=', target.surveyId)
      .where('member_state_code', '=', target.memberState)
      .where('version', '<', target.version)
      .where(sql<boolean>`data <> '{}'::jsonb`)
      .orderBy('version', 'desc')
      .limit(1)
      .executeTakeFirst();
    if (!earlier) throw notFound('NO_EARLIER_RESPONSE', 'This member state has not answered an earlier version of the questionnaire.');
    const crosswalk = crosswalkOrSameNames(await surveys.crosswalkOf(target.surveyId), earlier.version, target.version);
    const { data, dropped } = mapAnswers(crosswalk, earlier.version, target.version, earlier.data as JsonObject, questionnaire);
    return { fromVersion: earlier.version, fromRevision: earlier.revision, fromStatus: earlier.status, data, dropped: [...dropped] };
  }

  return { prefill };
}
