import fs from 'node:fs/promises';
import type { Logger } from 'pino';

/** Pids of the processes whose command line has `--db-path <dbPath>` (Linux /proc; none elsewhere). */
export async function findServersOnDatabase(dbPath: string): Promise<number[]> {
  const entries = await fs.readdir('/proc').catch(() => [] as string[]);
  // read in parallel: this runs on every start, before the server is spawned
  const found = await Promise.all(entries.filter((entry) => /^\d+$/.test(entry) && Number(entry) !== process.pid).map(async (entry) => {
    const argv = (await fs.readFile(`/proc/${entry}/cmdline`, 'utf8').catch(() => '')).split('\0');
    const at = argv.indexOf('--db-path');
    // a setpriv wrapper that has not exec'd yet has the same arguments: it is the server to be
    return at >= 0 && argv[at + 1] === dbPath && !(await isZombie(Number(entry))) ? Number(entry) : null;
  }));
  return found.filter((pid): pid is number => pid !== null);
}

async function isZombie(pid: number): Promise<boolean> {
  const stat = await fs.readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '');
  return !stat || stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) === 'Z';
}

async function waitGone(pids: number[], ms: number): Promise<number[]> {
  const deadline = Date.now() + ms;
  let left = pids;
  for (;;) {
    const running = await Promise.all(left.map(async (pid) => ((await isZombie(pid)) ? null : pid)));
    left = running.filter((pid): pid is number => pid !== null);
    if (!left.length || Date.now() > deadline) return left;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * Stop every Meilisearch running on `dbPath` before a new one starts there: two servers on one
 * database must never run. Called while holding the data directory's runtime lock, so any
 * such server is an orphan (its watchdog was killed, or a crash left it behind). SIGTERM, then
 * SIGKILL after `graceMs`. Returns the pids that were stopped.
 */
export async function stopOrphanServers(dbPath: string, logger: Logger, graceMs = 10_000): Promise<number[]> {
  const pids = await findServersOnDatabase(dbPath);
  if (!pids.length) return [];
  logger.warn({ pids, dbPath }, `Stopping ${pids.length} Meilisearch process(es) left running on this database without their watchdog`);
  for (const pid of pids) try { process.kill(pid, 'SIGTERM'); } catch { /* gone */ }
  const stubborn = await waitGone(pids, graceMs);
  for (const pid of stubborn) try { process.kill(pid, 'SIGKILL'); } catch { /* gone */ }
  await waitGone(stubborn, 5_000);
  return pids;
}
