// test-runner: alone (kills the processes that own embedded servers and checks no server outlives them)
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { after, before, test } from 'node:test';
import { isRunning, waitUntilGone } from './helpers/is-running.ts';
import { BUILT_DIST, launchArgs } from './helpers/launch-entry.ts';
import { makeTempDir } from './helpers/start-test-meili.ts';

// on the compiled modules (see the child): dist/ up to date first, unless npm test has just done it
const CHILD = fileURLToPath(new URL('./helpers/embedded-meili-child.mjs', import.meta.url));
before(() => {
  if (process.env[BUILT_DIST]) return;
  const build = spawnSync(process.execPath, launchArgs('--build'), { encoding: 'utf8' });
  assert.equal(build.status, 0, build.stderr);
});
const dirs: string[] = [];
const pidsToClean: number[] = [];

after(async () => {
  for (const pid of pidsToClean) if (isRunning(pid)) process.kill(pid, 'SIGKILL');
  for (const dir of dirs) await fs.rm(dir, { recursive: true, force: true });
});

/** Start a service-like child process that runs the embedded Meilisearch; resolve with its pids. */
async function startChild(mode: 'hang' | 'exit' | 'throw' | 'graceful') {
  const dataDir = await makeTempDir('weekly-faq-orphan-');
  dirs.push(dataDir);
  const child = spawn(process.execPath, [CHILD, dataDir, mode], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const exited = once(child, 'exit');
  const [line] = (await once(createInterface({ input: child.stdout }), 'line').catch(() => [''])) as [string];
  assert.ok(line, `child printed its pids (stderr: ${stderr})`);
  const info = JSON.parse(line) as { pid: number; meiliPid: number; watchdogPid: number; url: string };
  pidsToClean.push(info.meiliPid, info.watchdogPid);
  return { child, exited, info, dataDir, stderr: () => stderr };
}

async function assertNoOrphan(info: { meiliPid: number; watchdogPid: number }) {
  assert.ok(await waitUntilGone(info.meiliPid), `Meilisearch ${info.meiliPid} still running`);
  assert.ok(await waitUntilGone(info.watchdogPid), `watchdog ${info.watchdogPid} still running`);
}

test('SIGKILL of the parent: Meilisearch is stopped by its watchdog', async () => {
  const { child, exited, info } = await startChild('hang');
  assert.ok(isRunning(info.meiliPid));
  const health = await fetch(`${info.url}/health`);
  assert.equal(health.status, 200);
  child.kill('SIGKILL');
  await exited;
  await assertNoOrphan(info);
});

test('the parent exits without stopping it: no orphan', async () => {
  const { exited, info } = await startChild('exit');
  await exited;
  await assertNoOrphan(info);
});

test('the parent crashes (uncaught exception): no orphan', async () => {
  const { exited, info } = await startChild('throw');
  const [code] = await exited;
  assert.notEqual(code, 0);
  await assertNoOrphan(info);
});

test('SIGTERM with the shutdown hooks stops it gracefully and releases the data directory', async () => {
  const { child, exited, info, dataDir } = await startChild('graceful');
  await fs.access(path.join(dataDir, 'meili-runtime.json'));
  child.kill('SIGTERM');
  const [code] = await exited;
  assert.equal(code, 143);
  await assertNoOrphan(info);
  await assert.rejects(fs.access(path.join(dataDir, 'meili-runtime.json')), 'runtime file removed');
  const key = await fs.stat(path.join(dataDir, 'meili-master-key'));
  assert.equal(key.mode & 0o777, 0o600);
});

test('a second start on the same data directory reuses the key and the data', async () => {
  const first = await startChild('graceful');
  const key = await fs.readFile(path.join(first.dataDir, 'meili-master-key'), 'utf8');
  const created = await fetch(`${first.info.url}/indexes`, {
    method: 'POST', headers: { Authorization: `Bearer ${key.trim()}`, 'Content-Type': 'application/json' }, body: JSON.stringify({ uid: 'kept' }),
  });
  assert.equal(created.status, 202);
  const { taskUid } = (await created.json()) as { taskUid: number };
  for (let status = ''; status !== 'succeeded'; ) {
    const task = await fetch(`${first.info.url}/tasks/${taskUid}`, { headers: { Authorization: `Bearer ${key.trim()}` } });
    status = ((await task.json()) as { status: string }).status;
    assert.notEqual(status, 'failed');
  }
  first.child.kill('SIGTERM');
  await first.exited;

  const child = spawn(process.execPath, [CHILD, first.dataDir, 'graceful'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = once(child, 'exit');
  const [line] = (await once(createInterface({ input: child.stdout }), 'line')) as [string];
  const info = JSON.parse(line) as { meiliPid: number; watchdogPid: number; url: string };
  pidsToClean.push(info.meiliPid, info.watchdogPid);
  assert.equal(await fs.readFile(path.join(first.dataDir, 'meili-master-key'), 'utf8'), key);
  const index = await fetch(`${info.url}/indexes/kept`, { headers: { Authorization: `Bearer ${key.trim()}` } });
  assert.equal(index.status, 200);
  child.kill('SIGTERM');
  await exited;
  await assertNoOrphan(info);
});
