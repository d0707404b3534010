/**
 * `npm run bench:compare -- [--baseline-ref REF]... [--root DIR]... [--runs 7] [--corpus DIR] [--only start,extract]`
 *
 * Before/after in one run: the compiled build of this checkout against the same build of other
 * checkouts (`--root DIR`, a built project) or of git commits (`--baseline-ref cd0d2d7`: exported
 * with `git archive` into a temporary folder, its node_modules linked to ours, built by its own
 * `scripts/build.ts`). Runs alternate between the builds (the order reversed every round), so
 * neither side always meets a busier machine; figures are medians, printed with the load average.
 *
 * - start: from spawning `node <root>/scripts/launch.mjs api/main.js` (what `npm start` runs) to
 *   the first 200 of `/api/search?q=jraft`, on one indexed DATA_DIR shared by every build.
 * - extract: `node <root>/scripts/launch.mjs indexer/cli/extract-cli.js <corpus>` (what `npm run
 *   extract` runs) as a whole process, against the naive floor as its own process (remark-parse +
 *   GFM of every markdown file: `bench/naive-parse.mjs`, plain node, no transpiler); the records of
 *   every build must be byte-identical.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { findFreePort } from '../src/meili/find-free-port.ts';
import { ROOT } from './start-service.ts';
import { median, round } from './stats.ts';

const { values } = parseArgs({
  options: {
    'baseline-ref': { type: 'string', multiple: true, default: [] },
    root: { type: 'string', multiple: true, default: [] },
    runs: { type: 'string', default: '7' },
    corpus: { type: 'string', default: path.resolve(ROOT, '../shared/corpus/sofastack.tech') },
    only: { type: 'string', default: 'start,extract' },
  },
});
const corpus = path.resolve(values.corpus);
const runs = Number(values.runs);
const parts = new Set(values.only.split(','));
if (!existsSync(corpus) || !Number.isInteger(runs) || runs < 1) {
  process.stderr.write('usage: npm run bench:compare -- [--baseline-ref REF]... [--root DIR]... [--runs N] [--corpus DIR] [--only start,extract]\n');
  process.exit(2);
}
const log = (line: string) => process.stderr.write(`${line}\n`);
const load = () => os.loadavg().map((l) => l.toFixed(2)).join(' ');

/** A built copy of commit `ref` in a temporary folder (removed at the end). */
async function prepareRef(ref: string, scratch: string): Promise<string> {
  const dir = path.join(scratch, ref.replace(/[^\w.-]/g, '_'));
  await fs.mkdir(dir, { recursive: true });
  const archive = spawnSync('sh', ['-c', `git -C "${ROOT}" archive "${ref}" | tar -x -C "${dir}"`], { stdio: 'inherit' });
  if (archive.status !== 0) throw new Error(`git archive ${ref} failed`);
  await fs.symlink(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'));
  const build = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/build.ts'], { cwd: dir, stdio: ['ignore', 2, 2] });
  if (build.status !== 0) throw new Error(`the build of ${ref} failed`);
  return dir;
}

/** Wall time of a whole process in ms, and a digest of its stdout. */
function timeProcess(command: string, args: string[], cwd: string): Promise<{ ms: number; digest: string; lines: number }> {
  const started = performance.now();
  const child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'ignore'] });
  const hash = createHash('sha256');
  let lines = 0;
  child.stdout.on('data', (chunk: Buffer) => {
    hash.update(chunk);
    for (const byte of chunk) if (byte === 10) lines++;
  });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => (code === 0 ? resolve({ ms: performance.now() - started, digest: hash.digest('hex'), lines }) : reject(new Error(`${command} ${args.join(' ')} exited with ${code}`))));
  });
}

/** Spawn the service of `root`, time it to the first successful search, stop it. */
async function timeStart(root: string, env: Record<string, string>): Promise<number> {
  const port = await findFreePort();
  const started = performance.now();
  const child = spawn(process.execPath, [path.join(root, 'scripts', 'launch.mjs'), 'api/main.js'], { cwd: root, env: { ...process.env, ...env, PORT: String(port) }, stdio: ['ignore', 'ignore', 'ignore'] });
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`${root}: the service exited with ${child.exitCode} before answering`);
      if (performance.now() - started > 600_000) throw new Error(`${root}: no search answered within 10 minutes`);
      if (await fetch(`http://127.0.0.1:${port}/api/search?q=jraft`).then((res) => res.ok, () => false)) return performance.now() - started;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  } finally {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    if (child.exitCode === null) child.kill('SIGTERM');
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 30_000))]);
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
}

/** Rounds of `measure` over every name, alternating the order; medians per name. */
async function alternate(names: string[], measure: (name: string) => Promise<number>, label: string): Promise<Record<string, { medianMs: number; runsMs: number[] }>> {
  const times = Object.fromEntries(names.map((name) => [name, [] as number[]]));
  for (let round = 0; round < runs; round++) {
    for (const name of round % 2 ? [...names].reverse() : names) times[name]!.push(await measure(name));
    log(`${label} round ${round + 1}/${runs} (load ${load()}): ${names.map((name) => `${name} ${Math.round(times[name]!.at(-1)!)} ms`).join(', ')}`);
  }
  return Object.fromEntries(names.map((name) => [name, { medianMs: Math.round(median(times[name]!)), runsMs: times[name]!.map(Math.round) }]));
}

const scratch = await fs.mkdtemp(path.join(os.tmpdir(), 'weekly-faq-compare-'));
const result: Record<string, unknown> = { at: new Date().toISOString(), cpus: os.cpus().length, node: process.version, corpus, runs, loadBefore: load() };
try {
  const roots = new Map<string, string>();
  for (const ref of values['baseline-ref']) roots.set(ref, await prepareRef(ref, scratch));
  for (const root of values.root) roots.set(root, path.resolve(root));
  const build = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/build.ts'], { cwd: ROOT, stdio: ['ignore', 2, 2] });
  if (build.status !== 0) throw new Error('the build of this checkout failed');
  roots.set('this checkout', ROOT);
  const names = [...roots.keys()];
  log(`comparing ${names.join(' | ')} (${runs} runs each, load ${load()})`);

  if (parts.has('extract')) {
    const digests = new Map<string, string>();
    let records = 0;
    const measure = async (name: string) => {
      const run = name === 'naive parse'
        ? await timeProcess(process.execPath, [path.join(ROOT, 'bench', 'naive-parse.mjs'), corpus], ROOT)
        : await timeProcess(process.execPath, [path.join(roots.get(name)!, 'scripts', 'launch.mjs'), 'indexer/cli/extract-cli.js', corpus], roots.get(name)!);
      if (name !== 'naive parse') {
        if (digests.has(name) && digests.get(name) !== run.digest) throw new Error(`${name}: the records differ between two runs`);
        digests.set(name, run.digest);
        records = run.lines;
      }
      return run.ms;
    };
    for (const name of names) await measure(name); // warm the page cache, check the launchers
    const extract = await alternate([...names, 'naive parse'], measure, 'extract');
    const naive = extract['naive parse']!.medianMs;
    result.extract = {
      records,
      sameRecords: new Set(digests.values()).size === 1,
      medianMs: Object.fromEntries(Object.entries(extract).map(([name, r]) => [name, r.medianMs])),
      naiveOver: Object.fromEntries(names.map((name) => [name, round(naive / extract[name]!.medianMs, 2)])),
      runsMs: Object.fromEntries(Object.entries(extract).map(([name, r]) => [name, r.runsMs])),
    };
  }

  if (parts.has('start')) {
    const dataDir = await fs.mkdtemp(path.join(scratch, 'data-'));
    const env = { DATA_DIR: dataDir, WEEKLY_SOURCE: corpus, REINDEX_CRON: 'off', LOG_LEVEL: 'info', MEILI_URL: '', MEILI_MASTER_KEY: '', ADMIN_TOKEN: '' };
    log('indexing the corpus into the shared DATA_DIR');
    await timeStart(ROOT, env);
    const start = await alternate(names, (name) => timeStart(roots.get(name)!, env), 'warm start');
    result.warmStart = {
      medianMs: Object.fromEntries(Object.entries(start).map(([name, r]) => [name, r.medianMs])),
      runsMs: Object.fromEntries(Object.entries(start).map(([name, r]) => [name, r.runsMs])),
    };
  }
} finally {
  await fs.rm(scratch, { recursive: true, force: true });
}
result.loadAfter = load();
process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
const outDir = path.join(ROOT, 'bench', 'out');
await fs.mkdir(outDir, { recursive: true });
await fs.writeFile(path.join(outDir, `compare-${String(result.at).replace(/[:.]/g, '-')}.json`), `${JSON.stringify(result, null, 2)}\n`);
