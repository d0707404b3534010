// Fault suite (issue 10): kill orders around the embedded Meilisearch. No kill may leave a
// server without its service, no restart loop may run forever, and two servers never share
// a database.
// test-runner: alone (SIGKILLs watchdogs and servers of its own, and leaves an orphan server for the next start to find)
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { Writable } from 'node:stream';
import { after, test } from 'node:test';
import { createLogger } from '../src/logger.ts';
import { startEmbeddedMeili, type EmbeddedMeili } from '../src/meili/embedded-meili.ts';
import { findServicePort } from './helpers/find-service-port.ts';
import { resolveMeiliBinary } from '../src/meili/resolve-meili-binary.ts';
import { findServersOnDatabase } from '../src/meili/stop-orphan-servers.ts';
import { waitForHealth } from '../src/meili/wait-for-health.ts';
import { isRunning, waitUntilGone } from './helpers/is-running.ts';
import { makeTempDir } from './helpers/start-test-meili.ts';

const dirs: string[] = [];
const servers: EmbeddedMeili[] = [];
after(async () => {
  for (const server of servers) await server.stop().catch(() => undefined);
  for (const dir of dirs) await fs.rm(dir, { recursive: true, force: true });
});

function collectingLogger() {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n')) if (line.trim()) lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  return { logger: createLogger({ level: 'info', destination: sink }), lines };
}

async function start(options: Partial<Parameters<typeof startEmbeddedMeili>[0]> = {}) {
  const dataDir = await makeTempDir();
  dirs.push(dataDir);
  const { logger, lines } = collectingLogger();
  const meili = await startEmbeddedMeili({ dataDir, logger, ...options });
  servers.push(meili);
  return { meili, dataDir, lines, dbPath: path.join(dataDir, 'meili') };
}

/** Poll until `check` holds (generous limit; not a timing assertion). */
async function until(check: () => boolean | Promise<boolean>, what: string, limitMs = 60_000): Promise<void> {
  const deadline = Date.now() + limitMs;
  while (!(await check())) {
    if (Date.now() > deadline) assert.fail(`still not true after ${limitMs} ms: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

test('SIGKILL of the watchdog: its server stops too, one new server takes the database, none is left after stop', async () => {
  const { meili, dbPath, lines } = await start();
  const first = { meiliPid: meili.pid!, watchdogPid: meili.watchdogPid! };
  assert.ok(first.meiliPid && first.watchdogPid);
  const restarted = once(meili, 'restarted');
  process.kill(first.watchdogPid, 'SIGKILL');
  assert.ok(await waitUntilGone(first.meiliPid), 'the orphaned server stopped');
  await restarted;
  assert.notEqual(meili.pid, first.meiliPid);
  assert.deepEqual(await findServersOnDatabase(dbPath), [meili.pid], 'exactly one server on the database');
  assert.ok(await waitForHealth(meili.url, { timeoutMs: 60_000 }));
  await meili.stop();
  assert.deepEqual(await findServersOnDatabase(dbPath), []);
  // the start line carries the service's pid once and the server's as meiliPid
  const up = lines.find((l) => l.msg === 'Embedded Meilisearch is up');
  assert.equal(up?.pid, process.pid);
  assert.equal(up?.meiliPid, first.meiliPid);
});

test('a server that keeps dying is not restarted forever: it gives up with a clear error and leaves nothing running', async () => {
  const { meili, dbPath, lines } = await start({ maxRestartAttempts: 2, restartWindowMs: 10 * 60_000 });
  const failed = once(meili, 'failed');
  for (let kill = 1; kill <= 3; kill++) {
    await meili.ready().catch(() => undefined);
    const pid = meili.pid;
    if (!pid) break;
    process.kill(pid, 'SIGKILL');
    if (kill < 3) await once(meili, 'restarted');
  }
  const [error] = (await failed) as [Error];
  assert.match(error.message, /not restarted again: it stopped 3 times/);
  await assert.rejects(meili.ready(), /not restarted again/);
  assert.deepEqual(await findServersOnDatabase(dbPath), []);
  assert.ok(lines.some((l) => l.level === 60 && l.msg === 'Embedded Meilisearch is down'));
});

test('a server left running on the database (no watchdog) is stopped before a new one starts there', async () => {
  const dataDir = await makeTempDir();
  dirs.push(dataDir);
  const dbPath = path.join(dataDir, 'meili');
  const binary = await resolveMeiliBinary({ dataDir });
  const port = await findServicePort();
  const orphan = spawn(binary, ['--db-path', dbPath, '--http-addr', `127.0.0.1:${port}`, '--no-analytics'], { stdio: 'ignore', detached: true });
  orphan.unref();
  assert.ok(await waitForHealth(`http://127.0.0.1:${port}`, { timeoutMs: 60_000 }), 'the orphan is up');
  const { logger, lines } = collectingLogger();
  const meili = await startEmbeddedMeili({ dataDir, logger });
  servers.push(meili);
  assert.ok(await waitUntilGone(orphan.pid!), 'the orphan was stopped');
  assert.deepEqual(await findServersOnDatabase(dbPath), [meili.pid]);
  assert.ok(lines.some((l) => String(l.msg).includes('left running on this database')));
  await meili.stop();
});

test('indexing is bounded by default, and the operator\'s MEILI_* variables reach the server (ours do not)', async () => {
  const bounded = await start();
  const argv = readFileSync(`/proc/${bounded.meili.pid}/cmdline`, 'utf8').split('\0');
  assert.equal(argv[argv.indexOf('--max-indexing-memory') + 1], '256MiB');
  assert.ok(Number(argv[argv.indexOf('--max-indexing-threads') + 1]) >= 1);
  await bounded.meili.stop();

  const saved = { ...process.env };
  Object.assign(process.env, { MEILI_MAX_INDEXING_MEMORY: '300MiB', MEILI_MAX_INDEXING_THREADS: '1', MEILI_EXPERIMENTAL_ENABLE_METRICS: 'false', MEILI_URL: '', MEILI_BIN: '' });
  try {
    const tuned = await start();
    const pid = tuned.meili.pid!;
    const tunedArgv = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    assert.equal(tunedArgv.includes('--max-indexing-memory'), false, 'the operator\'s value is not overridden by a flag');
    assert.equal(tunedArgv.includes('--max-indexing-threads'), false);
    const environ = readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0');
    assert.ok(environ.includes('MEILI_MAX_INDEXING_MEMORY=300MiB'));
    assert.ok(environ.includes('MEILI_EXPERIMENTAL_ENABLE_METRICS=false'));
    assert.equal(environ.some((v) => v.startsWith('MEILI_URL=') || v.startsWith('MEILI_BIN=')), false);
    assert.ok(isRunning(pid));
    const up = tuned.lines.find((l) => l.msg === 'Embedded Meilisearch is up');
    assert.deepEqual((up?.passedVariables as string[]).filter((n) => n.startsWith('MEILI_MAX')), ['MEILI_MAX_INDEXING_MEMORY', 'MEILI_MAX_INDEXING_THREADS']);
    await tuned.meili.stop();
  } finally {
    for (const name of Object.keys(process.env)) if (!(name in saved)) delete process.env[name];
    Object.assign(process.env, saved);
  }
});

test('the service never shares a server another process started (it would lose it): it waits, then runs its own', async () => {
  const cli = await start(); // as `npm run index` would, before the service
  const { logger, lines } = collectingLogger();
  const serviceSide = startEmbeddedMeili({ dataDir: cli.dataDir, logger, attach: false });
  await until(() => lines.some((l) => String(l.msg).includes('waiting for it to finish')), 'the service waits');
  await cli.meili.stop();
  const own = await serviceSide;
  servers.push(own);
  assert.equal(own.owned, true);
  assert.deepEqual(await findServersOnDatabase(cli.dbPath), [own.pid], 'one server on the database');
  await own.stop();
});
