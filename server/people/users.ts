import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../db/schema.js';
import { conflict, notFound, unprocessable } from '../http/errors.js';
import type { Role } from '../auth/roles.js';
import { hashPassword, passwordWeakness } from '../auth/passwords.js';
import { toSessionUser, type SessionUser } from '../auth/principal.js';
import { validEmail, validPersonName } from './email.js';

export interface PersonSummary extends SessionUser {
  createdAt: Date;
  disabledAt: Date | null;
  hasPassword: boolean;
}

export interface NewPerson {
  email: string;
  name: string;
  role: Role;
  memberState?: string | null | undefined;
  password?: string | undefined;
  /** A one-time password (made by the CLI): the person must choose their own at sign-in. */
  mustChangePassword?: boolean | undefined;
}

/** The rule the database also enforces: a delegate belongs to one member state, nobody else does. */
export function checkRoleAndState(role: Role, memberState: string | null | undefined): string | null {
  if (role === 'delegate') {
    if (!memberState) throw unprocessable('MEMBER_STATE_REQUIRED', 'A delegate must belong to a member state.');
    return memberState;
  }
  if (memberState) throw unprocessable('MEMBER_STATE_NOT_ALLOWED', 'Only delegates belong to a member state.');
  return null;
}

export type PersonChanges = { name?: string | undefined; role?: Role | undefined; memberState?: string | null | undefined };

/**
 * What a person's row shows. Never the password hash: only sign-in and the password change
 * select it (auth/sign-in.ts, people/password-changes.ts), whether one is set is enough here.
 */
const columns = [
  'id',
  'email',
  'name',
  'role',
  'member_state_code',
  'must_change_password',
  'created_at',
  'disabled_at',
  sql<boolean>`password_hash is not null`.as('has_password'),
] as const;

function summary(row: {
  id: string;
  email: string;
  name: string;
  role: Role;
  member_state_code: string | null;
  must_change_password: boolean;
  created_at: Date;
  disabled_at: Date | null;
  has_password: boolean;
}): PersonSummary {
  return { ...toSessionUser(row), createdAt: row.created_at, disabledAt: row.disabled_at, hasPassword: row.has_password };
}

/** People's accounts as data; the administrator's workflows that also audit and end sessions are in account-changes.ts. */
export function createUsersService(db: Kysely<Database>) {
  async function assertActiveState(code: string | null, executor: Kysely<Database>): Promise<void> {
    if (code === null) return;
    const state = await executor.selectFrom('member_states').select('active').where('code', '=', code).executeTakeFirst();
    if (!state) throw unprocessable('UNKNOWN_MEMBER_STATE', 'There is no member state with this code.');
    if (!state.active) throw unprocessable('INACTIVE_MEMBER_STATE', 'This member state is inactive.');
  }

  async function list(): Promise<PersonSummary[]> {
    const rows = await db.selectFrom('users').select(columns).orderBy('role').orderBy('email').execute();
    return rows.map(summary);
  }

  async function get(id: string, executor: Kysely<Database> = db): Promise<PersonSummary> {
    const row = await executor.selectFrom('users').select(columns).where('id', '=', id).executeTakeFirst();
    if (!row) throw notFound('USER_NOT_FOUND', 'There is no such person.');
    return summary(row);
  }

  /** The account's row (without the password hash), or undefined. */
  async function findByEmail(email: string, executor: Kysely<Database> = db) {
    return executor.selectFrom('users').select(columns).where('email', '=', email).executeTakeFirst();
  }

  async function create(input: NewPerson, executor: Kysely<Database> = db): Promise<PersonSummary> {
    const email = validEmail(input.email);
    const name = validPersonName(input.name);
    const memberState = checkRoleAndState(input.role, input.memberState);
    await assertActiveState(memberState, executor);
    let passwordHash: string | null = null;
    if (input.password !== undefined) {
      const weakness = passwordWeakness(input.password, { email, name });
      if (weakness) throw unprocessable('WEAK_PASSWORD', weakness);
      passwordHash = await hashPassword(input.password);
    }
    const row = await executor
      .insertInto('users')
      .values({ email, name, role: input.role, member_state_code: memberState, password_hash: passwordHash, must_change_password: input.mustChangePassword ?? false })
      .onConflict((oc) => oc.column('email').doNothing())
      .returning(columns)
      .executeTakeFirst();
    if (!row) throw conflict('USER_EXISTS', 'Someone with this e-mail address already has an account.');
    return summary(row);
  }

  /** Part of a workflow: the caller's transaction holds the row's lock until its audit event is written. */
  async function update(id: string, changes: PersonChanges, trx: Transaction<Database>): Promise<{ before: PersonSummary; after: PersonSummary }> {
    const current = await trx.selectFrom('users').select(columns).where('id', '=', id).forUpdate().executeTakeFirst();
    if (!current) throw notFound('USER_NOT_FOUND', 'There is no such person.');
    const role = changes.role ?? current.role;
    // Changing the role away from delegate drops the state; to delegate requires one.
    const requestedState = changes.memberState !== undefined ? changes.memberState : role === 'delegate' ? current.member_state_code : null;
    const memberState = checkRoleAndState(role, requestedState);
    if (memberState !== current.member_state_code) await assertActiveState(memberState, trx);
    const name = changes.name !== undefined ? validPersonName(changes.name) : current.name;
    const row = await trx
      .updateTable('users')
      .set({ name, role, member_state_code: memberState })
      .where('id', '=', id)
      .returning(columns)
      .executeTakeFirstOrThrow();
    return { before: summary(current), after: summary(row) };
  }

  async function setDisabled(id: string, disabled: boolean, executor: Kysely<Database> = db): Promise<PersonSummary> {
    const row = await executor
      .updateTable('users')
      .set({ disabled_at: disabled ? sql`coalesce(disabled_at, now())` : null })
      .where('id', '=', id)
      .returning(columns)
      .executeTakeFirst();
    if (!row) throw notFound('USER_NOT_FOUND', 'There is no such person.');
    return summary(row);
  }

  async function count(): Promise<number> {
    const row = await db.selectFrom('users').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    return Number(row.n);
  }

  return { list, get, findByEmail, create, update, setDisabled, count };
}

export type UsersService = ReturnType<typeof createUsersService>;
