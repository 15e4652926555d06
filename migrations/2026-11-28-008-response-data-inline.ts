import { sql, type Kysely } from 'kysely';

// A complete response is about 9 KB of JSON, 2–3 KB compressed: over the 2 KB at which
// PostgreSQL moves a value out of the row into the TOAST table, so every save wrote the old
// chunks' deletion and the new chunks with their index entries besides the row. Kept compressed
// in the row itself (MAIN storage, rows up to a page), a save rewrites one row.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table responses set (toast_tuple_target = 8160)`.execute(db);
  await sql`alter table responses alter column data set storage main`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table responses alter column data set storage extended`.execute(db);
  await sql`alter table responses reset (toast_tuple_target)`.execute(db);
}
