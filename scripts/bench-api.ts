// API overhead over Meilisearch: the same searches through `GET /api/search` and straight to
// Meilisearch (the same multi-search body the API sends, with the search-only key).
// Targets: p50 latency ratio API/Meilisearch <= 1.3; throughput ratio at 32 connections >= 0.7.
//
//   npm run bench:api [-- --source <corpus>] [--duration 10] [--connections 32] [--rounds 40]
//
// The service runs as `npm start` does (api/main.ts, own process, request logs at info to
// /dev/null) on a temporary DATA_DIR, after indexing --source (default: ../shared/corpus/
// sofastack.tech, else WEEKLY_SOURCE). Latency: one request at a time over a fixed list of
// realistic queries, --rounds times, the two targets alternating per round, timed to the
// microsecond. Throughput: autocannon with --connections, API and Meilisearch alternating,
// twice each. Results go to stdout and to bench/out/api-<time>.json.
import { spawn } from 'node:child_process';
import http from 'node:http';
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { planSearch } from '../api/plan-search.ts';
import { buildMultiSearchQueries } from '../api/run-search-queries.ts';
import type { SearchParams } from '../api/search-backend.ts';
import { ensureApiKeys } from '../src/meili/ensure-api-keys.ts';
import { findFreePort } from '../src/meili/find-free-port.ts';

interface AutocannonResult {
  latency: { p50: number; p90: number; p99: number; average: number };
  requests: { average: number; total: number };
  non2xx: number;
  errors: number;
  timeouts: number;
}
type Autocannon = (options: Record<string, unknown>) => Promise<AutocannonResult>;
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DEFAULT_SOURCE = path.resolve(ROOT, '../shared/corpus/sofastack.tech');

/** What readers type: project names, Chinese phrases, English words, with the widget's filters. */
const QUERIES: Partial<SearchParams>[] = [
  { q: 'SOFARPC 超时' },
  { q: 'jraft 选举' },
  { q: 'MOSN 内存' },
  { q: 'seata 回滚失败' },
  { q: 'sofaboot 启动报错' },
  { q: '注册中心 数据同步' },
  { q: 'ark 插件 类加载' },
  { q: 'layotto' },
  { q: 'tracer 日志' },
  { q: 'istio' },
  { q: 'timeout' },
  { q: 'rheakv' },
  { q: '配置', sort: 'newest' },
  { q: 'MOSN', page: 2 },
  { q: '' },
  { q: '', projects: ['SOFAJRaft'] },
  { q: '超时', years: [2020, 2021] },
  { q: '如何', projects: ['SOFARPC', 'SOFABoot'], from: '2019-06-01', to: '2021-12-31' },
];

function toParams(query: Partial<SearchParams>): SearchParams {
  return { q: '', projects: [], years: [], sort: 'relevance', page: 1, hitsPerPage: 10, ...query };
}

function toApiPath(params: SearchParams): string {
  const search = new URLSearchParams();
  if (params.q) search.set('q', params.q);
  for (const project of params.projects) search.append('project', project);
  for (const year of params.years) search.append('year', String(year));
  if (params.from) search.set('from', params.from);
  if (params.to) search.set('to', params.to);
  if (params.sort !== 'relevance') search.set('sort', params.sort);
  if (params.page !== 1) search.set('page', String(params.page));
  return `/api/search?${search}`;
}

async function waitReady(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const ok = await fetch(url).then((r) => r.ok, () => false);
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url} not ready within ${timeoutMs} ms`);
}

const { values } = parseArgs({
  options: {
    source: { type: 'string' },
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '32' },
    rounds: { type: 'string', default: '40' },
  },
});
const source = values.source ?? (existsSync(DEFAULT_SOURCE) ? DEFAULT_SOURCE : process.env.WEEKLY_SOURCE);
if (!source) {
  process.stderr.write('bench:api: no corpus: pass --source <folder> (or set WEEKLY_SOURCE)\n');
  process.exit(2);
}
const duration = Number(values.duration);
const connections = Number(values.connections);
const rounds = Number(values.rounds);

interface Req { method: string; path: string; headers?: Record<string, string>; body?: string }

/** One request on a keep-alive agent; resolves with its duration in ms (µs precision). */
function timeRequest(agent: http.Agent, base: string, req: Req): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const r = http.request(new URL(req.path, base), { method: req.method, agent, headers: { ...req.headers, ...(req.body ? { 'content-length': String(Buffer.byteLength(req.body)) } : {}) } }, (res) => {
      res.resume();
      res.on('end', () => (res.statusCode === 200 ? resolve(Number(process.hrtime.bigint() - started) / 1e6) : reject(new Error(`${req.path}: ${res.statusCode}`))));
    });
    r.on('error', reject);
    r.end(req.body);
  });
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'weekly-faq-bench-api-'));
const port = await findFreePort();
const service = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'api/main.ts')], {
  env: { ...process.env, DATA_DIR: dataDir, WEEKLY_SOURCE: source, REINDEX_CRON: 'off', PORT: String(port), SEARCH_RATE_LIMIT: '0', LOG_LEVEL: 'info', MEILI_URL: '' },
  stdio: ['ignore', 'ignore', 'inherit'],
});
const stopService = async () => {
  if (service.exitCode === null) {
    const exited = new Promise((resolve) => service.once('exit', resolve));
    service.kill('SIGTERM');
    await exited;
  }
  await fs.rm(dataDir, { recursive: true, force: true });
};
process.once('SIGINT', () => void stopService().then(() => process.exit(130)));

try {
  const api = `http://127.0.0.1:${port}`;
  process.stderr.write(`Indexing ${source} and starting the service...\n`);
  await waitReady(`${api}/readyz`, 180_000);
  const runtime = JSON.parse(await fs.readFile(path.join(dataDir, 'meili-runtime.json'), 'utf8')) as { url: string };
  const masterKey = (await fs.readFile(path.join(dataDir, 'meili-master-key'), 'utf8')).trim();
  const { searchKey } = await ensureApiKeys({ url: runtime.url, masterKey, indexName: 'qa' });
  const documents = ((await (await fetch(`${api}/api/facets`)).json()) as { total: number }).total;

  const params = QUERIES.map(toParams);
  const apiRequests: Req[] = params.map((p) => ({ method: 'GET', path: toApiPath(p) }));
  const meiliRequests: Req[] = params.map((p) => {
    const { main, facetQueries } = planSearch(p);
    return {
      method: 'POST',
      path: '/multi-search',
      headers: { authorization: `Bearer ${searchKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ queries: buildMultiSearchQueries('qa', main, facetQueries) }),
    };
  });

  // Same answers both ways (so the comparison is of equal work).
  for (const [i, p] of params.entries()) {
    const viaApi = (await (await fetch(`${api}${apiRequests[i]!.path}`)).json()) as { hits: { id: string }[] };
    const direct = (await (await fetch(`${runtime.url}/multi-search`, { method: 'POST', headers: meiliRequests[i]!.headers ?? {}, body: meiliRequests[i]!.body ?? null })).json()) as { results: { hits: { id: string }[] }[] };
    const a = viaApi.hits.map((h) => h.id).join();
    const b = direct.results[0]?.hits.map((h) => h.id).join();
    if (a !== b) throw new Error(`API and Meilisearch disagree on ${JSON.stringify(p)}`);
  }

  const run = async (name: string, url: string, requests: Req[], conns: number, seconds: number) => {
    const result = await autocannon({ url, connections: conns, duration: seconds, requests });
    if (result.non2xx || result.errors || result.timeouts) throw new Error(`${name}: ${result.non2xx} non-2xx, ${result.errors} errors, ${result.timeouts} timeouts`);
    return { p50: result.latency.p50, p90: result.latency.p90, p99: result.latency.p99, rps: result.requests.average };
  };
  // warm-up (JIT, Meilisearch caches)
  await run('warm-up', api, apiRequests, 4, 2);
  await run('warm-up', runtime.url, meiliRequests, 4, 2);

  // Latency, one request at a time.
  const agents = { api: new http.Agent({ keepAlive: true, maxSockets: 1 }), meili: new http.Agent({ keepAlive: true, maxSockets: 1 }) };
  const times: { api: number[]; meili: number[] } = { api: [], meili: [] };
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 === 0 ? (['api', 'meili'] as const) : (['meili', 'api'] as const);
    for (const target of order) {
      for (let i = 0; i < params.length; i++) {
        times[target].push(await timeRequest(agents[target], target === 'api' ? api : runtime.url, (target === 'api' ? apiRequests : meiliRequests)[i]!));
      }
    }
  }
  const latency = (values: number[]) => ({ p50: percentile(values, 50), p90: percentile(values, 90), p99: percentile(values, 99), mean: values.reduce((a, b) => a + b, 0) / values.length });
  const sequential = { api: latency(times.api), meili: latency(times.meili) };

  // Throughput under load, alternating.
  const loadRuns: { api: Awaited<ReturnType<typeof run>>[]; meili: Awaited<ReturnType<typeof run>>[] } = { api: [], meili: [] };
  for (let i = 0; i < 2; i++) {
    loadRuns.meili.push(await run(`Meilisearch, ${connections} connections`, runtime.url, meiliRequests, connections, duration));
    loadRuns.api.push(await run(`API, ${connections} connections`, api, apiRequests, connections, duration));
  }
  const mean = (list: Awaited<ReturnType<typeof run>>[], key: 'p50' | 'p90' | 'p99' | 'rps') => list.reduce((a, r) => a + r[key], 0) / list.length;
  const load = {
    api: { p50: mean(loadRuns.api, 'p50'), p90: mean(loadRuns.api, 'p90'), p99: mean(loadRuns.api, 'p99'), rps: mean(loadRuns.api, 'rps') },
    meili: { p50: mean(loadRuns.meili, 'p50'), p90: mean(loadRuns.meili, 'p90'), p99: mean(loadRuns.meili, 'p99'), rps: mean(loadRuns.meili, 'rps') },
  };
  const ratios = {
    p50: sequential.api.p50 / sequential.meili.p50,
    p50UnderLoad: load.api.p50 / load.meili.p50,
    throughput: load.api.rps / load.meili.rps,
  };
  const ms = (v: number) => `${v.toFixed(2).padStart(7)} ms`;
  const results = { sequential, load, loadRuns };
  process.stdout.write([
    `${documents} documents, ${QUERIES.length} queries, ${os.cpus().length} cores`,
    `one at a time (${rounds} rounds):`,
    `  Meilisearch  p50 ${ms(sequential.meili.p50)}  p90 ${ms(sequential.meili.p90)}  mean ${ms(sequential.meili.mean)}`,
    `  API          p50 ${ms(sequential.api.p50)}  p90 ${ms(sequential.api.p90)}  mean ${ms(sequential.api.mean)}`,
    `${connections} connections (${duration} s x 2 each, mean):`,
    `  Meilisearch  p50 ${ms(load.meili.p50)}  p99 ${ms(load.meili.p99)}  ${load.meili.rps.toFixed(0).padStart(6)} req/s`,
    `  API          p50 ${ms(load.api.p50)}  p99 ${ms(load.api.p99)}  ${load.api.rps.toFixed(0).padStart(6)} req/s`,
    `p50 latency ratio API/Meilisearch: ${ratios.p50.toFixed(2)} (target <= 1.3); under load ${ratios.p50UnderLoad.toFixed(2)}`,
    `throughput ratio at ${connections} connections: ${ratios.throughput.toFixed(2)} (target >= 0.7)`,
    '',
  ].join('\n'));
  const outDir = path.join(ROOT, 'bench/out');
  await fs.mkdir(outDir, { recursive: true });
  const file = path.join(outDir, `api-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  await fs.writeFile(file, `${JSON.stringify({ at: new Date().toISOString(), cpus: os.cpus().length, node: process.version, source, documents, queries: QUERIES, duration, connections, rounds, results, ratios }, null, 2)}\n`);
  process.stderr.write(`Written to ${path.relative(process.cwd(), file)}\n`);
} finally {
  await stopService();
}
