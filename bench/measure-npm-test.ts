// `npm test` timed as CI runs it: wall time, the CPU of every process it starts (read from /proc
// while it runs: /usr/bin/time misses processes orphaned on the way, such as Chromium's
// renderers), the load around it, and its steps' closing lines. With --against, runs alternate
// between this checkout and another one (e.g. main's), so that two versions are compared on a
// machine whose load changes; medians at the end. Asserts nothing.
//
//   node --import tsx bench/measure-npm-test.ts [--runs N] [--against DIR] [--hogs N]
//
// Each run starts as on a fresh clone: dist/ and the type check's incremental caches removed.
// --hogs N: N busy loops (`node -e 'for(;;);'`) beside every run, the loaded machine of issue 13.
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

/** One `npm test` in `dir`, from a clean dist/ and type-check cache; its output goes to `log`. */
async function runNpmTest(label: string, dir: string, log: string): Promise<Run> {
  await fs.rm(path.join(dir, 'dist'), { recursive: true, force: true });
  for (const cache of ['weekly-faq-tsc-test.tsbuildinfo', 'weekly-faq-tsgo-test.tsbuildinfo']) await fs.rm(path.join(dir, 'node_modules', '.cache', cache), { force: true });
  const loadBefore = os.loadavg()[0]!;
  const started = Date.now();
  const out = await fs.open(log, 'w');
  const child = spawn('npm', ['test'], { cwd: dir, env: { ...process.env, CI: 'true' }, stdio: ['ignore', out.fd, out.fd] });
  const exited = new Promise<number | null>((resolve) => child.once('close', (code) => resolve(code)));
  // every descendant, followed through its parent when first seen: its last CPU reading counts
  const mine = new Set([child.pid!]);
  const cpu = new Map<number, number>();
  let done = false;
  void exited.then(() => (done = true));
  while (!done) {
    for (const [pid, [ppid, seconds]] of readProcesses()) {
      if (!mine.has(pid) && mine.has(ppid)) mine.add(pid);
      if (mine.has(pid)) cpu.set(pid, seconds);
    }
    await new Promise((resolve) => setTimeout(resolve, 400));
  }
  const exit = await exited;
  await out.close();
  const text = await fs.readFile(log, 'utf8');
  return {
    label, exit, loadBefore, loadAfter: os.loadavg()[0]!,
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
const logDir = await fs.mkdtemp(path.join(os.tmpdir(), 'weekly-faq-measure-npm-test-'));
const hogProcesses = Array.from({ length: hogs }, () => spawn(process.execPath, ['-e', 'for(;;);'], { stdio: 'ignore' }));
const results: Run[] = [];
try {
  for (let i = 1; i <= runs; i++) {
    for (const [label, dir] of against ? [['against', path.resolve(against)], ['this', ROOT]] : [['this', ROOT]]) {
      const run = await runNpmTest(`${label} ${i}`, dir!, path.join(logDir, `${label}-${i}.log`));
      results.push(run);
      process.stdout.write(`${run.wallS.toFixed(1).padStart(7)} s wall ${run.cpuS.toFixed(1).padStart(7)} s CPU  exit ${run.exit}  load ${run.loadBefore.toFixed(1)} -> ${run.loadAfter.toFixed(1)}${hogs ? `  beside ${hogs} CPU hogs` : ''}  ${run.label} (${dir})\n${run.steps.map((step) => `          ${step}\n`).join('')}`);
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
