import { PGlite } from '@electric-sql/pglite';
import { lockDataDir } from './data-dir-lock.js';

/** The embedded PostgreSQL (PGlite) in a data directory that this process holds the lock of. */
export interface EmbeddedDatabase {
  readonly pglite: PGlite;
  /** Closes PGlite, then releases the directory. Safe to call more than once. */
  close(): Promise<void>;
}

export async function openEmbeddedDatabase(dataDir: string): Promise<EmbeddedDatabase> {
  const lock = lockDataDir(dataDir);
  let pglite: PGlite;
  try {
    pglite = await PGlite.create(dataDir);
  } catch (error) {
    lock.release();
    throw error;
  }
  let closing: Promise<void> | undefined;
  return {
    pglite,
    close() {
      closing ??= (async () => {
        try {
          if (!pglite.closed) await pglite.close();
        } finally {
          lock.release();
        }
      })();
      return closing;
    },
  };
}
