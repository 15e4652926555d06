import type { Role } from './roles.js';

/** The person behind a request, as the API shows them. */
export interface SessionUser {
  readonly id: string;
  readonly email: string;
  readonly name: string;
  readonly role: Role;
  readonly memberState: string | null;
  /** Signed in with a one-time password: only choosing a new one is allowed until then. */
  readonly mustChangePassword: boolean;
}

/** Who is calling, and how they proved it. */
export type Principal =
  | { readonly user: SessionUser; readonly via: 'session'; readonly sessionId: string; readonly csrfToken: string }
  | { readonly user: SessionUser; readonly via: 'token'; readonly tokenId: string };

export interface UserRow {
  id: string;
  email: string;
  name: string;
  role: Role;
  member_state_code: string | null;
  must_change_password: boolean;
}

export const toSessionUser = (row: UserRow): SessionUser => ({
  id: row.id,
  email: row.email,
  name: row.name,
  role: row.role,
  memberState: row.member_state_code,
  mustChangePassword: row.must_change_password,
});
