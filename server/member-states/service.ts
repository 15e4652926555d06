import { sql, type Kysely } from 'kysely';
import { createAuditService, type AuditContext, type AuditService } from '../audit/service.js';
import type { Database } from '../db/schema.js';
import { conflict, notFound, unprocessable } from '../http/errors.js';
import { isMemberStateCode } from './code.js';

export interface MemberState {
  code: string;
  name: string;
  active: boolean;
}

/** A change made by no one signed in: a script or a test. Routes always pass the administrator. */
const SYSTEM: AuditContext = { actor: null };

/** The member states; adding, renaming, deactivating and reactivating one are audited in the same transaction. */
export function createMemberStatesService(db: Kysely<Database>, audit: AuditService = createAuditService(db)) {
  async function list(): Promise<MemberState[]> {
    return db.selectFrom('member_states').select(['code', 'name', 'active']).orderBy('sort_order').orderBy('code').execute();
  }

  async function find(code: string): Promise<MemberState | undefined> {
    return db.selectFrom('member_states').select(['code', 'name', 'active']).where('code', '=', code).executeTakeFirst();
  }

  async function create(code: string, rawName: string, by: AuditContext = SYSTEM): Promise<MemberState> {
    if (!isMemberStateCode(code)) {
      throw unprocessable('INVALID_MEMBER_STATE_CODE', 'A code is 2–16 characters of A–Z, 0–9 and "-", starting with a letter.');
    }
    const name = validName(rawName);
    return db.transaction().execute(async (trx) => {
      const created = await trx
        .insertInto('member_states')
        // New states go last in the usual order.
        .values({ code, name, sort_order: sql<number>`(select coalesce(max(sort_order), 0) + 10 from member_states)` })
        .onConflict((oc) => oc.column('code').doNothing())
        .returning(['code', 'name', 'active'])
        .executeTakeFirst();
      if (!created) throw conflict('MEMBER_STATE_EXISTS', 'A member state with this code already exists.');
      await audit.record({ ...by, action: 'member_state.created', target: code, details: { name } }, trx);
      return created;
    });
  }

  /** An event only when something changed, with the values before and after. */
  async function update(code: string, changes: { name?: string | undefined; active?: boolean | undefined }, by: AuditContext = SYSTEM): Promise<MemberState> {
    const name = changes.name !== undefined ? validName(changes.name) : undefined;
    return db.transaction().execute(async (trx) => {
      const before = await trx.selectFrom('member_states').select(['code', 'name', 'active']).where('code', '=', code).forNoKeyUpdate().executeTakeFirst();
      if (!before) throw notFound('MEMBER_STATE_NOT_FOUND', 'There is no member state with this code.');
      const after = { code, name: name ?? before.name, active: changes.active ?? before.active };
      if (after.name === before.name && after.active === before.active) return before;
      await trx.updateTable('member_states').set({ name: after.name, active: after.active }).where('code', '=', code).execute();
      await audit.record(
        { ...by, action: 'member_state.changed', target: code, details: { from: { name: before.name, active: before.active }, to: { name: after.name, active: after.active } } },
        trx,
      );
      return after;
    });
  }

  return { list, find, create, update };
}

export type MemberStatesService = ReturnType<typeof createMemberStatesService>;

function validName(raw: string): string {
  const name = raw.trim().replace(/\s+/g, ' ');
  if (name.length < 1 || name.length > 200) throw unprocessable('INVALID_MEMBER_STATE_NAME', 'The name must be 1–200 characters.');
  return name;
}
