import { sql, type Kysely } from 'kysely';

// The CBSS member states in 2009. Reference data an administrator can change, seeded once.
const SEED: ReadonlyArray<readonly [code: string, name: string]> = [
  ['DK', 'Denmark'],
  ['EE', 'Estonia'],
  ['FI', 'Finland'],
  ['DE', 'Germany'],
  ['IS', 'Iceland'],
  ['LV', 'Latvia'],
  ['LT', 'Lithuania'],
  ['NO', 'Norway'],
  ['PL', 'Poland'],
  ['RU', 'Russian Federation'],
  ['SE', 'Sweden'],
];

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('member_states')
    .addColumn('code', 'text', (c) => c.primaryKey().check(sql`code ~ '^[A-Z][A-Z0-9-]{1,15}$'`))
    .addColumn('name', 'text', (c) => c.notNull().check(sql`length(btrim(name)) between 1 and 200`))
    .addColumn('active', 'boolean', (c) => c.notNull().defaultTo(true))
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db
    .insertInto('member_states')
    .values(SEED.map(([code, name], index) => ({ code, name, sort_order: (index + 1) * 10 })))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('member_states').execute();
}
