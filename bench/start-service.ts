/**
 * The search service as `npm start` runs it (dist/api/main.js in a child process; or api/main.ts
 * under tsx), for the benchmarks: its own DATA_DIR (embedded Meilisearch), a free port, no cron,
 * and otherwise the production defaults: info logging (to a pipe this process drains, as a log
 * collector would) and the rate limiter on, its limit raised out of the benchmark's reach.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureApiKeys } from '../src/meili/ensure-api-keys.ts';
import { findFreePort } from '../src/meili/find-free-port.ts';

/**
 * A copy of an indexed DATA_DIR in the new directory `into`, for a service of its own: the
 * original is never modified, and the copied lock and runtime files of the service that built it
 * are dropped (they would name a process that is gone).
 */
export function copyIndexedDataDir(indexed: string, into: string): string {
  execFileSync('cp', ['-a', `${path.resolve(indexed)}/.`, into]);
  for (const stale of ['service.lock', 'meili-runtime.json']) rmSync(path.join(into, stale), { force: true });
  return into;
}

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export interface BenchService {
  /** `http://127.0.0.1:PORT` */
  url: string;
  port: number;
  pid: number;
  dataDir: string;
  /** The embedded Meilisearch: its URL, master key (server-side only) and the search-only key. */
  meiliUrl: string;
  masterKey: string;
  searchKey: string;
  /** Pid of the embedded Meilisearch server (the watchdog's child), when found. */
  meiliPid: number | null;
  /** SIGTERM, wait for the exit (the service stops its Meilisearch); `removeData` deletes DATA_DIR. */
  stop(options?: { removeData?: boolean }): Promise<number | null>;
}

export interface StartServiceOptions {
  /** WEEKLY_SOURCE: indexed at start when the index is empty. */
  source: string;
  /** Reuse a DATA_DIR (an index built by an earlier start); default: a new temporary one. */
  dataDir?: string;
  /** Extra node flags, e.g. `['--cpu-prof', '--cpu-prof-dir', dir]`. */
  nodeFlags?: string[];
  /** Longest wait for /readyz (the first start indexes the corpus), ms (default 300 s). */
  readyTimeoutMs?: number;
  /** Where the service's stderr goes (default: ignored; warnings only anyway). */
  stderr?: 'inherit' | 'ignore';
  /** `compiled` (default): `node dist/api/main.js`, built first when stale; `tsx`: `api/main.ts` as `npm run dev` runs it. */
  runtime?: 'compiled' | 'tsx';
  /** Another built checkout whose `dist/` runs (compiled only; default: this one, built first when stale). */
  root?: string;
  /**
   * The node binary (default: `BENCH_NODE` from the environment, else this process's), e.g.
   * another Node line's: `BENCH_NODE=$(npx -y -p node@24 which node) npm run bench -- --quick`.
   */
  node?: string;
}

/** Searches per minute the benchmarks' service allows one client: the limiter runs, and never answers 429. */
export const BENCH_RATE_LIMIT = '9999999';

let built: Promise<unknown> | null = null;

/** `npm run build` once per benchmark process (about a second), so the compiled service is the current code. */
export function ensureBuilt(): Promise<unknown> {
  built ??= import('../scripts/build.ts').then(({ buildDist }) => buildDist());
  return built;
}

/** Pids of the children of `pid` (Linux /proc), empty when unknown. */
export async function getChildPids(pid: number | null): Promise<number[]> {
  if (!pid) return [];
  const children = await fs.readFile(`/proc/${pid}/task/${pid}/children`, 'utf8').catch(() => '');
  return children.split(/\s+/).filter(Boolean).map(Number);
}

async function waitReady(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the service exited with ${child.exitCode} before it was ready`);
    const ok = await fetch(url).then((r) => r.ok, () => false);
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url} not ready within ${timeoutMs} ms`);
}

/**
 * The node flags of `root`'s `npm start` (its package.json's start script, e.g.
 * `--max-semi-space-size=32`), so that each build runs as its own start script runs it.
 */
export async function getStartNodeFlags(root: string): Promise<string[]> {
  const packageJson = JSON.parse(await fs.readFile(path.join(root, 'package.json'), 'utf8')) as { scripts?: Record<string, string> };
  const flags = /\bnode((?:\s+--\S+)*)\s+scripts\/launch\.mjs\b/.exec(packageJson.scripts?.start ?? '')?.[1] ?? '';
  return flags.split(/\s+/).filter(Boolean);
}

/** Start api/main.ts, wait for /readyz, read the embedded Meilisearch's address and keys. */
export async function startService(options: StartServiceOptions): Promise<BenchService> {
  const dataDir = options.dataDir ?? (await fs.mkdtemp(path.join(os.tmpdir(), 'weekly-faq-bench-')));
  const port = await findFreePort();
  const root = options.root ?? ROOT;
  if ((options.runtime ?? 'compiled') === 'compiled' && root === ROOT) await ensureBuilt();
  const entry = (options.runtime ?? 'compiled') === 'compiled'
    ? [...(await getStartNodeFlags(root)), '--enable-source-maps', path.join(root, 'dist/api/main.js')]
    : ['--import', 'tsx', path.join(ROOT, 'api/main.ts')];
  const child = spawn(options.node ?? (process.env.BENCH_NODE || process.execPath), [...(options.nodeFlags ?? []), ...entry], {
    cwd: root,
    env: {
      ...process.env,
      DATA_DIR: dataDir, PORT: String(port), REINDEX_CRON: 'off', WEEKLY_SOURCE: options.source,
      LOG_LEVEL: 'info', SEARCH_RATE_LIMIT: BENCH_RATE_LIMIT,
      // every search is measured as computed, the empty query too (the service reuses its answer for 10 s)
      LISTING_CACHE_SECONDS: '0', MEILI_URL: '', MEILI_MASTER_KEY: '', ADMIN_TOKEN: '',
      // the demo page (measured on localhost) loads the widget from 127.0.0.1: another origin, as on a docs site
      PUBLIC_URL: `http://127.0.0.1:${port}`,
    },
    stdio: ['ignore', 'pipe', options.stderr ?? 'ignore'],
  });
  child.stdout?.resume();
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const stop = async ({ removeData = false } = {}) => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    const code = await exited;
    if (removeData) await fs.rm(dataDir, { recursive: true, force: true });
    return code;
  };
  try {
    const url = `http://127.0.0.1:${port}`;
    await waitReady(`${url}/readyz`, child, options.readyTimeoutMs ?? 300_000);
    const runtime = JSON.parse(await fs.readFile(path.join(dataDir, 'meili-runtime.json'), 'utf8')) as { url: string; watchdogPid?: number | null };
    const masterKey = (await fs.readFile(path.join(dataDir, 'meili-master-key'), 'utf8')).trim();
    const { searchKey } = await ensureApiKeys({ url: runtime.url, masterKey, indexName: 'qa' });
    return { url, port, pid: child.pid ?? 0, dataDir, meiliUrl: runtime.url, masterKey, searchKey, meiliPid: (await getChildPids(runtime.watchdogPid ?? null))[0] ?? null, stop };
  } catch (error) {
    await stop({ removeData: !options.dataDir });
    throw error;
  }
}
