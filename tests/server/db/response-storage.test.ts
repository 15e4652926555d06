import { sql } from 'kysely';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../../helpers/build-test-app.js';

/** Migration 008: a save rewrites one row, not the row and its TOAST chunks. */
describe('how a response document is stored', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await buildTestApp();
  });
  afterAll(() => app.close());

  it('keeps the data compressed in the row (storage MAIN) in rows up to a page', async () => {
    const { rows } = await sql<{ storage: string; options: string[] | null }>`
      select a.attstorage as storage, c.reloptions as options
      from pg_attribute a join pg_class c on c.oid = a.attrelid
      where c.relname = 'responses' and a.attname = 'data'`.execute(app.db);
    expect(rows).toEqual([{ storage: 'm', options: ['toast_tuple_target=8160'] }]);
  });
});
