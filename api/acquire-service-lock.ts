import { existsSync, rmSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { DataDirInUseError } from '../src/errors/data-dir-in-use-error.ts';
import { isProcessAlive } from '../src/meili/meili-runtime-file.ts';

/** Pid in a lock file, or null when absent or unreadable. */
async function readLockPid(file: string): Promise<number | null> {
  const pid = Number.parseInt(await fs.readFile(file, 'utf8').catch(() => ''), 10);
  return Number.isInteger(pid) && pid > 0 ? pid : null;
}

/** An argument naming the service's entry: `api/main.js` (npm start, the image), `api/main.ts` (npm run dev, tests). */
const SERVICE_ENTRY = /(^|\/)api\/main\.[cm]?[jt]s$/;

/**
 * True when `pid` runs this service, judged by its command line (Linux /proc, as
 * `findServersOnDatabase` does for Meilisearch): a lock left by a killed service whose pid now
 * belongs to an unrelated process (a reboot, a container restart) is stale. Where the command
 * line cannot be read (no /proc, another user's process), a live pid is taken as the service.
 */
export async function isServiceProcess(pid: number): Promise<boolean> {
  if (!isProcessAlive(pid)) return false;
  let cmdline: string;
  try {
    cmdline = await fs.readFile(`/proc/${pid}/cmdline`, 'utf8');
  } catch (error) {
    // gone between the two checks: stale; unreadable: cannot tell, so not ours to take
    return (error as NodeJS.ErrnoException).code !== 'ENOENT' || !existsSync('/proc/self/cmdline');
  }
  // an empty command line is a zombie or a kernel thread: not a service
  return cmdline.split('\0').some((arg) => SERVICE_ENTRY.test(arg));
}

/**
 * Take `DATA_DIR/service.lock` (created exclusively, holding our pid), so that a second
 * service on the same data directory refuses to start instead of sharing the first one's
 * Meilisearch and losing it when the first stops. A lock whose pid is dead, is our own pid (a
 * container restarted as PID 1 again) or now runs something else than this service (its command
 * line names no `api/main.js`) is stale and taken over. Released on any exit.
 *
 * @throws {DataDirInUseError} naming the live process that holds it.
 */
export async function acquireServiceLock(dataDir: string): Promise<{ file: string; release: () => void; tookOverFrom: number | null; holderReused: boolean }> {
  await fs.mkdir(dataDir, { recursive: true, mode: 0o700 });
  const file = path.join(dataDir, 'service.lock');
  let tookOverFrom: number | null = null;
  let holderReused = false;
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
      return { file, release, tookOverFrom, holderReused };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = await readLockPid(file);
    if (holder !== null && holder !== process.pid && (await isServiceProcess(holder))) throw new DataDirInUseError(file, holder);
    tookOverFrom = holder;
    holderReused = holder !== null && holder !== process.pid && isProcessAlive(holder);
    await fs.rm(file, { force: true });
  }
  throw new DataDirInUseError(file, (await readLockPid(file)) ?? 0);
}
