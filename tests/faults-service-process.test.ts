// Fault suite (issue 10): the service as a process. SIGTERM with busy keep-alive clients,
// SIGTERM through `npm start`, two services on one DATA_DIR, a stale lock, a changed source.
// test-runner: alone (SIGTERMs services of its own, one through `npm start`, which builds dist/ when it is stale)
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { after, test } from 'node:test';
import { findServersOnDatabase } from '../src/meili/stop-orphan-servers.ts';
import { waitUntilGone } from './helpers/is-running.ts';
import { getSharedTestMeili, getUniqueIndexName } from './helpers/shared-test-meili.ts';
import { makeTempDir } from './helpers/start-test-meili.ts';
import { startServiceChild, type ServiceChild } from './helpers/start-service-child.ts';

const FIXTURES = path.resolve('tests/fixtures/posts');
const started: ServiceChild[] = [];
const dirs: string[] = [];
after(async () => {
  for (const s of started) s.kill();
  for (const dir of dirs) {
    // a service that failed its test may have left its Meilisearch: stop it before deleting its files
    for (const pid of await findServersOnDatabase(path.join(dir, 'meili'))) process.kill(pid, 'SIGKILL');
    await fs.rm(dir, { recursive: true, force: true });
  }
});

const shared = getSharedTestMeili();
/** The index each DATA_DIR's services use on the run's shared Meilisearch. */
const indexNames = new Map<string, string>();

/**
 * A service on `env.DATA_DIR`. Under `npm test` on the run's shared Meilisearch (an index per
 * DATA_DIR: a later service on the same folder finds what an earlier one indexed) unless
 * `embedded`: what these tests check (the lock, the source notice, the keep-alive shutdown) is
 * the service's, and an embedded server per start costs a Meilisearch start each. The `npm start`
 * test keeps the embedded one: stopping it is part of the check.
 */
async function service(env: Record<string, string>, options: { npm?: boolean; embedded?: boolean } = {}): Promise<ServiceChild> {
  let meiliEnv: Record<string, string> = {};
  if (shared && !options.embedded && env.DATA_DIR) {
    const indexName = indexNames.get(env.DATA_DIR) ?? getUniqueIndexName();
    indexNames.set(env.DATA_DIR, indexName);
    meiliEnv = { MEILI_URL: shared.url, MEILI_MASTER_KEY: shared.masterKey, INDEX_NAME: indexName };
  }
  const s = await startServiceChild({ ...meiliEnv, ...env }, { npm: options.npm });
  started.push(s);
  return s;
}

async function dataDir(): Promise<string> {
  const dir = await makeTempDir();
  dirs.push(dir);
  return dir;
}

/** GET over a keep-alive agent; resolves with the status and the Connection header; errors say whether the connection was reused. */
function get(agent: http.Agent, url: string): Promise<{ status: number; connection: string | undefined }> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { agent }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, connection: res.headers.connection }));
      res.on('error', reject);
    });
    req.on('error', (error) => reject(Object.assign(error, { reused: req.reusedSocket })));
  });
}

/**
 * Services one after the other on one DATA_DIR, each behaviour a subtest of its own: the
 * refused second start, the keep-alive shutdown of the first, and a third start that finds both
 * a stale lock and another source. One service for the first two and one for the third, where
 * they used to start six (each start loads the app and indexes or reads the posts).
 */
test('services on one DATA_DIR: the lock, the shutdown, a stale lock, a changed source', async (t) => {
  const dir = await dataDir();
  const s = await service({ DATA_DIR: dir });
  await s.listening;
  const sampleHits = ((await (await fetch(`${s.url}/api/search?q=`)).json()) as { totalHits: number }).totalHits;

  await t.test('a second service on the same DATA_DIR refuses to start, naming the first', async () => {
    const second = await service({ DATA_DIR: dir });
    assert.equal(await second.exited, 1);
    const refusal = second.lines.find((l) => l.level === 60);
    assert.match(String(refusal?.msg), new RegExp(`Another weekly-faq service \\(pid ${s.child.pid}\\) is running on this DATA_DIR`));
    assert.equal(refusal?.code, 'data-dir-in-use');
    assert.equal((await fetch(`${s.url}/readyz`)).status, 200, 'the first one is untouched');
  });

  await t.test('SIGTERM with 20 busy keep-alive clients: no request on a kept-alive connection is reset, answers after the signal say Connection: close, exit 0', async () => {
    let signalled = false;
    const outcome = { answered: 0, closeAnswers: 0, resets: [] as string[], freshResets: 0, refused: 0 };
    const client = async (i: number) => {
      const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
      let n = 0;
      for (;;) {
        try {
          const res = await get(agent, `${s.url}/api/search?q=${['jraft', 'mosn', 'rpc', 'seata'][(i + n++) % 4]}`);
          outcome.answered++;
          if (res.connection === 'close') outcome.closeAnswers++;
        } catch (error) {
          const code = (error as NodeJS.ErrnoException).code ?? String(error);
          if (code === 'ECONNREFUSED') outcome.refused++;
          // a new connection still in the listen backlog when the socket closes is reset by the kernel
          // (seen only at load 20+ on 2 cores); what the service controls is the kept-alive ones
          else if (!(error as { reused?: boolean }).reused) outcome.freshResets++;
          else outcome.resets.push(code);
          break;
        }
        if (signalled && s.child.exitCode !== null) break;
      }
      agent.destroy();
    };
    const clients = Array.from({ length: 20 }, (_, i) => client(i));
    // let every client get going (some answers on each connection)
    const deadline = Date.now() + 120_000;
    while (outcome.answered < 60 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    signalled = true;
    s.child.kill('SIGTERM');
    assert.equal(await s.exited, 0, s.stderr());
    await Promise.all(clients);
    assert.deepEqual(outcome.resets, [], 'no request on a kept-alive connection lost its answer');
    assert.equal(outcome.refused + outcome.freshResets, 20, 'every client ended on a new connection, never mid-request on a kept-alive one');
    assert.ok(outcome.closeAnswers > 0, 'answers during the shutdown carry Connection: close');
    assert.ok(s.lines.some((l) => l.msg === 'Stopped'));
  });

  await t.test('a lock whose process is gone (SIGKILLed service) is taken over; a changed WEEKLY_SOURCE, or an index an older version built, is noticed at start: it says so and reindexes', async () => {
    await fs.writeFile(path.join(dir, 'service.lock'), '999999999\n');
    // another folder: the sample posts (served above) plus one more post (another slug, so 4 more records)
    const source = path.join(dir, 'other-source');
    await fs.cp(path.resolve('samples/posts'), source, { recursive: true });
    await fs.cp(path.join(FIXTURES, 'askers-without-at'), path.join(source, 'askers-copy'), { recursive: true });
    const moved = await service({ DATA_DIR: dir, WEEKLY_SOURCE: source });
    await moved.listening;
    assert.ok(moved.lines.some((l) => l.msg === 'Took over the service lock of a process that is gone'));
    const notice = moved.lines.find((l) => String(l.msg).startsWith('The source of weekly posts changed'));
    assert.ok(notice, JSON.stringify(moved.lines.map((l) => l.msg)));
    assert.deepEqual(notice.now, [source]);
    assert.ok(moved.lines.some((l) => l.msg === 'Reindex succeeded'));
    const hits = ((await (await fetch(`${moved.url}/api/search?q=`)).json()) as { totalHits: number }).totalHits;
    assert.equal(hits, sampleHits + 4, 'the new source is served');
    moved.child.kill('SIGTERM');
    assert.equal(await moved.exited, 0);

    // the same source, but the index was built by another version (another index format in its
    // state, as an upgrade that adds a field leaves it): rebuilt at start, not at the next nightly run
    const stateFile = path.join(dir, 'reindex-state.json');
    const state = JSON.parse(await fs.readFile(stateFile, 'utf8')) as { indexes: Record<string, { indexFormat?: string; fingerprint: string }> };
    for (const entry of Object.values(state.indexes)) Object.assign(entry, { indexFormat: 'built-by-an-older-version', fingerprint: 'of-other-settings' });
    await fs.writeFile(stateFile, JSON.stringify(state));
    const upgraded = await service({ DATA_DIR: dir, WEEKLY_SOURCE: source });
    await upgraded.listening;
    assert.ok(upgraded.lines.some((l) => String(l.msg).includes('was built by another version')), JSON.stringify(upgraded.lines.map((l) => l.msg)));
    assert.ok(upgraded.lines.some((l) => l.msg === 'Reindex succeeded'));
    upgraded.child.kill('SIGTERM');
    assert.equal(await upgraded.exited, 0);

    // and a start of the same version on the same source rebuilds nothing
    const again = await service({ DATA_DIR: dir, WEEKLY_SOURCE: source });
    await again.listening;
    assert.ok(!again.lines.some((l) => l.msg === 'Reindex succeeded' || String(l.msg).includes('was built by another version')), JSON.stringify(again.lines.map((l) => l.msg)));
    again.child.kill('SIGTERM');
    assert.equal(await again.exited, 0);
  });
});

test('SIGTERM sent to `npm start` reaches the service: graceful stop, Meilisearch stopped, exit', async () => {
  const dir = await dataDir();
  const s = await service({ DATA_DIR: dir }, { npm: true, embedded: true });
  await s.listening;
  const meiliPid = (await s.waitForLine((l) => l.msg === 'Embedded Meilisearch is up')).meiliPid as number;
  const servicePid = Number(await fs.readFile(path.join(dir, 'service.lock'), 'utf8'));
  s.child.kill('SIGTERM'); // the npm process, as a terminal or a supervisor would
  await s.waitForLine((l) => l.msg === 'Stopped');
  await s.exited;
  assert.ok(await waitUntilGone(servicePid), 'the service process exited');
  assert.ok(await waitUntilGone(meiliPid), 'its Meilisearch stopped');
  await assert.rejects(fs.access(path.join(dir, 'service.lock')), 'the lock is released');
});
