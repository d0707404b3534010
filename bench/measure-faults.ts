/**
 * The figures of issue 10, side by side for two checkouts of the service (the baseline, e.g. a
 * `git worktree` of the commit before, and this one), in one run:
 *
 *   node --import tsx bench/measure-faults.ts --base <checkout> [--part shutdown,reindex] [--rounds 3]
 *       [--corpus <folder>]
 *
 * shutdown: the service on the sample posts, 40 keep-alive clients searching in a loop; SIGTERM;
 *   the time from the signal to the process's exit, and the requests that were reset (sent, then
 *   the connection closed without an answer), per round.
 * reindex: the service on `--corpus` (default: the real corpus), two CPU hogs (`node -e
 *   'for(;;);'`), 4 clients searching in a loop while `npm run index -- --force` rebuilds the index
 *   through the service's Meilisearch: p50/p99 and 503 share of the searches during the rebuild, and
 *   Meilisearch's peak RSS (VmRSS sampled every 100 ms during the rebuild, and its VmHWM).
 * Loopback only. Prints a JSON summary and a Markdown table.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { findFreePort } from '../src/meili/find-free-port.ts';
import { findServersOnDatabase } from '../src/meili/stop-orphan-servers.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const QUERIES = ['jraft', 'MOSN 超时', 'sofarpc 注册中心', 'seata 事务', 'layotto', '怎么 配置 日志', 'sofaboot 启动', 'registry'];

const { values } = parseArgs({
  options: {
    base: { type: 'string' },
    part: { type: 'string', default: 'shutdown,reindex' },
    rounds: { type: 'string', default: '3' },
    corpus: { type: 'string', default: '/work/shared/corpus/sofastack.tech' },
  },
});
if (!values.base) throw new Error('--base <checkout of the baseline> is required');
const variants = [{ name: 'before', root: path.resolve(values.base) }, { name: 'after', root: ROOT }];
const rounds = Number(values.rounds);

interface Service { child: ChildProcess; url: string; dataDir: string; exited: Promise<number | null> }

async function startService(root: string, env: Record<string, string>): Promise<Service> {
  const dataDir = env.DATA_DIR ?? (await fs.mkdtemp(path.join(os.tmpdir(), 'weekly-faq-faults-bench-')));
  const port = await findFreePort();
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'api/main.ts')], {
    cwd: root,
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), REINDEX_CRON: 'off', LOG_LEVEL: 'warn', SEARCH_RATE_LIMIT: '0', MEILI_URL: '', MEILI_MASTER_KEY: '', ADMIN_TOKEN: '', WEEKLY_SOURCE: '', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 600_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`service in ${root} exited early`);
    if (await fetch(`${url}/readyz`).then((r) => r.ok, () => false)) break;
    if (Date.now() > deadline) throw new Error('not ready');
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return { child, url, dataDir, exited };
}

function get(agent: http.Agent, url: string): Promise<{ status: number; ms: number }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = http.get(url, { agent }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, ms: performance.now() - started }));
      res.on('error', reject);
    });
    req.on('error', (error) => reject(Object.assign(error, { reused: req.reusedSocket })));
  });
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
const median = (list: number[]) => percentile([...list].sort((a, b) => a - b), 50);

async function shutdownRound(root: string): Promise<{ exitMs: number; exitCode: number | null; answered: number; resets: number; refused: number; afterSignal: number; resetCodes: Record<string, number> }> {
  const service = await startService(root, {});
  let stopped = false;
  let signalAt = 0;
  const counts = { answered: 0, resets: 0, refused: 0, afterSignal: 0, resetCodes: {} as Record<string, number> };
  const client = async (i: number) => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    while (!stopped) {
      try {
        await get(agent, `${service.url}/api/search?q=${encodeURIComponent(QUERIES[i % QUERIES.length]!)}`);
        counts.answered++;
        if (signalAt) counts.afterSignal++;
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        // refused: the request was never sent (the server stopped listening); anything else lost a sent request
        if (code === 'ECONNREFUSED') {
          counts.refused++;
          break;
        }
        counts.resets++;
        const key = `${code ?? (error as Error).message}${signalAt ? ` +${Math.round((performance.now() - signalAt) / 100) * 100}ms` : ' before SIGTERM'}${(error as { reused?: boolean }).reused ? ' reused' : ' fresh'}`;
        counts.resetCodes[key] = (counts.resetCodes[key] ?? 0) + 1;
        if (!signalAt) break;
      }
    }
    agent.destroy();
  };
  const clients = Array.from({ length: 40 }, (_, i) => client(i));
  await new Promise((resolve) => setTimeout(resolve, 3_000));
  signalAt = performance.now();
  service.child.kill('SIGTERM');
  const exitCode = await service.exited;
  const exitMs = performance.now() - signalAt;
  stopped = true;
  await Promise.all(clients);
  await fs.rm(service.dataDir, { recursive: true, force: true });
  return { exitMs: Math.round(exitMs), exitCode, ...counts };
}

async function readRss(pid: number): Promise<{ rss: number; hwm: number }> {
  const status = await fs.readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
  const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+) kB`).exec(status)?.[1] ?? 0);
  return { rss: kb('VmRSS') * 1024, hwm: kb('VmHWM') * 1024 };
}

async function reindexRound(root: string, corpus: string) {
  const service = await startService(root, { WEEKLY_SOURCE: corpus });
  const [meiliPid] = await findServersOnDatabase(path.join(service.dataDir, 'meili'));
  if (!meiliPid) throw new Error('no Meilisearch found');
  const hogs = [0, 1].map(() => spawn(process.execPath, ['-e', 'for(;;);'], { stdio: 'ignore' }));
  const results: { status: number; ms: number }[] = [];
  let indexing = true;
  const client = async (i: number) => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    for (let n = i; indexing; n++) {
      const r = await get(agent, `${service.url}/api/search?q=${encodeURIComponent(QUERIES[n % QUERIES.length]!)}`).catch(() => ({ status: 0, ms: NaN }));
      if (indexing) results.push(r);
    }
    agent.destroy();
  };
  let peakRss = 0;
  const sampler = setInterval(() => void readRss(meiliPid).then(({ rss }) => (peakRss = Math.max(peakRss, rss))), 100);
  const started = performance.now();
  const clients = [0, 1, 2, 3].map(client);
  const cli = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'indexer/cli/index-cli.ts'), '--force', corpus], {
    cwd: root, env: { ...process.env, DATA_DIR: service.dataDir, LOG_LEVEL: 'warn', MEILI_URL: '', MEILI_MASTER_KEY: '' }, stdio: ['ignore', 'ignore', 'inherit'],
  });
  const cliCode = await new Promise<number | null>((resolve) => cli.once('exit', resolve));
  const reindexMs = performance.now() - started;
  indexing = false;
  clearInterval(sampler);
  await Promise.all(clients);
  for (const hog of hogs) hog.kill('SIGKILL');
  const { hwm } = await readRss(meiliPid);
  service.child.kill('SIGTERM');
  await service.exited;
  await fs.rm(service.dataDir, { recursive: true, force: true });
  const ok = results.filter((r) => r.status === 200).map((r) => r.ms).sort((a, b) => a - b);
  const all = results.map((r) => (Number.isNaN(r.ms) ? Infinity : r.ms)).sort((a, b) => a - b);
  return {
    cliCode, reindexMs: Math.round(reindexMs), searches: results.length,
    share503: results.filter((r) => r.status === 503).length / Math.max(1, results.length),
    failedOther: results.filter((r) => r.status !== 200 && r.status !== 503).length,
    p50Ms: Math.round(percentile(all, 50)), p99Ms: Math.round(percentile(all, 99)), p99OkMs: Math.round(percentile(ok, 99)),
    meiliPeakRssMiB: Math.round(peakRss / 2 ** 20), meiliHwmMiB: Math.round(hwm / 2 ** 20),
  };
}

const parts = values.part.split(',');
const summary: Record<string, unknown> = { machine: { cores: os.availableParallelism(), memoryGiB: Math.round(os.totalmem() / 2 ** 30) }, at: new Date().toISOString() };
if (parts.includes('shutdown')) {
  const byVariant: Record<string, Awaited<ReturnType<typeof shutdownRound>>[]> = { before: [], after: [] };
  for (let r = 0; r < rounds; r++) for (const v of variants) byVariant[v.name]!.push(await shutdownRound(v.root));
  summary.shutdown = byVariant;
  console.log('\n| SIGTERM, 40 keep-alive clients | before | after |\n|---|---|---|');
  console.log(`| exit after SIGTERM, median ms (rounds) | ${median(byVariant.before!.map((x) => x.exitMs))} (${byVariant.before!.map((x) => x.exitMs).join(', ')}) | ${median(byVariant.after!.map((x) => x.exitMs))} (${byVariant.after!.map((x) => x.exitMs).join(', ')}) |`);
  console.log(`| reset requests per round | ${byVariant.before!.map((x) => x.resets).join(', ')} | ${byVariant.after!.map((x) => x.resets).join(', ')} |`);
  console.log(`| answered after SIGTERM per round | ${byVariant.before!.map((x) => x.afterSignal).join(', ')} | ${byVariant.after!.map((x) => x.afterSignal).join(', ')} |`);
  console.log(`| exit codes | ${byVariant.before!.map((x) => x.exitCode).join(', ')} | ${byVariant.after!.map((x) => x.exitCode).join(', ')} |`);
}
if (parts.includes('reindex')) {
  const byVariant: Record<string, Awaited<ReturnType<typeof reindexRound>>[]> = { before: [], after: [] };
  for (let r = 0; r < rounds; r++) for (const v of variants) byVariant[v.name]!.push(await reindexRound(v.root, values.corpus));
  summary.reindex = byVariant;
  const row = (label: string, pick: (x: Awaited<ReturnType<typeof reindexRound>>) => number | string) =>
    console.log(`| ${label} | ${byVariant.before!.map(pick).join(', ')} | ${byVariant.after!.map(pick).join(', ')} |`);
  console.log('\n| forced reindex, 2 CPU hogs, 4 search clients (per round) | before | after |\n|---|---|---|');
  row('searches during the rebuild', (x) => x.searches);
  row('p50 ms', (x) => x.p50Ms);
  row('p99 ms', (x) => x.p99Ms);
  row('503 share', (x) => `${(x.share503 * 100).toFixed(1)}%`);
  row('rebuild time ms', (x) => x.reindexMs);
  row('Meilisearch peak RSS during the rebuild, MiB', (x) => x.meiliPeakRssMiB);
  row('Meilisearch VmHWM (whole life), MiB', (x) => x.meiliHwmMiB);
}
console.log(`\n${JSON.stringify(summary)}`);
