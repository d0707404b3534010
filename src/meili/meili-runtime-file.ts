import fs from 'node:fs/promises';

/**
 * What `DATA_DIR/meili-runtime.json` says about the embedded Meilisearch on that data
 * directory. The file doubles as a lock: it is created exclusively before the server starts,
 * so two processes never run two servers on the same database; the second one uses the first's.
 */
export interface MeiliRuntimeInfo {
  /** Pid of the process that started (owns) the server. */
  ownerPid: number;
  /** Pid of the watchdog running the server; null while it is starting. */
  watchdogPid: number | null;
  /** Base URL; null while it is starting. */
  url: string | null;
  /** Pid of the Meilisearch process itself; null while it is starting. */
  meiliPid?: number | null;
  updatedAt: string;
}

/** Read the runtime file; null when absent or unreadable. */
export async function readMeiliRuntime(file: string): Promise<MeiliRuntimeInfo | null> {
  try {
    const info = JSON.parse(await fs.readFile(file, 'utf8')) as Partial<MeiliRuntimeInfo>;
    if (typeof info.ownerPid !== 'number') return null;
    return { ownerPid: info.ownerPid, watchdogPid: info.watchdogPid ?? null, url: info.url ?? null, meiliPid: info.meiliPid ?? null, updatedAt: info.updatedAt ?? '' };
  } catch {
    return null;
  }
}

/** Create the runtime file for this process; false when it already exists. */
export async function claimMeiliRuntime(file: string): Promise<boolean> {
  const info: MeiliRuntimeInfo = { ownerPid: process.pid, watchdogPid: null, url: null, updatedAt: new Date().toISOString() };
  try {
    await fs.writeFile(file, `${JSON.stringify(info, null, 2)}\n`, { flag: 'wx', mode: 0o600 });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

/** Rewrite the runtime file atomically (temp file + rename). */
export async function writeMeiliRuntime(file: string, info: Omit<MeiliRuntimeInfo, 'updatedAt'>): Promise<void> {
  const tmp = `${file}.${process.pid}.tmp`;
  await fs.writeFile(tmp, `${JSON.stringify({ ...info, updatedAt: new Date().toISOString() }, null, 2)}\n`, { mode: 0o600 });
  await fs.rename(tmp, file);
}

/** Remove the runtime file if this process owns it. */
export async function releaseMeiliRuntime(file: string): Promise<void> {
  const info = await readMeiliRuntime(file);
  if (info?.ownerPid === process.pid) await fs.rm(file, { force: true });
}

/** True when a process with this pid exists (signal 0 probe). */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
