/**
 * Where the compiled service's CPU goes under the bench searches, by Linux `perf` (CPU-time
 * sampling of every thread, with call chains): `node --cpu-prof` (`bench/profile-search.ts`)
 * samples the main thread only, on wall-clock ticks, so on a loaded machine it charges a
 * function for the time the thread waited to run again after it (a socket write that woke
 * Meilisearch), and it never sees V8's worker threads, where TurboFan compiles and the GC marks:
 * 18-28% of the service's CPU per search in the bench's first minutes (`bench/HISTORY.md`).
 * Prints the service's user/system CPU per search (from /proc, perf's own overhead included), the
 * share of each thread kind, and the main thread's samples by area (the first matching frame of
 * each call chain, in the order of `AREAS`).
 *
 *   npx tsx bench/perf-search.ts --data-dir <indexed> [--connections 32] [--warm-up 30] [--seconds 15] [--empty] [--root <built checkout>] [--top 30]
 *
 * `--top N`: the main thread's N functions with the most samples of their own (the frame a sample
 * is in), to see inside an area.
 *
 * Needs `perf` (Debian `linux-perf`) allowed to record this user's processes
 * (`/proc/sys/kernel/perf_event_paranoid` <= 2); the service runs with `--perf-basic-prof`, so
 * JavaScript frames have names.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { readProcessCpu } from './read-process-cpu.ts';
import { runSearchLoad, type LoadSearch } from './run-search-load.ts';
import { BENCH_QUERIES, toApiPath, toSearchParams } from './search-queries.ts';
import { ROOT, startService } from './start-service.ts';

/** Areas of the main thread, first match wins: a call chain's frames joined, tested in this order. */
const AREAS: [string, RegExp][] = [
  ['RegExp compilation', /RegExp::Compile|RegExpParser|JSRegExp::Initialize|LookupRegExp/],
  ['Intl.Segmenter (ICU)', /BreakEngine|BreakIterator/],
  ['GC on the main thread', /Heap::CollectGarbage|Scavenge|MinorGC|MarkCompact|IncrementalMarking/],
  ['JSON.parse', /JsonParse|JsonParser/],
  ['JSON.stringify', /JsonStringif/],
  ['HTTP server and middleware (node:http, the chain, the answer written)', /llhttp|Parser::Execute|parserOnHeadersComplete|parserOnIncoming|_http_server|_http_outgoing|_http_common/],
  ['search core (src/search)', /runSearchQa|understandQuery|getQueryProjects|findHighlights|decideHits|rankTermSet|planSearch|toSearchHit/],
  ['socket writes', /uv__write|writev|uv__try_write|DoTryWrite/],
  ['other work on a socket read (answers from Meilisearch, promise continuations)', /uv__read|OnUvRead/],
  ['event loop', /uv__io_poll|epoll/],
];

const { values } = parseArgs({ options: {
  'data-dir': { type: 'string' },
  source: { type: 'string', default: path.join(ROOT, '../shared/corpus/sofastack.tech') },
  root: { type: 'string' },
  connections: { type: 'string', default: '32' },
  'warm-up': { type: 'string', default: '30' },
  seconds: { type: 'string', default: '15' },
  empty: { type: 'boolean', default: false },
  top: { type: 'string', default: '0' },
} });
if (!values['data-dir']) {
  process.stderr.write('usage: npx tsx bench/perf-search.ts --data-dir DIR [--connections 32] [--warm-up 30] [--seconds 15] [--empty] [--root DIR]\n');
  process.exit(2);
}
const queries = values.empty ? BENCH_QUERIES.filter((query) => query.kind === 'empty' && !query.params.projects) : BENCH_QUERIES;
const searches: LoadSearch[] = queries.map((query) => {
  const req = { method: 'GET', path: toApiPath(toSearchParams(query.params)) };
  return { idle: [[req]], busy: [[req]] };
});
const data = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'weekly-faq-perf-')), 'perf.data');
const service = await startService({ source: values.source, dataDir: values['data-dir'], nodeFlags: ['--perf-basic-prof'], ...(values.root ? { root: values.root } : {}) });
let summary: { searches: number; rps: number; p50: number; user: number; system: number };
try {
  const connections = Number(values.connections);
  await runSearchLoad({ origin: service.url, searches, connections, seconds: Number(values['warm-up']) });
  const perf = spawn('perf', ['record', '-F', '1999', '-g', '-o', data, '-p', String(service.pid)], { stdio: ['ignore', 'ignore', 'inherit'] });
  await new Promise((resolve) => setTimeout(resolve, 500));
  const before = readProcessCpu(service.pid);
  const load = await runSearchLoad({ origin: service.url, searches, connections, seconds: Number(values.seconds) });
  const after = readProcessCpu(service.pid);
  perf.kill('SIGINT');
  await new Promise((resolve) => perf.once('exit', resolve));
  const done = load.rps * Number(values.seconds);
  summary = { searches: Math.round(done), rps: load.rps, p50: load.p50, user: (after.user - before.user) / done, system: (after.system - before.system) / done };
} finally {
  await service.stop();
}
const script = spawnSync('perf', ['script', '-i', data, '-F', 'tid,ip,sym'], { encoding: 'utf8', maxBuffer: 1 << 30 });
fs.rmSync(path.dirname(data), { recursive: true, force: true });
const chains = script.stdout.split('\n\n').filter((chain) => chain.trim());
const byThread = new Map<string, { samples: number; compiler: number; gc: number }>();
const areas = new Map<string, number>();
const selfSamples = new Map<string, number>();
let mainSamples = 0;
for (const chain of chains) {
  const tid = chain.trimStart().split(/\s+/, 1)[0]!;
  const thread = byThread.get(tid) ?? { samples: 0, compiler: 0, gc: 0 };
  thread.samples += 1;
  // the first line names the thread, the next one the frame the sample is in
  const top = chain.split('\n')[1] ?? '';
  if (/compiler::|Turbofan|Maglev|wasm::/.test(top)) thread.compiler += 1;
  else if (/Scaveng|Marking|Sweep|Evacuat|Heap::|HeapObject|MemoryChunk|BodyDescriptor/.test(top)) thread.gc += 1;
  byThread.set(tid, thread);
  if (tid !== String(service.pid)) continue;
  mainSamples += 1;
  const frame = top.trim().replace(/^[0-9a-f]+\s+/, '').replace(/\+0x[0-9a-f]+$/, '');
  selfSamples.set(frame, (selfSamples.get(frame) ?? 0) + 1);
  const area = AREAS.find(([, pattern]) => pattern.test(chain))?.[0] ?? 'other';
  areas.set(area, (areas.get(area) ?? 0) + 1);
}
const total = chains.length;
const print = (line: string) => process.stdout.write(`${line}\n`);
const percent = (n: number, of: number) => `${((100 * n) / Math.max(1, of)).toFixed(1).padStart(5)}%`;
print(`${summary.searches} searches, ${summary.rps.toFixed(1)}/s, p50 ${summary.p50.toFixed(1)} ms at ${values.connections} connections; service CPU per search (under perf): user ${summary.user.toFixed(2)} ms, system ${summary.system.toFixed(2)} ms; load ${os.loadavg()[0]!.toFixed(1)}`);
print(`\n## threads (${total} samples)`);
const workers = [...byThread.entries()].filter(([tid]) => tid !== String(service.pid)).map(([, thread]) => thread);
const sum = (key: 'samples' | 'compiler' | 'gc') => workers.reduce((n, thread) => n + thread[key], 0);
print(`${percent(mainSamples, total)}  main thread`);
print(`${percent(sum('samples'), total)}  V8 worker threads: compiling ${percent(sum('compiler'), total).trim()}, GC ${percent(sum('gc'), total).trim()}, other ${percent(sum('samples') - sum('compiler') - sum('gc'), total).trim()}`);
print(`\n## main thread by area (${mainSamples} samples, ~${((mainSamples / Math.max(1, summary.searches)) / 1.999).toFixed(2)} ms per search)`);
for (const [area, n] of [...areas.entries()].sort((a, b) => b[1] - a[1])) print(`${percent(n, mainSamples)}  ${area}`);
const topCount = Number(values.top);
if (topCount > 0) {
  print(`\n## main thread, the ${topCount} functions with most self samples`);
  for (const [frame, n] of [...selfSamples.entries()].sort((a, b) => b[1] - a[1]).slice(0, topCount)) print(`${percent(n, mainSamples)}  ${frame}`);
}
