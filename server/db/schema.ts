import type { ColumnType, Generated } from 'kysely';
import type { Role } from '../auth/roles.js';

/** Row types as PostgreSQL stores them. API shapes live beside their routes, not here. */

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;

export interface MemberStatesTable {
  code: string;
  name: string;
  active: Generated<boolean>;
  sort_order: Generated<number>;
  created_at: CreatedAt;
}

export interface SurveysTable {
  id: string;
  title: string;
  created_at: CreatedAt;
  /** crosswalk.json as the author wrote it (checked at import); null without one. Written as JSON text. */
  crosswalk: ColumnType<unknown, string | null | undefined, string | null>;
  /** tables.json as the author wrote it (its shape checked at import); null without one. */
  comparison_tables: ColumnType<unknown, string | null | undefined, string | null>;
}

export type SurveyVersionStatus = 'open' | 'closed';

export interface SurveyVersionsTable {
  survey_id: string;
  version: number;
  title: string;
  definition: ColumnType<unknown, string, never>;
  content_hash: ColumnType<string, string, never>;
  status: Generated<SurveyVersionStatus>;
  published_at: CreatedAt;
  closes_at: Date | null;
}


export interface UsersTable {
  id: Generated<string>;
  email: string;
  name: string;
  role: Role;
  member_state_code: string | null;
  password_hash: string | null;
  must_change_password: Generated<boolean>;
  created_at: CreatedAt;
  disabled_at: Date | null;
}

export interface SessionsTable {
  id: Generated<string>;
  token_hash: string;
  user_id: string;
  csrf_token: string;
  created_at: CreatedAt;
  last_seen_at: Generated<Date>;
  expires_at: Date;
  ip: string | null;
  user_agent: string | null;
}

export interface ApiTokensTable {
  id: Generated<string>;
  token_hash: string;
  user_id: string;
  name: string;
  created_at: CreatedAt;
  last_used_at: Date | null;
  revoked_at: Date | null;
}

export interface InvitationsTable {
  id: Generated<string>;
  token_hash: string;
  email: string;
  name: string | null;
  role: Role;
  member_state_code: string | null;
  created_by: string | null;
  created_at: CreatedAt;
  expires_at: Date;
  accepted_at: Date | null;
  accepted_user_id: string | null;
  revoked_at: Date | null;
}

export interface AuthFailuresTable {
  id: Generated<string>;
  key: string;
  at: Generated<Date>;
}

export interface AuditEventsTable {
  id: Generated<string>;
  at: Generated<Date>;
  actor_id: string | null;
  actor_email: string | null;
  action: string;
  target: string | null;
  details: ColumnType<Record<string, unknown>, string | undefined, never>;
  ip: string | null;
}

export type ResponseStatus = 'draft' | 'submitted' | 'returned' | 'accepted';
export type RevisionKind = 'save' | 'submit' | 'return' | 'accept' | 'reopen';

export interface ResponsesTable {
  id: Generated<string>;
  survey_id: string;
  version: number;
  member_state_code: string;
  status: Generated<ResponseStatus>;
  /** Written as JSON text, read as the parsed object. */
  data: ColumnType<Record<string, unknown>, string | undefined, string>;
  revision: Generated<number>;
  created_at: CreatedAt;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
  updated_by: string | null;
  submitted_at: Date | null;
}

/** Append-only: rows are inserted, never changed (but `author` is set null when a user is deleted). */
export interface ResponseRevisionsTable {
  response_id: string;
  revision: number;
  status: ResponseStatus;
  /** The whole data after the revision (a snapshot), or null: see responses/revision-snapshots.ts. */
  data: ColumnType<Record<string, unknown> | null, string | null, never>;
  /** A save's change as applied; null for status changes (and for saves written before the column). */
  change: ColumnType<{ set: Record<string, unknown>; unset: string[] } | null, string | null | undefined, never>;
  changed: ColumnType<string[], string[], never>;
  author: string | null;
  author_name: string;
  at: Generated<Date>;
  kind: RevisionKind;
}

export interface ReviewCommentsTable {
  id: Generated<string>;
  response_id: string;
  question: string | null;
  body: string;
  author: string | null;
  author_name: string;
  at: Generated<Date>;
  resolved_at: Date | null;
  resolved_by: string | null;
  reply_to: string | null;
}

export interface Database {
  member_states: MemberStatesTable;
  surveys: SurveysTable;
  survey_versions: SurveyVersionsTable;
  users: UsersTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  invitations: InvitationsTable;
  auth_failures: AuthFailuresTable;
  audit_events: AuditEventsTable;
  responses: ResponsesTable;
  response_revisions: ResponseRevisionsTable;
  review_comments: ReviewCommentsTable;
}
