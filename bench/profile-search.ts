/**
 * The API's CPU per search, from a profile: restart the compiled service under `--cpu-prof` on
 * DATA_DIR (indexed at the first run), load it with the bench searches, and print its busy CPU
 * per search, the self time per module and function, and the inclusive time of the project's own
 * functions (what a search spends in each step, callees included).
 *
 *   npx tsx bench/profile-search.ts [--data-dir /tmp/weekly-faq-profile] [--connections 8] [--seconds 10] [--top 30]
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { runSearchLoad, type LoadSearch } from './run-search-load.ts';
import { BENCH_QUERIES, toApiPath, toSearchParams } from './search-queries.ts';
import { ROOT, startService } from './start-service.ts';
import { profileClockUs, resolveSourceMaps, summarizeCpuProfile, moduleOf, type CpuProfile } from './summarize-cpu-profile.ts';

/** Inclusive (callees included) time per project function within [fromUs, toUs), ms. */
function inclusiveProjectTimes(profile: CpuProfile, fromUs: number, toUs: number): { name: string; ms: number }[] {
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const totals = new Map<string, number>();
  let at = profile.startTime;
  for (let i = 0; i < profile.samples.length; i++) {
    at += profile.timeDeltas[i] ?? 0;
    if (at < fromUs || at >= toUs) continue;
    const us = Math.max(0, profile.timeDeltas[i + 1] ?? 0);
    const seen = new Set<string>();
    for (let id: number | undefined = profile.samples[i]; id !== undefined; id = parent.get(id)) {
      const frame = byId.get(id)?.callFrame;
      if (!frame) continue;
      const module = moduleOf(frame.url, frame.functionName, ROOT);
      const project = /^(api|src|web|indexer)\//.test(module);
      const key = project ? `${frame.functionName || '(anonymous)'} ${module}:${frame.lineNumber + 1}` : module.startsWith('node:') || module.startsWith('(') ? '' : `[${module}]`;
      if (!key || seen.has(key)) continue;
      seen.add(key);
      totals.set(key, (totals.get(key) ?? 0) + us);
    }
  }
  return [...totals.entries()].map(([name, us]) => ({ name, ms: Math.round(us / 100) / 10 })).sort((a, b) => b.ms - a.ms);
}

const { values } = parseArgs({ options: {
  'data-dir': { type: 'string', default: '/tmp/weekly-faq-profile' },
  source: { type: 'string', default: path.join(ROOT, '../shared/corpus/sofastack.tech') },
  connections: { type: 'string', default: '8' },
  seconds: { type: 'string', default: '10' },
  top: { type: 'string', default: '30' },
  empty: { type: 'boolean', default: false },
} });
const dir = path.join(ROOT, 'bench', 'out', 'profile-search');
await fs.rm(dir, { recursive: true, force: true });
await fs.mkdir(dir, { recursive: true });
await fs.mkdir(values['data-dir'], { recursive: true });
const queries = values.empty ? BENCH_QUERIES.filter((query) => query.kind === 'empty' && !query.params.projects) : BENCH_QUERIES;
const searches: LoadSearch[] = queries.map((query) => {
  const req = { method: 'GET', path: toApiPath(toSearchParams(query.params)) };
  return { idle: [[req]], busy: [[req]] };
});
const service = await startService({ source: values.source, dataDir: values['data-dir'], nodeFlags: ['--cpu-prof', '--cpu-prof-dir', dir], stderr: 'inherit' });
let fromUs = 0;
let toUs = 0;
let load;
try {
  await runSearchLoad({ origin: service.url, searches, connections: 4, seconds: 3 });
  fromUs = profileClockUs();
  load = await runSearchLoad({ origin: service.url, searches, connections: Number(values.connections), seconds: Number(values.seconds) });
  toUs = profileClockUs();
} finally {
  await service.stop();
}
const file = (await fs.readdir(dir)).filter((name) => name.endsWith('.cpuprofile') && name.split('.')[3] === String(service.pid))[0];
if (!file) throw new Error(`no profile of pid ${service.pid} in ${dir}`);
const profile = await resolveSourceMaps(JSON.parse(await fs.readFile(path.join(dir, file), 'utf8')) as CpuProfile);
const summary = summarizeCpuProfile(profile, { root: ROOT, fromUs, toUs, top: Number(values.top) });
const searchesDone = load.rps * Number(values.seconds);
const print = (line: string) => process.stdout.write(`${line}\n`);
print(`load: ${load.rps} searches/s, p50 ${load.p50} ms; profiled ${summary.totalMs} ms, busy ${summary.busyMs} ms, GC ${summary.gcMs} ms`);
print(`CPU per search: ${(summary.busyMs / searchesDone).toFixed(2)} ms (${Math.round(searchesDone)} searches)`);
print('\n## by area');
for (const c of summary.byCategory) print(`${c.selfMs.toFixed(0).padStart(7)} ${c.percent.toFixed(1).padStart(5)}%  ${c.name}`);
print('\n## by module (self)');
for (const m of summary.byModule) print(`${m.selfMs.toFixed(0).padStart(7)} ${m.percent.toFixed(1).padStart(5)}%  ${m.name}`);
print('\n## by function (self)');
for (const f of summary.topFunctions) print(`${f.selfMs.toFixed(0).padStart(7)} ${f.percent.toFixed(1).padStart(5)}%  ${f.name}  ${f.location}`);
print('\n## inclusive: project functions and packages');
for (const f of inclusiveProjectTimes(profile, fromUs, toUs).slice(0, Number(values.top) * 2)) print(`${f.ms.toFixed(0).padStart(7)} ${(f.ms / searchesDone).toFixed(2).padStart(6)} ms/search  ${f.name}`);
