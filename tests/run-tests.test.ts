import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { after, before, test } from 'node:test';
import { isRunning, waitUntilGone } from './helpers/is-running.ts';
import { canShareProcess, splitTestFiles } from './helpers/split-test-files.ts';
import { makeTempDir } from './helpers/start-test-meili.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const started: ChildProcess[] = [];
let dir: string;
before(async () => {
  dir = await makeTempDir();
});
after(async () => {
  // a runner left by a failed test: SIGTERM makes it stop its children and Meilisearch
  for (const child of started) if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
  await fs.rm(dir, { recursive: true, force: true });
});

/** `npm test`'s runner on `files`; collects its output lines. */
function startRunner(files: string[], extraEnv: Record<string, string> = {}) {
  // NODE_TEST_CONTEXT: set in this test's process; a `node --test` that sees it does not run its files
  const { NODE_TEST_CONTEXT: _context, ...env } = process.env;
  const child = spawn(process.execPath, ['--import', 'tsx', 'tests/run-tests.ts', ...files, '--', '--test-reporter=tap'], {
    cwd: ROOT, env: { ...env, TEST_MEILI_URL: '', TEST_MEILI_MASTER_KEY: '', ...extraEnv }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  started.push(child);
  const lines: string[] = [];
  createInterface({ input: child.stdout }).on('line', (line) => lines.push(line));
  const exited = new Promise<number | null>((resolve) => child.once('close', (code) => resolve(code)));
  const waitForLine = async (pattern: RegExp): Promise<RegExpExecArray> => {
    const deadline = Date.now() + 120_000;
    for (;;) {
      for (const line of lines) {
        const match = pattern.exec(line);
        if (match) return match;
      }
      if (child.exitCode !== null || Date.now() > deadline) throw new Error(`no line ${pattern}: ${lines.join('\n')}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  return { child, lines, exited, waitForLine };
}

test('a failing file fails the run (exit 1), and the shared Meilisearch is stopped', async () => {
  const runner = startRunner(['tests/fixtures/run-tests/fails.test.ts']);
  const [, meiliPid, watchdogPid] = (await runner.waitForLine(/^# shared Meilisearch \S+ \(pid (\d+), watchdog (\d+)\)/)).map(Number);
  assert.equal(await runner.exited, 1, runner.lines.join('\n'));
  assert.ok(runner.lines.some((line) => /^not ok \d+ - fails/.test(line)), runner.lines.join('\n'));
  assert.ok(await waitUntilGone(meiliPid!), 'Meilisearch stopped');
  assert.ok(await waitUntilGone(watchdogPid!), 'its watchdog stopped');
});

test('Ctrl-C (SIGINT) stops the test processes and the shared Meilisearch, exit 130', async () => {
  const signal = path.join(dir, 'hangs.json');
  const runner = startRunner(['tests/fixtures/run-tests/hangs.test.ts'], { HANGS_SIGNAL_FILE: signal });
  const [, meiliPid] = (await runner.waitForLine(/^# shared Meilisearch \S+ \(pid (\d+),/)).map(Number);
  const deadline = Date.now() + 120_000;
  let hanging: { pid: number; url: string } | null = null;
  while (!hanging) {
    hanging = await fs.readFile(signal, 'utf8').then((text) => JSON.parse(text) as { pid: number; url: string }, () => null);
    assert.ok(Date.now() < deadline && runner.child.exitCode === null, `the test file never started: ${runner.lines.join('\n')}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  assert.match(hanging.url, /^http:\/\/127\.0\.0\.1:\d+$/, 'the test process has the shared server');
  assert.ok(isRunning(hanging.pid) && isRunning(meiliPid!));
  runner.child.kill('SIGINT');
  assert.equal(await runner.exited, 130);
  assert.ok(await waitUntilGone(hanging.pid), 'the test process stopped');
  assert.ok(await waitUntilGone(meiliPid!), 'Meilisearch stopped');
});

test('files without hooks or process state share processes; the others keep their own, and marked ones run one at a time', () => {
  const pure = "import { after, before, test } from 'node:test';\ntest('x', () => {});\n";
  const onShared = "import { before, after, test } from 'node:test';\nbefore(async () => { t = await startApiTest(); });\n";
  assert.equal(canShareProcess(pure), true);
  assert.equal(canShareProcess(onShared), true, 'before/after only: they run around the whole process');
  for (const own of ["beforeEach(() => {});", "process.env.X = '1';", "process.env['X'] ??= '1';", "delete process.env.X;", "process.on('exit', () => {});", "spawn(process.execPath, []);", "exec('ls');", "startTestMeili({}, { own: true })", "mock.timers.enable();", "startWebBrowserTest()", "await launchTestBrowser()"]) {
    assert.equal(canShareProcess(`${pure}${own}\n`), false, own);
  }
  // reading the environment, a RegExp's exec, a child process waited for, a server on port 0: nothing another file sees
  for (const shares of ["if (process.env.UPDATE) write();", "spawnSync(process.execPath, [], { env: { ...process.env, X: '1' } });", "/a(b)/.exec(text);", "execFileSync('git', ['init']);", "app.listen(0, '127.0.0.1');"]) {
    assert.equal(canShareProcess(`${pure}${shares}\n`), true, shares);
  }
  const split = splitTestFiles([
    { file: 'a.test.ts', source: pure }, { file: 'b.test.ts', source: pure }, { file: 'c.test.ts', source: onShared },
    { file: 'd.test.ts', source: `${pure}spawn('x');\n` }, { file: 'e.test.ts', source: `// test-runner: alone (kills things)\n${pure}` },
  ], 2);
  assert.deepEqual(split.oneProcess.flat().sort(), ['a.test.ts', 'b.test.ts', 'c.test.ts']);
  assert.equal(split.oneProcess.length, 2);
  assert.deepEqual(split.together, ['d.test.ts']);
  assert.deepEqual(split.alone, ['e.test.ts']);

  // the browser files share two processes of their own, started first; one that also spawns keeps its own
  const browser = "import { before, test } from 'node:test';\nbefore(async () => { t = await startWebBrowserTest(); });\n";
  const withBrowsers = splitTestFiles([
    { file: 'a.test.ts', source: pure }, { file: 'p.test.ts', source: browser }, { file: 'q.test.ts', source: `${pure}const b = await launchTestBrowser();\n` },
    { file: 'r.test.ts', source: `${browser}spawn('x');\n` },
  ], 2);
  assert.deepEqual(withBrowsers.oneProcess, [['q.test.ts'], ['p.test.ts'], ['a.test.ts']]);
  assert.deepEqual(withBrowsers.together, ['r.test.ts']);
});
