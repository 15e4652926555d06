import { sql, type Kysely } from 'kysely';

// Every save rewrites the response's data (about 9 KB of JSON for a complete response) and
// PostgreSQL compresses it to store it; lz4 does that in a fraction of pglz's time. It only
// applies to values written from now on (older ones stay readable as they are), and an engine
// built without lz4 (embedded PGlite) keeps its default.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    do $$
    begin
      alter table responses alter column data set compression lz4;
      alter table response_revisions alter column data set compression lz4;
    exception when feature_not_supported then
      null;
    end
    $$
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table responses alter column data set compression default`.execute(db);
  await sql`alter table response_revisions alter column data set compression default`.execute(db);
}
