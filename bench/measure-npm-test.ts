// `npm test` timed as CI runs it: wall time, the CPU of every process it starts (read from /proc
// while it runs: /usr/bin/time misses processes orphaned on the way, such as Chromium's
// renderers), the load around it, and its steps' closing lines. With --against, runs alternate
// between this checkout and another one (e.g. main's), so that two versions are compared on a
// machine whose load changes; medians at the end. Asserts nothing.
//
//   node --import tsx bench/measure-npm-test.ts [--runs N] [--against DIR] [--hogs N] [--by-kind] [-- tests/a.test.ts ...]
//
// Each run starts as on a fresh clone: dist/ and the type check's incremental caches removed.
// --hogs N: N busy loops (`node -e 'for(;;);'`) beside every run, the loaded machine of issue 13.
// --by-kind: also where each run's CPU went, by kind of process (Chromium, Meilisearch, test
// processes, services, CLIs...) and by test file (each file's process and its children, with
// when it started and ended in the run), to find what to cut.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const TICKS_PER_SECOND = 100;

interface Run {
  label: string;
  wallS: number;
  cpuS: number;
  exit: number | null;
  loadBefore: number;
  loadAfter: number;
  steps: string[];
  /** CPU seconds by kind of process (see getKind). */
  byKind: Map<string, number>;
  /** Per test file (or shared-process group): CPU of its process and descendants, first and last seen (s into the run). */
  byFile: Map<string, { cpuS: number; firstS: number; lastS: number }>;
}

function option(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

/** pid -> [parent pid, CPU seconds so far] of every process. */
function readProcesses(): Map<number, [number, number]> {
  const processes = new Map<number, [number, number]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      // fields after the command name: ppid is the 2nd, utime the 12th, stime the 13th
      const fields = readFileSync(`/proc/${name}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
      processes.set(Number(name), [Number(fields[1]), (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND]);
    } catch {
      // gone meanwhile
    }
  }
  return processes;
}

function readCommandLine(pid: number): string[] {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
  } catch {
    return [];
  }
}

/** The test file (or shared-process group entry) a process runs, if it is a test process. */
function getTestFile(argv: string[]): string | null {
  if (argv.includes('--test')) return null; // the `node --test` parent, not a file's process
  const file = argv.find((arg) => /\.test\.(ts|mjs)$/.test(arg));
  return file ? path.basename(file) : null;
}

/** What kind of process a command line is, for the CPU breakdown. */
function getKind(argv: string[]): string {
  const command = argv.join(' ');
  // Debian's /usr/bin/chromium is a shell script: its browser process keeps `/bin/sh /usr/bin/chromium ...`
  if (/chrom(e|ium)/.test(argv[0] ?? '') || (/\bsh$/.test(argv[0] ?? '') && /chrom(e|ium)/.test(argv[1] ?? ''))) {
    const type = /--type=([\w-]+)/.exec(command)?.[1];
    const utility = /--utility-sub-type=([\w.]+)/.exec(command)?.[1];
    return `Chromium ${type ? `${type}${utility ? ` ${utility.replace(/^.*\./, '')}` : ''}` : 'browser'}`;
  }
  if (/meilisearch/.test(argv[0] ?? '')) return 'Meilisearch';
  if (/meili-watchdog/.test(command)) return 'Meilisearch watchdog';
  if (/tsgo/.test(command)) return 'type check';
  if (/launch\.mjs --build/.test(command)) return 'dist/ build';
  if (/api\/main\.js|npm start|npm-cli\.js start/.test(command)) return 'service child';
  if (/-cli\.js|npm-cli\.js run (extract|index)/.test(command)) return 'CLI child';
  if (/run-tests\.ts/.test(command)) return 'runner';
  if (argv.includes('--test')) return 'node --test parent';
  if (getTestFile(argv)) return /group-\d+\.test\.mjs$/.test(command) ? 'shared test processes' : 'test processes';
  if (/haproxy/.test(argv[0] ?? '')) return 'haproxy';
  if (/\bgit\b/.test(argv[0] ?? '')) return 'git';
  if (/npm/.test(command)) return 'npm';
  if (/esbuild/.test(command)) return 'esbuild';
  return `other (${command.slice(0, 80)})`;
}

/** One `npm test` in `dir`, from a clean dist/ and type-check cache; its output goes to `log`. */
async function runNpmTest(label: string, dir: string, log: string): Promise<Run> {
  if (!files.length) {
    await fs.rm(path.join(dir, 'dist'), { recursive: true, force: true });
    for (const cache of ['weekly-faq-tsc-test.tsbuildinfo', 'weekly-faq-tsgo-test.tsbuildinfo']) await fs.rm(path.join(dir, 'node_modules', '.cache', cache), { force: true });
  }
  const loadBefore = os.loadavg()[0]!;
  const started = Date.now();
  const out = await fs.open(log, 'w');
  const child = spawn('npm', ['test', ...(files.length ? ['--', ...files] : [])], { cwd: dir, env: { ...process.env, CI: 'true' }, stdio: ['ignore', out.fd, out.fd] });
  const exited = new Promise<number | null>((resolve) => child.once('close', (code) => resolve(code)));
  // every descendant, followed through its parent when first seen: its last CPU reading counts
  const mine = new Set([child.pid!]);
  const cpu = new Map<number, number>();
  // pid -> its kind and the test file it belongs to (its own or an ancestor's)
  const seen = new Map<number, { kind: string; file: string | null; firstS: number; lastS: number }>();
  const forked = new Map<number, number>();
  let done = false;
  void exited.then(() => (done = true));
  while (!done) {
    const nowS = (Date.now() - started) / 1000;
    for (const [pid, [ppid, seconds]] of readProcesses()) {
      if (!mine.has(pid) && mine.has(ppid)) mine.add(pid);
      if (!mine.has(pid)) continue;
      cpu.set(pid, seconds);
      let info = seen.get(pid);
      if (!info) {
        const argv = readCommandLine(pid);
        // a process just forked has its parent's command line until it execs: read it again
        // later (a few times: some processes keep their parent's)
        const tries = (forked.get(pid) ?? 0) + 1;
        forked.set(pid, tries);
        if (!argv.length || (tries < 5 && argv.join('\0') === readCommandLine(ppid).join('\0'))) continue;
        info = { kind: getKind(argv), file: getTestFile(argv) ?? seen.get(ppid)?.file ?? null, firstS: nowS, lastS: nowS };
        if (info.kind.startsWith('Chromium')) info.file = null;
        seen.set(pid, info);
      }
      info.lastS = nowS;
    }
    await new Promise((resolve) => setTimeout(resolve, 400));
  }
  const byKind = new Map<string, number>();
  const byFile = new Map<string, { cpuS: number; firstS: number; lastS: number }>();
  for (const [pid, seconds] of cpu) {
    const info = seen.get(pid) ?? { kind: 'unknown', file: null, firstS: 0, lastS: 0 };
    byKind.set(info.kind, (byKind.get(info.kind) ?? 0) + seconds);
    if (!info.file) continue;
    const file = byFile.get(info.file) ?? { cpuS: 0, firstS: info.firstS, lastS: info.lastS };
    file.cpuS += seconds;
    file.firstS = Math.min(file.firstS, info.firstS);
    file.lastS = Math.max(file.lastS, info.lastS);
    byFile.set(info.file, file);
  }
  const exit = await exited;
  await out.close();
  const text = await fs.readFile(log, 'utf8');
  return {
    label, exit, loadBefore, loadAfter: os.loadavg()[0]!, byKind, byFile,
    wallS: (Date.now() - started) / 1000,
    cpuS: [...cpu.values()].reduce((sum, seconds) => sum + seconds, 0),
    steps: text.split('\n').filter((line) => /^# (ok|FAILED)/.test(line)),
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

const runs = Number(option('--runs') ?? 1);
const against = option('--against');
const hogs = Number(option('--hogs') ?? 0);
const byKind = process.argv.includes('--by-kind');
// after `--`: only these test files (their dist/ kept: a probe of some files, not a clean run)
const files = process.argv.includes('--') ? process.argv.slice(process.argv.indexOf('--') + 1) : [];
const logDir = await fs.mkdtemp(path.join(os.tmpdir(), 'weekly-faq-measure-npm-test-'));
const hogProcesses = Array.from({ length: hogs }, () => spawn(process.execPath, ['-e', 'for(;;);'], { stdio: 'ignore' }));
const results: Run[] = [];
try {
  for (let i = 1; i <= runs; i++) {
    for (const [label, dir] of against ? [['against', path.resolve(against)], ['this', ROOT]] : [['this', ROOT]]) {
      const run = await runNpmTest(`${label} ${i}`, dir!, path.join(logDir, `${label}-${i}.log`));
      results.push(run);
      process.stdout.write(`${run.wallS.toFixed(1).padStart(7)} s wall ${run.cpuS.toFixed(1).padStart(7)} s CPU  exit ${run.exit}  load ${run.loadBefore.toFixed(1)} -> ${run.loadAfter.toFixed(1)}${hogs ? `  beside ${hogs} CPU hogs` : ''}  ${run.label} (${dir})\n${run.steps.map((step) => `          ${step}\n`).join('')}`);
      if (byKind) {
        for (const [kind, seconds] of [...run.byKind].sort((a, b) => b[1] - a[1])) process.stdout.write(`          ${seconds.toFixed(1).padStart(7)} CPU-s  ${kind}\n`);
        for (const [file, { cpuS, firstS, lastS }] of [...run.byFile].sort((a, b) => b[1].cpuS - a[1].cpuS)) {
          process.stdout.write(`          ${cpuS.toFixed(1).padStart(7)} CPU-s  ${firstS.toFixed(0).padStart(4)}-${lastS.toFixed(0).padStart(4)} s  ${file}\n`);
        }
      }
    }
  }
} finally {
  for (const hog of hogProcesses) hog.kill('SIGKILL');
}
for (const label of against ? ['against', 'this'] : ['this']) {
  const mine = results.filter((run) => run.label.startsWith(`${label} `));
  process.stdout.write(`median of ${mine.length}: ${median(mine.map((run) => run.wallS)).toFixed(1)} s wall, ${median(mine.map((run) => run.cpuS)).toFixed(1)} s CPU, ${mine.filter((run) => run.exit === 0).length} passed  ${label}\n`);
}
process.stdout.write(`logs in ${logDir}\n`);
