import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { test } from 'node:test';
import { findServicePort } from './helpers/find-service-port.ts';
import { isRunning, waitUntilGone } from './helpers/is-running.ts';
import { launchArgs } from './helpers/launch-entry.ts';
import { makeTempDir } from './helpers/start-test-meili.ts';


test('npm start flow: indexes the sample posts into an empty index, serves, and on SIGTERM stops everything and exits 0', async () => {
  const dataDir = await makeTempDir();
  const port = await findServicePort();
  const child = spawn(process.execPath, launchArgs('api/main.js'), {
    env: { ...process.env, DATA_DIR: dataDir, REINDEX_CRON: 'off', PORT: String(port), LOG_LEVEL: 'info', WEEKLY_SOURCE: '', MEILI_URL: '', ADMIN_TOKEN: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: Record<string, unknown>[] = [];
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  try {
    const listening = new Promise<void>((resolve, reject) => {
      createInterface({ input: child.stdout }).on('line', (line) => {
        const entry = JSON.parse(line) as Record<string, unknown>;
        lines.push(entry);
        if (entry.msg === 'Listening') resolve();
      });
      void exited.then((code) => reject(new Error(`main exited early (${code}): ${stderr}`)));
    });
    await listening;
    const meiliPid = lines.find((l) => l.msg === 'Embedded Meilisearch is up')?.meiliPid as number;
    const runtime = JSON.parse(await fs.readFile(`${dataDir}/meili-runtime.json`, 'utf8')) as { watchdogPid: number };
    assert.ok(meiliPid && isRunning(meiliPid));
    assert.ok(lines.some((l) => l.msg === 'Reindex succeeded'), 'the empty index was filled');

    const search = await fetch(`http://127.0.0.1:${port}/api/search?q=`);
    assert.equal(search.status, 200);
    assert.ok(((await search.json()) as { totalHits: number }).totalHits > 10, 'the sample posts are searchable');
    assert.equal((await fetch(`http://127.0.0.1:${port}/readyz`)).status, 200);
    // every request's log line carries its request id
    const requestLine = lines.find((l) => l.msg === 'request');
    assert.match(String(requestLine?.reqId), /^[0-9a-f-]{36}$/);

    child.kill('SIGTERM');
    assert.equal(await exited, 0, stderr);
    assert.ok(await waitUntilGone(meiliPid), 'Meilisearch stopped');
    assert.ok(await waitUntilGone(runtime.watchdogPid), 'its watchdog stopped');
    assert.ok(lines.some((l) => l.msg === 'Stopped'));
  } finally {
    if (child.exitCode === null) child.kill('SIGKILL');
    await fs.rm(dataDir, { recursive: true, force: true });
  }
});

test('a bad configuration value stops the start with a message naming it', async () => {
  const child = spawn(process.execPath, launchArgs('api/main.js'), { env: { ...process.env, PORT: 'eighty' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  assert.equal(code, 1);
  assert.match(stderr, /Invalid configuration: PORT: /);
});
