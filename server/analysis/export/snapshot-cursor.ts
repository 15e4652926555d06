import { sql, type Compilable, type ControlledTransaction, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';

/**
 * Downloads read the database through a cursor inside one READ ONLY, REPEATABLE READ
 * transaction: every query of one file (the entry counts of its header, its rows, a workbook's
 * several sheets) sees the same snapshot, and only one page of rows is in memory at a time,
 * however many responses there are. The same SQL runs on both engines (PGlite's pg adapter
 * and the server's pool).
 */

/** Rows per FETCH: large enough that the round trips cost little, small enough to stay a page. */
export const FETCH_SIZE = 200;

export type Snapshot = Transaction<Database>;

/**
 * Runs `body` in a read-only snapshot and yields what it yields. The transaction ends however
 * iteration ends — done, failed, or returned early because the client went away — so the
 * connection goes back to the pool (the embedded engine has only one).
 */
export async function* inSnapshot<T>(db: Kysely<Database>, body: (snapshot: Snapshot) => AsyncIterable<T>): AsyncGenerator<T> {
  const trx = await openSnapshot(db);
  try {
    yield* body(trx);
  } finally {
    // Read only, so commit and rollback end it alike; after an error COMMIT rolls back.
    await trx.commit().execute();
  }
}

/** A read-only snapshot its caller must end (commit) however it finishes. */
export function openSnapshot(db: Kysely<Database>): Promise<ControlledTransaction<Database>> {
  return db.startTransaction().setIsolationLevel('repeatable read').setAccessMode('read only').execute();
}

/**
 * Cursor names are fixed words, not numbered: each FETCH text is a prepared statement on the
 * server engine (db/named-statements.ts), and numbered names would make a new one per download.
 * A transaction has one cursor of a name open at a time (a workbook reads its sheets in turn).
 */
export type CursorName = 'export_rows';

export type CursorOptions = { readonly fetchSize?: number };

/**
 * The query's rows, a page (one FETCH) at a time; the cursor is closed when iteration ends. The
 * next page is asked for as soon as one arrives, so that PostgreSQL reads it while this one is
 * written out: at most two pages are in memory. Pages rather than rows: an `await` per row of
 * a 10,000-row export cost more than laying the row out (bench/BENCHMARKS.md, Analysis).
 */
export async function* cursorPages<Row>(
  snapshot: Snapshot,
  name: CursorName,
  query: Compilable<Row>,
  { fetchSize = FETCH_SIZE }: CursorOptions = {},
): AsyncGenerator<readonly Row[]> {
  if (!Number.isSafeInteger(fetchSize) || fetchSize < 1) throw new RangeError(`fetch size must be a positive integer, got ${fetchSize}`);
  const cursor = sql.id(name);
  await sql`declare ${cursor} no scroll cursor for ${query}`.execute(snapshot);
  const fetchPage = () => sql<Row>`fetch ${sql.raw(String(fetchSize))} from ${cursor}`.execute(snapshot).then((result) => result.rows);
  let open = true;
  let next: Promise<Row[]> | null = fetchPage();
  try {
    while (next) {
      const rows: Row[] = await next;
      next = rows.length < fetchSize ? null : fetchPage();
      // A prefetch that fails while this page is being written is rethrown when awaited.
      next?.catch(() => undefined);
      if (rows.length > 0) yield rows;
    }
  } catch (error) {
    // The transaction is aborted: CLOSE would fail and hide the error; ending it closes the cursor.
    open = false;
    throw error;
  } finally {
    if (open) {
      // Returned early (the client left): the prefetch runs first on the connection anyway.
      const pending = await next?.then(() => true, () => false);
      if (pending !== false) await sql`close ${cursor}`.execute(snapshot);
    }
  }
}
