import { sql, type Kysely } from 'kysely';

// A survey's crosswalk (question renames and recodes between its versions) and its named
// comparison tables, read from crosswalk.json and tables.json beside the versions. Unlike a
// published version they may change: a new version brings a new crosswalk step. Null: no file.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('surveys')
    .addColumn('crosswalk', 'jsonb', (c) => c.check(sql`jsonb_typeof(crosswalk) = 'object'`))
    .addColumn('comparison_tables', 'jsonb', (c) => c.check(sql`jsonb_typeof(comparison_tables) = 'object'`))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('surveys').dropColumn('comparison_tables').dropColumn('crosswalk').execute();
}
