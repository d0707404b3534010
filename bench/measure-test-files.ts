// CPU and wall time of test files run one at a time, each in its own `node --test` process
// (its children included: Meilisearch, Chromium, CLIs), and of whole `npm test` runs with the
// load average around them. Finds where the suite's time goes; asserts nothing.
//
//   node --import tsx bench/measure-test-files.ts tests/a.test.ts ...   one line per file
//   node --import tsx bench/measure-test-files.ts --npm-test [--hogs N]  `npm test`, with N CPU hogs beside it
import { spawn, spawnSync } from 'node:child_process';
import os from 'node:os';

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

function print(t: Timing): void {
  process.stdout.write(`${t.wallS.toFixed(1).padStart(7)} s wall ${t.cpuS.toFixed(1).padStart(7)} s CPU  exit ${t.exit}  load ${t.loadBefore.toFixed(1)} -> ${t.loadAfter.toFixed(1)}  ${t.label}\n`);
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
  let wall = 0;
  let cpu = 0;
  for (const file of args) {
    const t = timed(file, [process.execPath, '--import', 'tsx', '--test', file]);
    print(t);
    wall += t.wallS;
    cpu += t.cpuS;
  }
  process.stdout.write(`${wall.toFixed(1).padStart(7)} s wall ${cpu.toFixed(1).padStart(7)} s CPU  total of ${args.length} files\n`);
}
