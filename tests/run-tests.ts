// `npm test`: the type check and every test file, in one run that fits CI.
//
//   node --import tsx tests/run-tests.ts [tests/x.test.ts ...] [-- node-test-flags]
//
// - One embedded Meilisearch (the project's launcher) for the whole run, passed to the test
//   processes as TEST_MEILI_URL / TEST_MEILI_MASTER_KEY: the helpers give each test an index of
//   its own on it (tests/helpers/start-test-meili.ts) instead of starting a server per file.
// - The type check (`tsgo -p .`, TypeScript's native port) runs beside the tests, not before
//   them; the run fails when either fails.
// - dist/ is brought up to date first (`scripts/launch.mjs --build`): the CLI and service tests
//   launch the compiled entries, as the npm scripts do.
// - Files run concurrently (TEST_CONCURRENCY, default: 2 x cores + 1: most of a test is waiting
//   for Meilisearch or a child process, and the shared processes run their files one after the
//   other; on 2 cores a clean clone's run took 201.7 s with cores + 1 and 173-176 s with 5 or 7);
//   files without hooks or process state share that many processes less one; the files that start, kill or restart processes of their own run one at a time
//   beside them, their output printed when they are done (tests/helpers/split-test-files.ts
//   says which file goes where). The shared processes start first, then the other files
//   longest first, two at a time beside them.
// - Every test process's code is bundled once with esbuild (tests/helpers/bundle-test-entries.ts)
//   and runs on plain node, source maps on: tsx's module hooks cost 1.2-1.5 CPU-seconds a
//   process on Node 20. TEST_TSX=1 runs the files under tsx instead.
// - Meilisearch and every child are stopped at the end, on failure, and on SIGINT/SIGTERM.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createLogger } from '../src/logger.ts';
import { startEmbeddedMeili, type EmbeddedMeili } from '../src/meili/embedded-meili.ts';
import { WEB_ASSETS_DIR } from '../web/get-web-assets.ts';
import { SHARED_MEILI_MASTER_KEY, SHARED_MEILI_URL } from './helpers/shared-test-meili.ts';
import { CHROMIUM, launchSharedBrowser, SHARED_BROWSER_WS } from './helpers/launch-test-browser.ts';
import { BUILT_DIST } from './helpers/launch-entry.ts';
import { splitTestFiles, usesBrowser } from './helpers/split-test-files.ts';
import { bundleTestEntries } from './helpers/bundle-test-entries.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
// tsgo, TypeScript's native port (@typescript/native-preview): the same diagnostics as `tsc` on
// this code (strict) for a seventh of the CPU (4-5 CPU-s against 30 for a full check), which the
// tests running beside it get. One thread: the tests keep the cores busy, and its parallel
// checkers cost twice the CPU for the same check.
const TSGO = path.join(ROOT, 'node_modules', '@typescript', 'native-preview', 'bin', 'tsgo');
// incremental: a second run re-checks only what changed (a fresh `npm ci` checks everything)
const TSGO_ARGS = ['-p', '.', '--singleThreaded', '--incremental', '--tsBuildInfoFile', path.join('node_modules', '.cache', 'weekly-faq-tsgo-test.tsbuildinfo')];

interface Step {
  name: string;
  seconds: number;
  code: number | null;
  /** What a buffered step printed. */
  output: Buffer;
}

const args = process.argv.slice(2);
const dash = args.indexOf('--');
const named = dash < 0 ? args : args.slice(0, dash);
const nodeTestFlags = dash < 0 ? [] : args.slice(dash + 1);
const concurrency = Number(process.env.TEST_CONCURRENCY) || 2 * os.availableParallelism() + 1;

const children = new Set<ChildProcess>();
let interrupted: NodeJS.Signals | null = null;

/**
 * Run a command in its own process group (so a stop reaches the test files it spawns too).
 * `buffered`: its output is kept and printed when it ends, not mixed into the output of the
 * steps running beside it.
 */
function run(name: string, command: string, commandArgs: string[], options: { env?: NodeJS.ProcessEnv; buffered?: boolean } = {}): Promise<Step> {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(command, commandArgs, { cwd: ROOT, env: options.env ?? process.env, stdio: options.buffered ? ['ignore', 'pipe', 'pipe'] : 'inherit', detached: true });
    children.add(child);
    const output: Buffer[] = [];
    child.stdout?.on('data', (chunk: Buffer) => output.push(chunk));
    child.stderr?.on('data', (chunk: Buffer) => output.push(chunk));
    const done = (code: number | null) => {
      children.delete(child);
      resolve({ name, seconds: (Date.now() - started) / 1000, code, output: Buffer.concat(output) });
    };
    child.once('error', (error) => {
      output.push(Buffer.from(`${name}: ${error.message}\n`));
      done(1);
    });
    child.once('close', (code, signal) => done(signal ? 128 : code));
  });
}

function stopChildren(signal: NodeJS.Signals): void {
  for (const child of children) {
    try {
      if (child.pid) process.kill(-child.pid, signal);
    } catch {
      // already gone
    }
  }
}

async function listTestFiles(): Promise<string[]> {
  if (named.length) return named;
  const entries = await fs.readdir(path.join(ROOT, 'tests'));
  return entries.filter((name) => name.endsWith('.test.ts')).sort().map((name) => path.join('tests', name));
}

/**
 * A module importing `files` one after the other: `node --test` runs it as one file, so those
 * files pay for one process start instead of one each. Failures still name their file (the
 * reporter's location). Of one file, its name sets when the file starts (see main()).
 */
async function writeOneProcessEntry(dir: string, name: string, files: string[]): Promise<string> {
  const entry = path.join(dir, `${name}.test.mjs`);
  // absolute paths, not file: URLs, which esbuild leaves as they are (bundleTestEntries)
  const imports = files.map((file) => `import ${JSON.stringify(path.resolve(ROOT, file))};`);
  await fs.writeFile(entry, `// ${files.length === 1 ? 'a test file' : `${files.length} test files that can share a process`} (tests/helpers/split-test-files.ts)\n${imports.join('\n')}\n`);
  return entry;
}

async function startSharedMeili(): Promise<{ meili: EmbeddedMeili; dataDir: string }> {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'weekly-faq-test-run-'));
  const logger = createLogger({ level: process.env.TEST_LOG || 'silent', fd: 2, pretty: false });
  try {
    return { meili: await startEmbeddedMeili({ dataDir, logger, attach: false }), dataDir };
  } catch (error) {
    await fs.rm(dataDir, { recursive: true, force: true });
    throw error;
  }
}

/**
 * One Chromium for the run's browser files (tests/helpers/launch-test-browser.ts: each connects
 * to it and works in contexts of its own) instead of one per file; null when no file needs one
 * or Chromium is missing (the files skip). playwright-core is loaded only then.
 */
async function startSharedBrowser(sources: { source: string }[]): Promise<{ wsEndpoint(): string; close(): Promise<void> } | null> {
  if (!sources.some(({ source }) => usesBrowser(source)) || !existsSync(CHROMIUM)) return null;
  const server = await launchSharedBrowser();
  process.stdout.write(`# shared Chromium (pid ${server.process().pid})\n`);
  return server;
}

async function main(): Promise<number> {
  const started = Date.now();
  const files = await listTestFiles();
  const sources = await Promise.all(files.map(async (file) => ({ file, source: await fs.readFile(path.join(ROOT, file), 'utf8') })));
  const { oneProcess, together, alone } = splitTestFiles(sources, Math.max(1, concurrency - 1));
  const typecheck = named.length ? null : run('tsgo -p . (type check)', process.execPath, [TSGO, ...TSGO_ARGS], { buffered: true });
  // Test files launch the compiled CLIs and service (tests/helpers/launch-entry.ts): bring dist/
  // up to date once, before files running at once would each find it stale and build it.
  const build = await run('dist/ up to date', process.execPath, [path.join(ROOT, 'scripts', 'launch.mjs'), '--build'], { buffered: true });
  if (build.code !== 0) {
    process.stdout.write(build.output);
    process.stdout.write(`# FAILED: ${build.name}\n`);
    stopChildren('SIGTERM');
    return 1;
  }
  const { meili, dataDir } = await startSharedMeili();
  process.stdout.write(`# shared Meilisearch ${meili.url} (pid ${meili.pid}, watchdog ${meili.watchdogPid})\n`);
  const steps: Step[] = [];
  // inside the project: the bundles import packages from its node_modules
  const bundleDir = path.join(ROOT, 'node_modules', '.cache', `weekly-faq-test-run-${process.pid}`);
  let browser: { wsEndpoint(): string; close(): Promise<void> } | null = null;
  try {
    browser = await startSharedBrowser(sources);
    // The dist/ just brought up to date, for the tests that check the build (BUILT_DIST), and its
    // bundles, read by every test process instead of each bundling (and compressing) the same
    // sources with esbuild (WEB_ASSETS_DIR)
    const dist = path.join(ROOT, 'dist');
    const env = {
      ...process.env, [SHARED_MEILI_URL]: meili.url, [SHARED_MEILI_MASTER_KEY]: meili.masterKey, [BUILT_DIST]: dist, [WEB_ASSETS_DIR]: path.join(dist, 'web', 'assets'),
      ...(browser ? { [SHARED_BROWSER_WS]: browser.wsEndpoint() } : {}),
    };
    // the reporter a terminal gets, also for the buffered step (its output is a pipe)
    const reporter = process.stdout.isTTY && !nodeTestFlags.some((flag) => flag.startsWith('--test-reporter')) ? ['--test-reporter=spec'] : [];
    // --test-force-exit: a file whose tests are done ends even if something of it is still
    // pending (a timer or a loop left by a failed test), instead of holding the run forever
    // `node --test` starts its files in the order of their paths, whatever the order given: the
    // entries' names make it the shared processes first (the longest), then the other files
    // longest first (splitTestFiles' order), so no long file starts last and runs on alone
    const single = (prefix: string) => (file: string, i: number) => writeOneProcessEntry(dataDir, `${prefix}-${String(i + 1).padStart(3, '0')}-${path.basename(file, '.test.ts')}`, [file]);
    let entries = await Promise.all(oneProcess.map((group, i) => writeOneProcessEntry(dataDir, `1-group-${i + 1}`, group)));
    let ordered = await Promise.all(together.map(single('2')));
    let aloneEntries = await Promise.all(alone.map(single('3')));
    // every test process's code bundled once (tests/helpers/bundle-test-entries.ts), run on plain
    // node; under tsx as before with TEST_TSX=1, or when the bundling fails
    let loader = ['--import', 'tsx'];
    if (process.env.TEST_TSX !== '1') {
      const all = [...entries, ...ordered, ...aloneEntries];
      const bundled = await bundleTestEntries(all, bundleDir).catch((error: unknown) => {
        process.stdout.write(`# bundling the test files failed, running them under tsx: ${error instanceof Error ? error.message : String(error)}\n`);
        return null;
      });
      if (bundled) {
        [entries, ordered, aloneEntries] = [bundled.slice(0, entries.length), bundled.slice(entries.length, entries.length + ordered.length), bundled.slice(entries.length + ordered.length)];
        loader = ['--enable-source-maps'];
      }
    }
    const nodeTest = (files: string[], jobs: number) => [
      ...loader, '--test', '--test-force-exit', `--test-concurrency=${jobs}`, ...reporter, ...nodeTestFlags, ...files,
    ];
    const shared = oneProcess.flat().length;
    const count = together.length + shared;
    // The files that run alone run one after the other, beside the others: they must pass on a
    // loaded machine anyway, and mostly wait for processes they start and stop.
    const aloneStep = alone.length && !interrupted ? run(`${alone.length} files one at a time`, process.execPath, nodeTest(aloneEntries, 1), { env, buffered: true }) : null;
    // the shared processes are the longest and start first: keep two slots for the other files
    // beside them (they mostly wait for the processes they start; with one, they ran one after
    // the other and the last ones ran on alone at the end)
    const jobs = together.length ? Math.max(concurrency, entries.length + 2) : concurrency;
    if (count && !interrupted) steps.push(await run(`${count} files (${shared} of them in ${entries.length} processes), ${jobs} at a time`, process.execPath, nodeTest([...entries, ...ordered], jobs), { env }));
    for (const step of [aloneStep, typecheck]) {
      if (!step) continue;
      const done = await step;
      process.stdout.write(done.output);
      steps.push(done);
    }
  } finally {
    await browser?.close().catch(() => {});
    await meili.stop();
    await fs.rm(dataDir, { recursive: true, force: true });
    await fs.rm(bundleDir, { recursive: true, force: true });
  }
  const failed = steps.filter((step) => step.code !== 0);
  for (const step of steps) process.stdout.write(`# ${step.code === 0 ? 'ok' : `FAILED (exit ${step.code})`}: ${step.name}, ${step.seconds.toFixed(1)} s\n`);
  process.stdout.write(`# npm test: ${interrupted ? `interrupted (${interrupted})` : failed.length ? 'FAILED' : 'ok'} in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  if (interrupted) return 130;
  return failed.length ? 1 : 0;
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(signal, () => {
    // the first stops the children (main() then stops Meilisearch and exits); a second one hurries them
    stopChildren(interrupted ? 'SIGKILL' : 'SIGTERM');
    interrupted ??= signal;
  });
}

process.exitCode = await main().catch((error: unknown) => {
  stopChildren('SIGTERM');
  process.stderr.write(`run-tests: ${error instanceof Error ? error.stack : String(error)}\n`);
  return 1;
});
