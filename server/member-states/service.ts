import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { conflict, notFound, unprocessable } from '../http/errors.js';

export interface MemberState {
  code: string;
  name: string;
  active: boolean;
}

/** A code is 2–16 characters of A–Z, 0–9 and '-', starting with a letter (EE, DE-BY, BENCH-0042). */
export const MEMBER_STATE_CODE = /^[A-Z][A-Z0-9-]{1,15}$/;

export function createMemberStatesService(db: Kysely<Database>) {
  async function list(): Promise<MemberState[]> {
    return db.selectFrom('member_states').select(['code', 'name', 'active']).orderBy('sort_order').orderBy('code').execute();
  }

  async function find(code: string): Promise<MemberState | undefined> {
    return db.selectFrom('member_states').select(['code', 'name', 'active']).where('code', '=', code).executeTakeFirst();
  }

  async function create(code: string, rawName: string): Promise<MemberState> {
    if (!MEMBER_STATE_CODE.test(code)) {
      throw unprocessable('INVALID_MEMBER_STATE_CODE', 'A code is 2–16 characters of A–Z, 0–9 and "-", starting with a letter.');
    }
    const name = validName(rawName);
    const created = await db
      .insertInto('member_states')
      // New states go last in the usual order.
      .values({ code, name, sort_order: sql<number>`(select coalesce(max(sort_order), 0) + 10 from member_states)` })
      .onConflict((oc) => oc.column('code').doNothing())
      .returning(['code', 'name', 'active'])
      .executeTakeFirst();
    if (!created) throw conflict('MEMBER_STATE_EXISTS', 'A member state with this code already exists.');
    return created;
  }

  async function update(code: string, changes: { name?: string; active?: boolean }): Promise<MemberState> {
    const set: { name?: string; active?: boolean } = {};
    if (changes.name !== undefined) set.name = validName(changes.name);
    if (changes.active !== undefined) set.active = changes.active;
    const query = db.updateTable('member_states').where('code', '=', code);
    const updated = Object.keys(set).length
      ? await query.set(set).returning(['code', 'name', 'active']).executeTakeFirst()
      : await find(code);
    if (!updated) throw notFound('MEMBER_STATE_NOT_FOUND', 'There is no member state with this code.');
    return updated;
  }

  return { list, find, create, update };
}

export type MemberStatesService = ReturnType<typeof createMemberStatesService>;

function validName(raw: string): string {
  const name = raw.trim().replace(/\s+/g, ' ');
  if (name.length < 1 || name.length > 200) throw unprocessable('INVALID_MEMBER_STATE_NAME', 'The name must be 1–200 characters.');
  return name;
}
