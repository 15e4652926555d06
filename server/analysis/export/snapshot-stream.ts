import type { Readable } from 'node:stream';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { csvStream, type CsvPiece } from './csv-encoder.js';
import { inSnapshot, type Snapshot } from './snapshot-cursor.js';

/**
 * A CSV body read from a snapshot, started before the reply is sent: the transaction is opened
 * and the first record (the header, after the queries it needs) made here, so that a failure so
 * far is an ordinary error answer, not a cut-off file. The rest streams as the client reads.
 */
export async function csvFromSnapshot(db: Kysely<Database>, body: (snapshot: Snapshot) => AsyncIterable<CsvPiece>): Promise<Readable> {
  return csvStream(await started(inSnapshot(db, body)));
}

/**
 * The iterator advanced to its first item, handed on as an iterable that gives that item first.
 * Started, a generator runs its `finally` when returned (a stream destroyed because the client
 * left); one never started would not, and would keep its transaction open.
 */
async function started<T>(iterator: AsyncGenerator<T>): Promise<AsyncIterable<T>> {
  const first = await iterator.next();
  let pending: IteratorResult<T> | null = first;
  const resumed: AsyncIterator<T> = {
    next: async () => {
      if (pending === null) return iterator.next();
      const result = pending;
      pending = null;
      return result;
    },
    return: async (value?: unknown) => {
      pending = null;
      return iterator.return(value as T);
    },
  };
  return { [Symbol.asyncIterator]: () => resumed };
}
