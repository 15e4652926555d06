import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { SessionUser } from '../auth/principal.js';
import type { Database } from '../db/schema.js';
import { notFound } from '../http/errors.js';
import type { CompiledQuestionnaire } from '../questionnaire/index.js';
import type { SurveyVersionInfo } from '../surveys/service.js';

/** The response addressed by a request: a survey version and a member state. */
export interface ResponseTarget {
  readonly surveyId: string;
  readonly version: number;
  readonly memberState: string;
}

/** Who does something, for revisions, comments and the audit trail. */
export interface Actor {
  readonly user: SessionUser;
  readonly ip: string | null;
}

/** Compiled questionnaires, one per version (see surveys/compiled-questionnaires.ts). */
export interface QuestionnaireSource {
  load(surveyId: string, version: number): Promise<{ record: SurveyVersionInfo; questionnaire: CompiledQuestionnaire }>;
  /** Without the version's record: no database read once the version is cached. */
  questionnaire(surveyId: string, version: number): Promise<CompiledQuestionnaire>;
}

export interface ResolvedTarget {
  readonly record: SurveyVersionInfo;
  readonly questionnaire: CompiledQuestionnaire;
  readonly state: { code: string; name: string; active: boolean };
}

/**
 * The one response row a target names (its unique key), as a filter on `responses` under its
 * own name or an alias: `.where(isTargetResponse(target))`, `.where(isTargetResponse(target, 'r'))`.
 * Raw SQL so that one fragment serves every query shape (select, update, a join's alias).
 */
export function isTargetResponse(target: ResponseTarget, table: 'responses' | 'r' = 'responses'): RawBuilder<boolean> {
  const column = (name: 'survey_id' | 'version' | 'member_state_code') => sql.ref(`${table}.${name}`);
  return sql<boolean>`(${column('survey_id')} = ${target.surveyId} and ${column('version')} = ${target.version} and ${column('member_state_code')} = ${target.memberState})`;
}

/** 404 for an unknown survey version (SURVEY_VERSION_NOT_FOUND), then for an unknown member state. */
export async function resolveTarget(db: Kysely<Database>, questionnaires: QuestionnaireSource, target: ResponseTarget): Promise<ResolvedTarget> {
  const { record, questionnaire } = await questionnaires.load(target.surveyId, target.version);
  return { record, questionnaire, state: await getMemberState(db, target.memberState) };
}

export async function getMemberState(db: Kysely<Database>, code: string): Promise<ResolvedTarget['state']> {
  const state = await db.selectFrom('member_states').select(['code', 'name', 'active']).where('code', '=', code).executeTakeFirst();
  if (!state) throw memberStateNotFound();
  return state;
}

export const memberStateNotFound = () => notFound('MEMBER_STATE_NOT_FOUND', 'There is no member state with this code.');

/** How the audit trail names a response. */
export const auditTarget = (target: ResponseTarget) => `${target.surveyId}/${target.version}/${target.memberState}`;
