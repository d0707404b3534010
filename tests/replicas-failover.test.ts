// Three real Meilisearch replicas behind a real HAProxy (scripts/start-replicas.ts), kept in
// step by the reindex: no search through HAProxy fails while a replica is SIGKILLed, a replica
// that is down fails its part of the reindex only, and one that comes back empty is rebuilt by
// the next run. Skipped when haproxy is not installed (.ci/run installs it).
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { Meilisearch } from 'meilisearch';
import { createReindexJob } from '../indexer/load/create-reindex-job.ts';
import type { ReplicasReindexReport } from '../indexer/load/reindex-replicas.ts';
import { findHaproxy, startReplicas, type ReplicaSet } from '../scripts/start-replicas.ts';
import { loadConfig } from '../src/config.ts';
import { connectMeili, type MeiliConnection } from '../src/meili/connect-meili.ts';
import { getSearchKeyValue } from '../src/meili/ensure-api-keys.ts';
import { createTestLogger, makeTempDir } from './helpers/start-test-meili.ts';

const haproxy = findHaproxy();
const skip = haproxy ? false : 'haproxy is not installed (apt-get install haproxy): replica tests skipped';
const POSTS = fileURLToPath(new URL('../samples/posts', import.meta.url));
const QUERIES = ['sofa', 'rpc', 'mosn', 'seata', '注册中心', ''];

let set: ReplicaSet;
let dataDir: string;
let connection: MeiliConnection;
let job: ReturnType<typeof createReindexJob>;

async function until(what: string, check: () => Promise<boolean>, limitMs = 60_000): Promise<void> {
  const deadline = Date.now() + limitMs;
  while (!(await check().catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const allUp = async () => Object.values(await set.serverStates()).every((s) => s === 'UP');

async function count(url: string): Promise<number | null> {
  const client = new Meilisearch({ host: url, apiKey: connection.searchKey });
  return (await client.index('qa').getStats()).numberOfDocuments;
}

/** Searches answered (any status) by every searchLoop so far. */
let answered = 0;

/** Resolves once `n` more searches have been answered: a window measured in searches, not seconds, whatever the load. */
async function afterSearches(n: number): Promise<void> {
  const target = answered + n;
  await until(`${n} searches`, async () => answered >= target);
}

/** Searches through HAProxy at `perSecond` until `stop` resolves; counts the ones that did not answer 200. */
async function searchLoop(perSecond: number, stop: Promise<void>): Promise<{ ok: number; failed: string[] }> {
  let done = false;
  // also when `stop` fails (a wait that timed out): the test then reports that, instead of
  // searching forever and keeping its process (and the run) alive
  void stop.then(() => (done = true), () => (done = true));
  const failed: string[] = [];
  let ok = 0;
  const inflight = new Set<Promise<void>>();
  for (let i = 0; !done; i++) {
    const q = QUERIES[i % QUERIES.length]!;
    const p: Promise<void> = fetch(`${set.lbUrl}/indexes/qa/search`, {
      method: 'POST', headers: { authorization: `Bearer ${connection.searchKey}`, 'content-type': 'application/json' }, body: JSON.stringify({ q, limit: 5 }),
    }).then(async (r) => {
      const body = await r.text();
      if (r.status === 200) ok++;
      else failed.push(`${r.status} ${body.slice(0, 200)}`);
    }, (error: unknown) => void failed.push(String(error))).finally(() => {
      answered++;
      inflight.delete(p);
    });
    inflight.add(p);
    await new Promise((resolve) => setTimeout(resolve, 1000 / perSecond));
  }
  await Promise.all(inflight);
  return { ok, failed };
}

before(async () => {
  if (skip) return;
  set = await startReplicas({ count: 3, haproxy: true, checkIndex: 'qa' });
  // As on a fresh deployment: HAProxy has taken the replicas out (no live index yet) before the
  // service connects, which must then wait for the replicas, not for /health through HAProxy.
  await until('HAProxy to take the empty replicas out', async () => Object.values(await set.serverStates()).every((s) => s.startsWith('DOWN')));
  dataDir = await makeTempDir();
  const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent', MEILI_URL: set.lbUrl!, MEILI_REPLICAS: set.replicas.map((r) => r.url).join(','), MEILI_MASTER_KEY: set.masterKey });
  connection = await connectMeili(config, createTestLogger());
  job = createReindexJob({ config: { ...config, weeklySource: POSTS }, connection, logger: createTestLogger() });
});

after(async () => {
  if (skip) return;
  await connection?.stop();
  await set?.stop();
  if (dataDir) await fs.rm(dataDir, { recursive: true, force: true });
});

test('the reindex builds every replica with the same documents, and the same search key answers on each', { skip }, async () => {
  // the value Meilisearch derived on each replica is the one computed offline from the master key
  assert.equal(connection.searchKey, getSearchKeyValue(set.masterKey, 'qa'));
  const report = (await job()) as ReplicasReindexReport;
  assert.equal(report.outcome, 'succeeded');
  assert.deepEqual(report.replicas.map((r) => r.outcome), ['succeeded', 'succeeded', 'succeeded'], JSON.stringify(report.replicas.map((r) => r.error)));
  assert.ok(report.documents > 0);
  for (const replica of set.replicas) assert.equal(await count(replica.url), report.documents, replica.url);
  await until('HAProxy to see every replica up', allUp);
});

test('no search through HAProxy fails while a replica is SIGKILLed and restarted', { skip }, async () => {
  const victim = set.replicas[1]!;
  const steps = (async () => {
    await afterSearches(40);
    await victim.kill('SIGKILL');
    // searches go on while HAProxy finds out, and after it took the replica out of rotation
    await until('HAProxy to see the killed replica down', async () => !(await allUp()));
    await afterSearches(20);
    await victim.start();
    await until('the restarted replica to be back in rotation', allUp);
    await afterSearches(40);
  })();
  const { ok, failed } = await searchLoop(20, steps);
  await steps;
  assert.deepEqual(failed, [], `${failed.length} of ${ok + failed.length} searches failed`);
  assert.ok(ok > 50, `${ok} searches answered`);
});

test('with a replica down the others keep serving and the run names it; back empty, it is rebuilt by the next run', { skip }, async () => {
  const victim = set.replicas[2]!;
  await victim.kill('SIGKILL');
  await fs.rm(victim.dataDir, { recursive: true, force: true });
  const down = (await job({ force: true })) as ReplicasReindexReport;
  assert.equal(down.outcome, 'succeeded');
  assert.deepEqual(down.failedReplicas, [victim.url]);
  assert.ok(down.replicas.find((r) => r.url === victim.url)?.error?.code, 'the failed replica has an error code');

  // HAProxy must have seen it go (2 failed checks, 1 s apart) before it comes back: on a quiet
  // machine the run above takes less, and the empty replica, still counted up, got searches
  await until('HAProxy to take the killed replica out', async () => (await set.serverStates()).meili3?.startsWith('DOWN') ?? false);
  // back, empty (no index, no key): out of rotation until the reindex rebuilds it
  await victim.start();
  assert.equal(await count(set.replicas[0]!.url), down.documents);
  const emptyWindow = await searchLoop(20, afterSearches(60));
  assert.deepEqual(emptyWindow.failed, [], 'an empty replica gets no search');

  const next = (await job()) as ReplicasReindexReport;
  assert.notEqual(next.outcome, 'failed');
  assert.deepEqual(next.replicas.map((r) => r.outcome), ['skipped', 'skipped', 'succeeded'], 'only the empty replica is rebuilt');
  const counts = await Promise.all(set.replicas.map((r) => count(r.url)));
  assert.deepEqual(counts, [down.documents, down.documents, down.documents]);
  // the same answers on every replica
  const hits = await Promise.all(set.replicas.map(async (r) => {
    const result = await new Meilisearch({ host: r.url, apiKey: connection.searchKey }).index('qa').search('sofa', { limit: 10, attributesToRetrieve: ['id'] });
    return result.hits.map((h) => h.id);
  }));
  assert.deepEqual(hits[2], hits[0]);
  assert.deepEqual(hits[1], hits[0]);
  await until('the rebuilt replica to be back in rotation', allUp);
});
