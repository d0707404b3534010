/**
 * CPU per search, this checkout against other built checkouts, in one run: each build's compiled
 * service on its own copy of one indexed DATA_DIR, sent the same fixed number of searches (the
 * bench searches, `bench/search-queries.ts`, cycled), in alternating rounds; the user + system
 * time of the service process and of its Meilisearch from /proc, before and after, per search.
 * On a loaded machine wall time says little; CPU time counts only the work done, so it is the
 * A/B figure for changes to what a search costs (and the service's CPU per search is what the
 * throughput ratio at 32 connections hangs on: both share the cores).
 *
 *   npx tsx bench/measure-search-cpu.ts --data-dir /tmp/indexed --root /tmp/base [--rounds 5] [--cycles 20] [--connections 1,32] [--node /path/to/node24]
 *
 * `--data-dir`: a DATA_DIR indexed by an earlier start (copied per build, never modified).
 * `--node`: this checkout once more, run by that node binary (e.g. `npx -y -p node@24 which node`).
 * Cases: every bench search (`all`) at each concurrency, and the empty query alone at 1.
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { BENCH_QUERIES, toApiPath, toSearchParams } from './search-queries.ts';
import { ROOT, copyIndexedDataDir, startService, type BenchService } from './start-service.ts';
import { readProcessCpuMs } from './read-process-cpu.ts';
import { median, round } from './stats.ts';

const { values } = parseArgs({
  options: {
    root: { type: 'string', multiple: true, default: [] },
    'data-dir': { type: 'string' },
    source: { type: 'string', default: path.resolve(ROOT, '../shared/corpus/sofastack.tech') },
    rounds: { type: 'string', default: '5' },
    cycles: { type: 'string', default: '20' },
    connections: { type: 'string', default: '1,32' },
    node: { type: 'string', multiple: true, default: [] },
  },
});
if (!values['data-dir']) {
  process.stderr.write('usage: npx tsx bench/measure-search-cpu.ts --data-dir DIR [--root DIR]... [--rounds 5] [--cycles 20] [--connections 1,32] [--node PATH]\n');
  process.exit(2);
}
const rounds = Number(values.rounds);
const cycles = Number(values.cycles);
const levels = values.connections.split(',').map(Number);
const log = (line: string) => process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${line}\n`);


/**
 * GET each of `paths` on `connections` loops until all are sent; the count of answers other
 * than 200 (a 503 when an overloaded machine makes Meilisearch miss the service's timeout: the
 * run goes on, the count is reported beside the figures).
 */
async function sendAll(origin: string, paths: readonly string[], connections: number): Promise<number> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });
  let next = 0;
  let failed = 0;
  const get = (p: string) => new Promise<void>((resolve, reject) => {
    http.get(`${origin}${p}`, { agent }, (res) => {
      res.resume();
      res.on('end', () => {
        if (res.statusCode !== 200) failed += 1;
        resolve();
      });
    }).on('error', reject);
  });
  const loop = async () => {
    while (next < paths.length) await get(paths[next++]!);
  };
  try {
    await Promise.all(Array.from({ length: connections }, loop));
  } finally {
    agent.destroy();
  }
  return failed;
}

const allPaths = BENCH_QUERIES.map((query) => toApiPath(toSearchParams(query.params)));
const emptyPath = toApiPath(toSearchParams({ q: '' }));
const cases = [
  ...levels.map((connections) => ({ key: `all, ${connections} conn`, connections, paths: Array.from({ length: cycles }, () => allPaths).flat() })),
  { key: 'empty query, 1 conn', connections: 1, paths: Array.from({ length: cycles * 10 }, () => emptyPath) },
];

interface Build { name: string; service: BenchService; rows: Map<string, { api: number; meili: number; failed: number }[]> }
const builds: Build[] = [];
const copies: string[] = [];
try {
  const runs = [
    { root: ROOT, node: undefined as string | undefined },
    ...values.root.map((r) => ({ root: path.resolve(r), node: undefined })),
    ...values.node.map((node) => ({ root: ROOT, node })),
  ];
  for (const { root, node } of runs) {
    // beside the indexed one: each helper's temporary files stay under its own prefix
    const dataDir = fs.mkdtempSync(`${path.resolve(values['data-dir'])}-cpu-`);
    copies.push(dataDir);
    copyIndexedDataDir(values['data-dir'], dataDir);
    log(`starting ${root}${node ? ` on ${node}` : ''}`);
    const service = await startService({ source: values.source, dataDir, root, ...(node ? { node } : {}) });
    // startService runs BENCH_NODE when no node is given: the label says which ran
    const ranOn = node ?? process.env.BENCH_NODE;
    builds.push({ name: `${root === ROOT ? 'this checkout' : root}${ranOn ? ` (${ranOn})` : ''}`, service, rows: new Map() });
  }
  // warm-up: JIT and Meilisearch's caches
  for (const build of builds) for (const c of cases) await sendAll(build.service.url, c.paths.slice(0, 3 * allPaths.length), c.connections);
  for (let r = 0; r < rounds; r++) {
    for (const c of cases) {
      for (const build of r % 2 ? [...builds].reverse() : builds) {
        const { pid, meiliPid } = build.service;
        const [api0, meili0] = [readProcessCpuMs(pid), readProcessCpuMs(meiliPid)];
        const failed = await sendAll(build.service.url, c.paths, c.connections);
        const row = { api: (readProcessCpuMs(pid) - api0) / c.paths.length, meili: (readProcessCpuMs(meiliPid) - meili0) / c.paths.length, failed };
        build.rows.set(c.key, [...(build.rows.get(c.key) ?? []), row]);
        log(`round ${r + 1}/${rounds}, ${c.key}, ${build.name}: service ${row.api.toFixed(2)} ms/search, Meilisearch ${row.meili.toFixed(2)} ms/search${failed ? `, ${failed} not 200` : ''} (load ${os.loadavg()[0]!.toFixed(1)})`);
      }
    }
  }
  const lines = ['| case | build | service CPU per search | Meilisearch CPU per search | answers not 200 |', '| --- | --- | --- | --- | --- |'];
  for (const c of cases) {
    for (const build of builds) {
      const rows = build.rows.get(c.key) ?? [];
      lines.push(`| ${c.key} (${c.paths.length} searches) | ${build.name} | **${round(median(rows.map((x) => x.api)))} ms** | ${round(median(rows.map((x) => x.meili)))} ms | ${rows.reduce((sum, x) => sum + x.failed, 0)} |`);
    }
  }
  process.stdout.write(`${rounds} rounds, medians; load average at the end ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}\n\n${lines.join('\n')}\n`);
} finally {
  for (const build of builds) await build.service.stop();
  for (const dir of copies) fs.rmSync(dir, { recursive: true, force: true });
}
