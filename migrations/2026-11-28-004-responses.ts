import { sql, type Kysely } from 'kysely';

const STATUSES = sql`('draft', 'submitted', 'returned', 'accepted')`;

export async function up(db: Kysely<any>): Promise<void> {
  // One response per (survey version, member state), edited by that state's delegates.
  // `revision` counts acknowledged changes: 0 for a row created by a save that is still running.
  await db.schema
    .createTable('responses')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('survey_id', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('member_state_code', 'text', (c) => c.notNull().references('member_states.code').onDelete('restrict'))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('draft').check(sql`status in ${STATUSES}`))
    .addColumn('data', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`).check(sql`jsonb_typeof(data) = 'object'`))
    .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(0).check(sql`revision >= 0`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('submitted_at', 'timestamptz')
    .addUniqueConstraint('responses_survey_version_member_state_key', ['survey_id', 'version', 'member_state_code'])
    .addForeignKeyConstraint('responses_survey_version_fkey', ['survey_id', 'version'], 'survey_versions', ['survey_id', 'version'], (fk) =>
      fk.onDelete('restrict'),
    )
    .execute();
  // The unique key serves the per-version queries; this one the member-state foreign key.
  await db.schema.createIndex('responses_member_state').on('responses').column('member_state_code').execute();

  // Append-only: every acknowledged change is one row holding the full data after it.
  await db.schema
    .createTable('response_revisions')
    .addColumn('response_id', 'uuid', (c) => c.notNull().references('responses.id').onDelete('restrict'))
    .addColumn('revision', 'integer', (c) => c.notNull().check(sql`revision >= 1`))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ${STATUSES}`))
    .addColumn('data', 'jsonb', (c) => c.notNull().check(sql`jsonb_typeof(data) = 'object'`))
    .addColumn('changed', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'::text[]`))
    .addColumn('author', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    // Kept when the person is deleted, so the history still says who it was.
    .addColumn('author_name', 'text', (c) => c.notNull())
    .addColumn('at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('save', 'submit', 'return', 'accept', 'reopen')`))
    .addPrimaryKeyConstraint('response_revisions_pkey', ['response_id', 'revision'])
    .execute();

  await db.schema
    .createTable('review_comments')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('response_id', 'uuid', (c) => c.notNull().references('responses.id').onDelete('restrict'))
    // null: a comment on the whole response.
    .addColumn('question', 'text')
    .addColumn('body', 'text', (c) => c.notNull().check(sql`length(btrim(body)) between 1 and 5000`))
    .addColumn('author', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('author_name', 'text', (c) => c.notNull())
    .addColumn('at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('resolved_at', 'timestamptz')
    .addColumn('resolved_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('reply_to', 'uuid', (c) => c.references('review_comments.id').onDelete('restrict'))
    .execute();
  await db.schema.createIndex('review_comments_response_at').on('review_comments').columns(['response_id', 'at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['review_comments', 'response_revisions', 'responses']) {
    await db.schema.dropTable(table).execute();
  }
}
