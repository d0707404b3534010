/**
 * How far below issue 13's search goals the least possible service sits: the API and two
 * floors against the exact replay of the API's Meilisearch requests, side by side in alternating
 * rounds, with the same load generator as `npm run bench`.
 *
 * - `api`: the compiled service (`GET /api/search`, production defaults: info logging, the rate
 *   limiter on; its listing cache off, as in the bench).
 * - `floor, node:http`: a bare `node:http` server that sends the same recorded requests to
 *   Meilisearch, parses their answers and writes the API's recorded answer: one more HTTP hop
 *   and the JSON, no routing, middleware or relevance work (bench/service-floor-server.mjs).
 * - `floor, Express`: the same handler behind `express()` with no middleware: Express itself,
 *   which the design fixes.
 * - `exact replay`: the load generator sends the recorded requests to Meilisearch itself.
 *
 * The goals are read on API / replay (p50 <= 1.15 at 1 connection, throughput >= 0.9 at 32, the
 * empty query <= 1.3); a floor's ratio is what any service in between pays on this machine.
 *
 *   npx tsx bench/measure-service-floor.ts --data-dir <indexed DATA_DIR> [--rounds 3] [--seconds 10] [--connections 1,32]
 *
 * `BENCH_NODE=<node binary>` runs the service and the floors on another Node line (e.g. the image's 24).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { once } from 'node:events';
import { parseArgs } from 'node:util';
import { prepareSearchRequests } from './measure-search.ts';
import { runSearchLoad, type LoadFigures, type LoadSearch } from './run-search-load.ts';
import { BENCH_QUERIES } from './search-queries.ts';
import { ROOT, copyIndexedDataDir, startService } from './start-service.ts';
import { readProcessCpuMs } from './read-process-cpu.ts';
import { median, round } from './stats.ts';

const { values } = parseArgs({
  options: {
    'data-dir': { type: 'string' },
    source: { type: 'string', default: path.resolve(ROOT, '../shared/corpus/sofastack.tech') },
    rounds: { type: 'string', default: '3' },
    seconds: { type: 'string', default: '10' },
    connections: { type: 'string', default: '1,32' },
  },
});
if (!values['data-dir']) {
  process.stderr.write('usage: npx tsx bench/measure-service-floor.ts --data-dir DIR [--rounds 3] [--seconds 10] [--connections 1,32]\n');
  process.exit(2);
}
const rounds = Number(values.rounds);
const seconds = Number(values.seconds);
const log = (line: string) => process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${line}\n`);

const TARGETS = ['api', 'floor, node:http', 'floor, Express', 'exact replay'] as const;
type Target = (typeof TARGETS)[number];
/** A target's figures in one round, with CPU per search (ms): of the process in between (0 for the replay) and of Meilisearch. */
type Figures = LoadFigures & { cpu: number; meiliCpu: number };


async function startFloor(specFile: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.env.BENCH_NODE || process.execPath, [path.join(ROOT, 'bench/service-floor-server.mjs'), specFile], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  const [chunk] = (await once(child.stdout!, 'data')) as [Buffer];
  const port = /listening (\d+)/.exec(chunk.toString())?.[1];
  if (!port) throw new Error(`the floor server said: ${chunk.toString()}`);
  return { child, url: `http://127.0.0.1:${port}` };
}

const dataDir = copyIndexedDataDir(values['data-dir'], fs.mkdtempSync(path.join(os.tmpdir(), 'weekly-faq-floor-')));
const service = await startService({ source: values.source, dataDir });
const floors: ChildProcess[] = [];
try {
  const prepared = await prepareSearchRequests({ apiUrl: service.url, meiliUrl: service.meiliUrl, searchKey: service.searchKey });
  const replay = prepared.searches.meiliReplay;
  const apiPaths = prepared.searches.api.map((search) => search.idle[0]![0]!.path);
  const answers = await Promise.all(apiPaths.map(async (p) => (await fetch(`${service.url}${p}`)).text()));
  const origins = {} as Record<Target, string>;
  const pids = { api: service.pid, 'exact replay': null } as Record<Target, number | null>;
  for (const framework of ['node', 'express'] as const) {
    const specFile = path.join(dataDir, `floor-${framework}.json`);
    fs.writeFileSync(specFile, JSON.stringify({ meiliUrl: service.meiliUrl, framework, searches: replay.map((r, i) => ({ ...r, answer: answers[i] })) }));
    const floor = await startFloor(specFile);
    floors.push(floor.child);
    origins[framework === 'node' ? 'floor, node:http' : 'floor, Express'] = floor.url;
    pids[framework === 'node' ? 'floor, node:http' : 'floor, Express'] = floor.child.pid ?? null;
  }
  origins.api = service.url;
  origins['exact replay'] = service.meiliUrl;
  const floorSearches: LoadSearch[] = replay.map((_, i) => ({ idle: [[{ method: 'GET', path: `/floor/${i}` }]], busy: [[{ method: 'GET', path: `/floor/${i}` }]] }));
  const searchesOf = (target: Target): LoadSearch[] => (target === 'api' ? prepared.searches.api : target === 'exact replay' ? replay : floorSearches);
  const emptyAt = BENCH_QUERIES.findIndex((q) => !q.params.q && !q.params.projects?.length && !q.params.years?.length);

  const cases = [...values.connections.split(',').map((c) => ({ key: `${c} connections`, connections: Number(c), only: null as number | null })), { key: 'empty query, 1 connection', connections: 1, only: emptyAt }];
  for (const target of TARGETS) await runSearchLoad({ origin: origins[target], searches: searchesOf(target), connections: 4, seconds: 3 }); // warm-up
  const figures = new Map<string, Record<Target, Figures>[]>();
  for (let r = 0; r < rounds; r++) {
    for (const c of cases) {
      const row = {} as Record<Target, Figures>;
      for (let t = 0; t < TARGETS.length; t++) {
        const target = TARGETS[(t + r) % TARGETS.length]!;
        const all = searchesOf(target);
        const before = [readProcessCpuMs(pids[target]), readProcessCpuMs(service.meiliPid)];
        const load = await runSearchLoad({ origin: origins[target], searches: c.only === null ? all : [all[c.only]!], connections: c.connections, seconds });
        const searches = load.rps * seconds;
        row[target] = { ...load, cpu: (readProcessCpuMs(pids[target]) - before[0]!) / searches, meiliCpu: (readProcessCpuMs(service.meiliPid) - before[1]!) / searches };
      }
      figures.set(c.key, [...(figures.get(c.key) ?? []), row]);
      log(`round ${r + 1}/${rounds}, ${c.key}: ${TARGETS.map((t) => `${t} p50 ${row[t].p50.toFixed(2)} ms ${row[t].rps.toFixed(0)}/s`).join('; ')} (load ${os.loadavg()[0]!.toFixed(1)})`);
    }
  }
  const lines = ['| case | target | p50 | searches/s | p50 / replay | throughput / replay | CPU per search: in between | Meilisearch |', '| --- | --- | --- | --- | --- | --- | --- | --- |'];
  for (const c of cases) {
    const rows = figures.get(c.key)!;
    for (const target of TARGETS) {
      const m = (f: (row: Record<Target, Figures>) => number, digits = 2) => round(median(rows.map(f)), digits);
      const ratios = target === 'exact replay' ? '| 1 | 1 |' : `| **${m((x) => x[target].p50 / x['exact replay'].p50)}x** | **${m((x) => x[target].rps / x['exact replay'].rps)}x** |`;
      lines.push(`| ${c.key} | ${target} | ${m((x) => x[target].p50)} ms | ${m((x) => x[target].rps, 1)} ${ratios} ${m((x) => x[target].cpu)} ms | ${m((x) => x[target].meiliCpu)} ms |`);
    }
  }
  process.stdout.write(`${rounds} rounds of ${seconds} s per target, rotating order; medians of the per-round ratios; load average at the end ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}\n\n${lines.join('\n')}\n`);
} finally {
  for (const child of floors) child.kill('SIGTERM');
  await service.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
