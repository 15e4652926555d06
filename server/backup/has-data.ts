import type pg from 'pg';

/**
 * The one rule for "this database holds someone's work": any account or any response. Tables
 * made by migrations and questionnaires imported at start-up are not work, so a freshly started
 * server can be restored into without --force.
 */
export async function holdsData(query: (text: string) => Promise<Pick<pg.QueryResult, 'rows'>>): Promise<boolean> {
  const { rows } = await query(
    `select to_regclass('public.users') is not null and to_regclass('public.responses') is not null as ready`,
  );
  if (!rows[0]?.ready) return false;
  const counted = await query(`select exists (select 1 from users) or exists (select 1 from responses) as used`);
  return Boolean(counted.rows[0]?.used);
}

export const refusalToOverwrite = (where: string) =>
  `${where} already holds data (accounts or responses). Restoring replaces all of it: add --force to do so.`;
