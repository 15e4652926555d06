import fs from 'node:fs';
import path from 'node:path';

/**
 * An exclusive claim on an embedded data directory. Two processes writing one PGlite
 * directory silently lose rows, so a second process must be refused, loudly.
 */
export class DataDirLockedError extends Error {
  constructor(readonly lockFile: string, readonly holderPid: number) {
    super(
      `The data directory is in use by another process (pid ${holderPid}): is the server running? ` +
        'The embedded database serves one process at a time: stop that process and try again (after a CLI command or a migration, ' +
        `start the server again), or point DATA_DIR at another directory. Lock file: ${lockFile}`,
    );
    this.name = 'DataDirLockedError';
  }
}

export interface DataDirLock {
  readonly file: string;
  release(): void;
}

export function lockDataDir(dir: string): DataDirLock {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'server.lock');
  claim(file);
  let released = false;
  return {
    file,
    release() {
      if (released) return;
      released = true;
      if (readHolder(file) === process.pid) fs.rmSync(file, { force: true });
    },
  };
}

function claim(file: string, attempt = 0): void {
  try {
    fs.writeFileSync(file, `${process.pid}\n`, { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const holder = readHolder(file);
    if (holder !== null && holder !== process.pid && isAlive(holder)) throw new DataDirLockedError(file, holder);
    if (holder === process.pid) throw new DataDirLockedError(file, holder);
    // The holder died without releasing (crash, kill -9): the claim is stale.
    if (attempt > 0) throw new DataDirLockedError(file, holder ?? -1);
    fs.rmSync(file, { force: true });
    claim(file, attempt + 1);
  }
}

function readHolder(file: string): number | null {
  try {
    const pid = Number.parseInt(fs.readFileSync(file, 'utf8').trim(), 10);
    return Number.isSafeInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
