import fs from 'node:fs';

/** What a backup file holds, told by its first bytes, so a restore never feeds one engine the other's dump. */
export type BackupKind = 'server' | 'embedded';

/** pg_dump's custom format (-Fc) starts with "PGDMP"; PGlite's dumpDataDir('gzip') is a gzip stream. */
const SIGNATURES: ReadonlyArray<{ kind: BackupKind; bytes: Buffer }> = [
  { kind: 'server', bytes: Buffer.from('PGDMP', 'latin1') },
  { kind: 'embedded', bytes: Buffer.from([0x1f, 0x8b]) },
];

export class BackupError extends Error {
  override name = 'BackupError';
}

export function backupKindOf(file: string): BackupKind {
  let head: Buffer;
  try {
    const handle = fs.openSync(file, 'r');
    try {
      head = Buffer.alloc(8);
      fs.readSync(handle, head, 0, head.length, 0);
    } finally {
      fs.closeSync(handle);
    }
  } catch (error) {
    throw new BackupError(`Cannot read the backup file ${file}: ${(error as Error).message}`);
  }
  const found = SIGNATURES.find(({ bytes }) => head.subarray(0, bytes.length).equals(bytes));
  if (!found) throw new BackupError(`${file} is not a backup made by "npm run cli -- backup" (neither a pg_dump archive nor an embedded-database dump).`);
  return found.kind;
}

/**
 * Writes through a temporary file beside the target and renames it at the end, so an interrupted
 * backup never leaves a truncated file that looks like a good one.
 */
export async function writeAtomically(file: string, write: (temporary: string) => Promise<void>): Promise<void> {
  const temporary = `${file}.partial-${process.pid}`;
  try {
    await write(temporary);
    const handle = fs.openSync(temporary, 'r');
    fs.fsyncSync(handle);
    fs.closeSync(handle);
    fs.renameSync(temporary, file);
  } finally {
    fs.rmSync(temporary, { force: true });
  }
}
