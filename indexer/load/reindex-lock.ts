import fs from 'node:fs/promises';
import path from 'node:path';
import { ReindexLockedError } from '../../src/errors/reindex-errors.ts';
import { isProcessAlive } from '../../src/meili/meili-runtime-file.ts';

/**
 * Take the reindex lock file (created exclusively, holding our pid) so that two processes
 * on the same data directory (the service's cron and `npm run index`) never rebuild the same
 * index at once. A lock left by a dead process is taken over. Returns the release function.
 *
 * @throws {ReindexLockedError} when a live process holds it.
 */
export async function acquireReindexLock(lockPath: string): Promise<() => Promise<void>> {
  // a first run on a new DATA_DIR with MEILI_URL (no embedded server made the folder)
  await fs.mkdir(path.dirname(lockPath), { recursive: true });
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      await fs.writeFile(lockPath, `${process.pid}\n`, { flag: 'wx' });
      return async () => {
        await fs.rm(lockPath, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
        // a full disk creates the file, then fails the write ("ENOSPC: no space left on device,
        // write", no path): say which file, and leave no empty lock behind
        if ((error as NodeJS.ErrnoException).syscall === 'write') await fs.rm(lockPath, { force: true });
        throw new Error(`Taking the reindex lock ${lockPath}: ${(error as Error).message}`, { cause: error });
      }
    }
    const holder = await getReindexLockHolder(lockPath);
    if (holder !== null) throw new ReindexLockedError(lockPath, holder);
    await fs.rm(lockPath, { force: true });
  }
  throw new ReindexLockedError(lockPath, null);
}

/** The pid of the live process holding the reindex lock (the service's run or `npm run index`), or null. */
export async function getReindexLockHolder(lockPath: string): Promise<number | null> {
  const holder = Number.parseInt(await fs.readFile(lockPath, 'utf8').catch(() => ''), 10);
  return Number.isInteger(holder) && holder > 0 && isProcessAlive(holder) ? holder : null;
}

/** The reindex lock of `indexName` in a data directory: one per index, whichever process runs it. */
export function getReindexLockPath(dataDir: string, indexName: string): string {
  return path.join(dataDir, `reindex-${indexName}.lock`);
}

/**
 * The run of another process holding the lock (`npm run index`, another service's cron): its
 * pid and when it took the lock; null when the lock is free, ours, or left by a dead process.
 */
export async function getOtherReindexRun(lockPath: string): Promise<{ pid: number; startedAt: string } | null> {
  const holder = await getReindexLockHolder(lockPath);
  if (holder === null || holder === process.pid) return null;
  const taken = await fs.stat(lockPath).catch(() => null);
  return { pid: holder, startedAt: (taken?.mtime ?? new Date()).toISOString() };
}
