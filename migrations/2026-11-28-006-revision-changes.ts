import { sql, type Kysely } from 'kysely';

// A save's revision stops copying the whole response (about 9 KB for a complete one) and holds
// the change it made (`{ set, unset }` as applied); the full data is kept only as snapshots (the
// first revision, status changes, every 50th revision), from which any revision is rebuilt.
// Every existing row holds its full data, so each one is a snapshot and stays valid.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    alter table response_revisions
      alter column data drop not null,
      add column change jsonb check (jsonb_typeof(change) = 'object'),
      -- The first revision is always a snapshot, so every later one has one to start from.
      add constraint response_revisions_data_or_change check (data is not null or (change is not null and revision > 1))
  `.execute(db);
}

// Back to a full copy in every row: each change applied, in order, to the data before it.
export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    with recursive rebuilt (response_id, revision, data) as (
      select response_id, revision, data from response_revisions where revision = 1
      union all
      select rv.response_id, rv.revision,
             coalesce(rv.data, (previous.data || (rv.change -> 'set')) - array(select jsonb_array_elements_text(rv.change -> 'unset')))
      from rebuilt previous
      join response_revisions rv on rv.response_id = previous.response_id and rv.revision = previous.revision + 1
    )
    update response_revisions rv set data = rebuilt.data
    from rebuilt
    where rv.response_id = rebuilt.response_id and rv.revision = rebuilt.revision and rv.data is null
  `.execute(db);
  await sql`
    alter table response_revisions
      drop constraint response_revisions_data_or_change,
      drop column change,
      alter column data set not null
  `.execute(db);
}
