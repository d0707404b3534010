// CPU and wall time of test files run one at a time, each in its own `node --test` process
// (its children included: CLIs, services, Chromium), and of whole `npm test` runs with the
// load average around them. Finds where the suite's time goes; asserts nothing.
//
//   node --import tsx bench/measure-test-files.ts [--shared-meili] tests/a.test.ts ...   one line per file
//   node --import tsx bench/measure-test-files.ts --npm-test [--hogs N]  `npm test`, with N CPU hogs beside it
//
// --shared-meili: one embedded Meilisearch for all the files, passed to them as `npm test` does
// (TEST_MEILI_URL): a file then costs what it costs in the suite, and its Meilisearch CPU (the
// server's own, read from /proc around the file) is a column of its own. Without it each file
// starts its own server, counted in its CPU.
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createLogger } from '../src/logger.ts';
import { startEmbeddedMeili, type EmbeddedMeili } from '../src/meili/embedded-meili.ts';
import { SHARED_MEILI_MASTER_KEY, SHARED_MEILI_URL } from '../tests/helpers/shared-test-meili.ts';

interface Timing {
  label: string;
  wallS: number;
  cpuS: number;
  exit: number | null;
  loadBefore: number;
  loadAfter: number;
}

/** `command` under /usr/bin/time: wall and CPU (user + system, children included). */
function timed(label: string, command: string[], env: NodeJS.ProcessEnv = process.env, quiet = true): Timing {
  const loadBefore = os.loadavg()[0]!;
  const result = spawnSync('/usr/bin/time', ['-f', '@@time %e %U %S', ...command], { encoding: 'utf8', env, stdio: ['ignore', quiet ? 'pipe' : 'inherit', 'pipe'], maxBuffer: 256 * 1024 * 1024 });
  const match = /@@time ([\d.]+) ([\d.]+) ([\d.]+)/.exec(result.stderr ?? '');
  if (!quiet) process.stderr.write((result.stderr ?? '').replace(/@@time.*\n?/, ''));
  return {
    label, exit: result.status, loadBefore, loadAfter: os.loadavg()[0]!,
    wallS: match ? Number(match[1]) : NaN, cpuS: match ? Number(match[2]) + Number(match[3]) : NaN,
  };
}

/** CPU seconds (user + system) process `pid` has used so far; 0 when it is gone. */
function processCpuSeconds(pid: number | null): number {
  if (!pid) return 0;
  try {
    // fields after the command name: utime is the 14th field, stime the 15th
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
}

function print(t: Timing, meiliCpuS?: number): void {
  const meili = meiliCpuS === undefined ? '' : `${meiliCpuS.toFixed(1).padStart(6)} s Meili`;
  process.stdout.write(`${t.wallS.toFixed(1).padStart(7)} s wall ${t.cpuS.toFixed(1).padStart(7)} s CPU${meili}  exit ${t.exit}  load ${t.loadBefore.toFixed(1)} -> ${t.loadAfter.toFixed(1)}  ${t.label}\n`);
}

const args = process.argv.slice(2);
if (args[0] === '--npm-test') {
  const hogs = args[1] === '--hogs' ? Number(args[2]) : 0;
  // plain busy loops, as the issue asks (`node -e 'for(;;);'`), stopped whatever happens
  const hogProcesses = Array.from({ length: hogs }, () => spawn(process.execPath, ['-e', 'for(;;);'], { stdio: 'ignore' }));
  try {
    const timing = timed(`npm test${hogs ? ` beside ${hogs} CPU hogs` : ''}`, ['npm', 'test'], process.env, false);
    print(timing);
    process.exitCode = timing.exit ?? 1;
  } finally {
    for (const hog of hogProcesses) hog.kill('SIGKILL');
  }
} else {
  const sharedMeili = args[0] === '--shared-meili';
  const files = sharedMeili ? args.slice(1) : args;
  let meili: EmbeddedMeili | null = null;
  let dataDir = '';
  let env = process.env;
  if (sharedMeili) {
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'weekly-faq-measure-'));
    meili = await startEmbeddedMeili({ dataDir, logger: createLogger({ level: 'silent', fd: 2, pretty: false }), attach: false });
    env = { ...process.env, [SHARED_MEILI_URL]: meili.url, [SHARED_MEILI_MASTER_KEY]: meili.masterKey };
  }
  let wall = 0;
  let cpu = 0;
  let meiliCpu = 0;
  try {
    for (const file of files) {
      const meiliBefore = processCpuSeconds(meili?.pid ?? null);
      const t = timed(file, [process.execPath, '--import', 'tsx', '--test', file], env);
      const meiliS = meili ? processCpuSeconds(meili.pid) - meiliBefore : undefined;
      print(t, meiliS);
      wall += t.wallS;
      cpu += t.cpuS;
      meiliCpu += meiliS ?? 0;
    }
  } finally {
    await meili?.stop();
    if (dataDir) await fs.rm(dataDir, { recursive: true, force: true });
  }
  process.stdout.write(`${wall.toFixed(1).padStart(7)} s wall ${cpu.toFixed(1).padStart(7)} s CPU${meili ? `${meiliCpu.toFixed(1).padStart(6)} s Meili` : ''}  total of ${files.length} files\n`);
}
