import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { lockDataDir } from '../db/data-dir-lock.js';
import { openEmbeddedDatabase } from '../db/embedded.js';
import { BackupError, writeAtomically } from './backup-file.js';
import { holdsData, refusalToOverwrite } from './has-data.js';
import { refuseNewerSchema } from './schema-version.js';

/** The lock file lives in the data directory, so it is in every dump; a restored copy must not inherit it. */
const LOCK_FILE = 'server.lock';

/**
 * The embedded engine's data directory as a gzipped tarball (PGlite's dumpDataDir). Taking the
 * directory's lock means no server writes meanwhile; the checkpoint first puts every committed
 * change in the data files, so the copy needs no recovery.
 */
export async function backupEmbedded(dataDir: string, file: string): Promise<void> {
  if (!isDatabase(dataDir)) throw new BackupError(`There is no embedded database in ${dataDir} to back up.`);
  const database = await openEmbeddedDatabase(dataDir);
  try {
    await database.pglite.exec('checkpoint');
    const dump = await database.pglite.dumpDataDir('gzip');
    const bytes = Buffer.from(await dump.arrayBuffer());
    await writeAtomically(file, async (temporary) => fs.promises.writeFile(temporary, bytes));
  } finally {
    await database.close();
  }
}

/**
 * Loads the dump into a new directory beside the data directory, checks it opens, then swaps it
 * in. A replaced database is moved aside, not deleted: the message says where.
 */
export async function restoreEmbedded(dataDir: string, file: string, force: boolean): Promise<string> {
  const lock = lockDataDir(dataDir);
  const staging = `${dataDir}.restoring-${process.pid}`;
  try {
    const existing = isDatabase(dataDir);
    if (existing && !force && (await embeddedHoldsData(dataDir))) throw new BackupError(refusalToOverwrite(`The embedded database in ${dataDir}`));
    fs.rmSync(staging, { recursive: true, force: true });
    await loadInto(staging, file);
    fs.rmSync(path.join(staging, LOCK_FILE), { force: true });

    let movedAside: string | null = null;
    if (existing) {
      movedAside = `${dataDir}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`;
      fs.renameSync(dataDir, movedAside);
      fs.rmSync(path.join(movedAside, LOCK_FILE), { force: true });
    } else {
      lock.release();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
    fs.renameSync(staging, dataDir);
    return movedAside ? `The database it replaced was moved to ${movedAside}; delete it once you no longer need it.` : '';
  } finally {
    lock.release();
    fs.rmSync(staging, { recursive: true, force: true });
  }
}

async function loadInto(dataDir: string, file: string): Promise<void> {
  let pglite: PGlite;
  try {
    pglite = await PGlite.create({ dataDir, loadDataDir: new Blob([await fs.promises.readFile(file)]) });
  } catch (error) {
    throw new BackupError(`${file} could not be loaded as an embedded database: ${(error as Error).message}`);
  }
  try {
    // Proof that what was loaded is a database of this application, not just any tarball.
    await holdsData((text) => pglite.query(text));
    refuseNewerSchema(file, (await pglite.query<{ name: string }>('select name from kysely_migration')).rows.map((row) => row.name));
    await pglite.exec('checkpoint');
  } finally {
    await pglite.close();
  }
}

async function embeddedHoldsData(dataDir: string): Promise<boolean> {
  const pglite = await PGlite.create(dataDir);
  try {
    return await holdsData((text) => pglite.query(text));
  } finally {
    await pglite.close();
  }
}

const isDatabase = (dataDir: string) => fs.existsSync(path.join(dataDir, 'PG_VERSION'));
