import { rmSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { DataDirInUseError } from '../src/errors/data-dir-in-use-error.ts';
import { isProcessAlive } from '../src/meili/meili-runtime-file.ts';

/** Pid in a lock file, or null when absent or unreadable. */
async function readLockPid(file: string): Promise<number | null> {
  const pid = Number.parseInt(await fs.readFile(file, 'utf8').catch(() => ''), 10);
  return Number.isInteger(pid) && pid > 0 ? pid : null;
}

/**
 * Take `DATA_DIR/service.lock` (created exclusively, holding our pid), so that a second
 * service on the same data directory refuses to start instead of sharing the first one's
 * Meilisearch and losing it when the first stops. A lock whose pid is dead (or is our own pid:
 * a container restarted as PID 1 again) is stale and taken over. Released on any exit.
 *
 * @throws {DataDirInUseError} naming the live process that holds it.
 */
export async function acquireServiceLock(dataDir: string): Promise<{ file: string; release: () => void; tookOverFrom: number | null }> {
  await fs.mkdir(dataDir, { recursive: true, mode: 0o700 });
  const file = path.join(dataDir, 'service.lock');
  let tookOverFrom: number | null = null;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      await fs.writeFile(file, `${process.pid}\n`, { flag: 'wx', mode: 0o600 });
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        process.off('exit', release);
        rmSync(file, { force: true });
      };
      process.on('exit', release);
      return { file, release, tookOverFrom };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = await readLockPid(file);
    if (holder !== null && holder !== process.pid && isProcessAlive(holder)) throw new DataDirInUseError(file, holder);
    tookOverFrom = holder;
    await fs.rm(file, { force: true });
  }
  throw new DataDirInUseError(file, (await readLockPid(file)) ?? 0);
}
