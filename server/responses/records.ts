import type { Kysely, Transaction } from 'kysely';
import type { SessionUser } from '../auth/principal.js';
import type { Database, ResponseStatus, RevisionKind, SurveyVersionStatus } from '../db/schema.js';
import { conflict, notFound } from '../http/errors.js';
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

/** 404 for an unknown survey version (SURVEY_VERSION_NOT_FOUND), then for an unknown member state. */
export async function resolveTarget(db: Kysely<Database>, questionnaires: QuestionnaireSource, target: ResponseTarget): Promise<ResolvedTarget> {
  const { record, questionnaire } = await questionnaires.load(target.surveyId, target.version);
  return { record, questionnaire, state: await getMemberState(db, target.memberState) };
}

export async function getMemberState(db: Kysely<Database>, code: string): Promise<ResolvedTarget['state']> {
  const state = await db.selectFrom('member_states').select(['code', 'name', 'active']).where('code', '=', code).executeTakeFirst();
  if (!state) throw notFound('MEMBER_STATE_NOT_FOUND', 'There is no member state with this code.');
  return state;
}

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
  return trx
    .selectFrom('responses')
    .select(ROW)
    .where('survey_id', '=', target.surveyId)
    .where('version', '=', target.version)
    .where('member_state_code', '=', target.memberState)
    .forUpdate()
    .executeTakeFirst();
}

export async function findResponseId(db: Kysely<Database>, target: ResponseTarget): Promise<string | undefined> {
  const row = await db
    .selectFrom('responses')
    .select('id')
    .where('survey_id', '=', target.surveyId)
    .where('version', '=', target.version)
    .where('member_state_code', '=', target.memberState)
    .executeTakeFirst();
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
  if (!row) throw notFound('SURVEY_VERSION_NOT_FOUND', 'There is no such questionnaire version.');
  return row.status;
}

/** A status change's revision: always a snapshot of the whole data (see revision-snapshots.ts). */
export async function appendRevision(
  trx: Transaction<Database>,
  revision: {
    responseId: string;
    revision: number;
    status: ResponseStatus;
    data: Readonly<Record<string, unknown>>;
    changed: readonly string[];
    author: SessionUser;
    kind: RevisionKind;
  },
): Promise<void> {
  await trx
    .insertInto('response_revisions')
    .values({
      response_id: revision.responseId,
      revision: revision.revision,
      status: revision.status,
      data: JSON.stringify(revision.data),
      changed: [...revision.changed],
      author: revision.author.id,
      author_name: revision.author.name,
      kind: revision.kind,
    })
    .execute();
}

export type LockReason = 'submitted' | 'accepted' | 'version_closed' | 'member_state_inactive';

export function responseLocked(reason: LockReason) {
  const messages: Record<LockReason, string> = {
    submitted: 'The response is submitted: it cannot be changed unless a consultant returns it.',
    accepted: 'The response is accepted: it cannot be changed unless a consultant or administrator reopens it.',
    version_closed: 'This questionnaire version is closed: responses cannot be changed.',
    member_state_inactive: 'This member state is inactive: it gets no new responses.',
  };
  return conflict('RESPONSE_LOCKED', messages[reason], { reason });
}

export function invalidTransition(from: ResponseStatus | 'not_started', action: string) {
  return conflict('INVALID_TRANSITION', `A response cannot be ${action} from its current status.`, { status: from });
}

export const auditTarget = (target: ResponseTarget) => `${target.surveyId}/${target.version}/${target.memberState}`;

export interface EditConflict {
  question: string;
  currentValue: unknown;
  /** Extra: the question's `-Comment` text ("other" answer), when it has one. */
  currentComment?: unknown;
  changedBy: string;
  changedAt: Date;
}

/** The revision moved on (or overlapping edits): nothing of the request was saved. */
export function editConflict(currentRevision: number, conflicts: EditConflict[]) {
  return conflict(
    'EDIT_CONFLICT',
    conflicts.length > 0
      ? 'Someone else changed some of these answers since you started; nothing was saved. Review their answers and save again.'
      : 'The response has changed since the revision you started from; reload it and try again.',
    { currentRevision, conflicts },
  );
}
