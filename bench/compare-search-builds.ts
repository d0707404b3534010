/**
 * Search before/after in one run: the compiled service of this checkout and of other built
 * checkouts (`--root DIR`, e.g. a `git archive` of the baseline commit built with its own
 * `scripts/build.ts`), each on its own copy of one indexed DATA_DIR, measured in alternating
 * rounds with the same load generator as `npm run bench` (bench/run-search-load.ts):
 * the API against the exact replay of its Meilisearch requests, at each concurrency and for the
 * empty query alone, plus the service's own CPU per search (user + system time of its process,
 * from /proc, over the API's runs: the figure the throughput ratio depends on, and the least
 * sensitive to a loaded machine). Figures are medians over the rounds; ratios are taken within
 * a round.
 *
 *   npx tsx bench/compare-search-builds.ts --data-dir /tmp/indexed --root /tmp/base [--rounds 5] [--seconds 6] [--connections 1,32] [--warm-up 2]
 *
 * `--data-dir`: a DATA_DIR indexed by an earlier start (copied per build, never modified).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { prepareSearchRequests } from './measure-search.ts';
import { runSearchLoad, type LoadFigures, type LoadSearch } from './run-search-load.ts';
import { BENCH_QUERIES } from './search-queries.ts';
import { ROOT, copyIndexedDataDir, startService, type BenchService } from './start-service.ts';
import { readProcessCpuMs } from './read-process-cpu.ts';
import { median, round } from './stats.ts';

const { values } = parseArgs({
  options: {
    root: { type: 'string', multiple: true, default: [] },
    'data-dir': { type: 'string' },
    source: { type: 'string', default: path.resolve(ROOT, '../shared/corpus/sofastack.tech') },
    rounds: { type: 'string', default: '5' },
    seconds: { type: 'string', default: '6' },
    connections: { type: 'string', default: '1,32' },
    'warm-up': { type: 'string', default: '2' },
  },
});
if (!values['data-dir'] || values.root.length === 0) {
  process.stderr.write('usage: npx tsx bench/compare-search-builds.ts --data-dir DIR --root DIR... [--rounds 5] [--seconds 6] [--connections 1,32]\n');
  process.exit(2);
}
const rounds = Number(values.rounds);
const seconds = Number(values.seconds);
const levels = values.connections.split(',').map(Number);
const warmUp = Number(values['warm-up']);
const log = (line: string) => process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${line}\n`);


interface Build {
  name: string;
  service: BenchService;
  searches: { api: LoadSearch[]; meiliReplay: LoadSearch[] };
  empty: { api: LoadSearch[]; meiliReplay: LoadSearch[] };
  rows: Map<string, { api: LoadFigures; replay: LoadFigures; cpu: number }[]>;
}

const builds: Build[] = [];
const copies: string[] = [];
try {
  for (const root of [ROOT, ...values.root.map((r) => path.resolve(r))]) {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'weekly-faq-ab-'));
    copies.push(dataDir);
    copyIndexedDataDir(values['data-dir'], dataDir);
    log(`starting ${root}`);
    const service = await startService({ source: values.source, dataDir, root });
    const endpoints = { apiUrl: service.url, meiliUrl: service.meiliUrl, searchKey: service.searchKey };
    const prepared = await prepareSearchRequests(endpoints, undefined, root === ROOT ? {} : {
      onDisagreement: (apiPath) => log(`${root} ranks ${apiPath} otherwise than this checkout: its replay is this checkout's requests for it`),
    });
    const emptyAt = BENCH_QUERIES.findIndex((q) => !q.params.q && !q.params.projects?.length && !q.params.years?.length);
    builds.push({
      name: root === ROOT ? 'this checkout' : root, service,
      searches: prepared.searches,
      empty: { api: [prepared.searches.api[emptyAt]!], meiliReplay: [prepared.searches.meiliReplay[emptyAt]!] },
      rows: new Map(),
    });
  }
  for (const build of builds) {
    for (const [target, origin] of [['api', build.service.url], ['meiliReplay', build.service.meiliUrl]] as const) {
      await runSearchLoad({ origin, searches: build.searches[target], connections: 4, seconds: 2 }); // warm-up
    }
  }
  const cases = [...levels.map((c) => ({ key: `${c} connections`, connections: c, empty: false })), { key: 'empty query, 1 connection', connections: 1, empty: true }];
  for (let r = 0; r < rounds; r++) {
    for (const c of cases) {
      const order = r % 2 ? [...builds].reverse() : builds;
      for (const build of order) {
        const set = c.empty ? build.empty : build.searches;
        // Each build is warmed on the case's own searches right before its figures are taken: the
        // one measured second in a round sat idle through the other's runs. The second often still
        // comes out 1-5 ms of CPU per search dearer (2026-11-30, load 2-7, with and without the
        // warm-up): read the per-round lines, not only the medians.
        if (warmUp > 0) await runSearchLoad({ origin: build.service.url, searches: set.api, connections: c.connections, seconds: warmUp });
        const before = readProcessCpuMs(build.service.pid);
        const api = await runSearchLoad({ origin: build.service.url, searches: set.api, connections: c.connections, seconds });
        const cpu = (readProcessCpuMs(build.service.pid) - before) / (api.rps * seconds);
        const replay = await runSearchLoad({ origin: build.service.meiliUrl, searches: set.meiliReplay, connections: c.connections, seconds });
        build.rows.set(c.key, [...(build.rows.get(c.key) ?? []), { api, replay, cpu }]);
        log(`round ${r + 1}/${rounds}, ${c.key}, ${build.name}: API p50 ${api.p50.toFixed(1)} ms ${api.rps.toFixed(1)}/s, replay p50 ${replay.p50.toFixed(1)} ms ${replay.rps.toFixed(1)}/s, service CPU ${cpu.toFixed(2)} ms/search (load ${os.loadavg()[0]!.toFixed(1)})`);
      }
    }
  }
  const lines = ['| case | build | API p50 | replay p50 | p50 ratio | API/s | replay/s | throughput ratio | service CPU per search |', '| --- | --- | --- | --- | --- | --- | --- | --- | --- |'];
  for (const c of cases) {
    for (const build of builds) {
      const rows = build.rows.get(c.key) ?? [];
      const m = (f: (row: (typeof rows)[number]) => number, digits = 2) => round(median(rows.map(f)), digits);
      lines.push(`| ${c.key} | ${build.name} | ${m((x) => x.api.p50, 1)} ms | ${m((x) => x.replay.p50, 1)} ms | **${m((x) => x.api.p50 / x.replay.p50)}x** | ${m((x) => x.api.rps, 1)} | ${m((x) => x.replay.rps, 1)} | **${m((x) => x.api.rps / x.replay.rps)}x** | ${m((x) => x.cpu)} ms |`);
    }
  }
  process.stdout.write(`${rounds} rounds of ${seconds} s, load average at the end ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}\n\n${lines.join('\n')}\n`);
} finally {
  for (const build of builds) await build.service.stop();
  for (const dir of copies) fs.rmSync(dir, { recursive: true, force: true });
}
