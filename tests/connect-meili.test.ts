import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { after, before, test } from 'node:test';
import { Meilisearch } from 'meilisearch';
import { loadConfig } from '../src/config.ts';
import { connectMeili } from '../src/meili/connect-meili.ts';
import { waitForTask } from '../src/meili/wait-for-task.ts';
import { launchArgs } from './helpers/launch-entry.ts';
import { startTestMeili, type TestMeili } from './helpers/start-test-meili.ts';

let owner: TestMeili;
before(async () => {
  // its own server: it attaches a CLI to it by DATA_DIR and checks what the keys may do server-wide
  owner = await startTestMeili({}, { own: true });
});
after(async () => {
  await owner?.stop();
});

test('the search key can only search the live index; the admin key cannot manage keys', async () => {
  const { admin, search } = owner;
  await waitForTask(admin, admin.createIndex('qa', { primaryKey: 'id' }), { operation: 'create qa' });
  await waitForTask(admin, admin.index('qa').addDocuments([{ id: 'a', question: 'hello' }]), { operation: 'add' });
  assert.equal((await search.index('qa').search('hello')).hits.length, 1);
  await assert.rejects(search.index('qa').addDocuments([{ id: 'b' }]), (e: { cause?: { code?: string } }) => e.cause?.code === 'invalid_api_key');
  await assert.rejects(search.index('other').search('x'), (e: { cause?: { code?: string } }) => e.cause?.code === 'invalid_api_key');
  await assert.rejects(admin.getKeys(), (e: { cause?: { code?: string } }) => e.cause?.code === 'invalid_api_key');
  assert.equal(JSON.stringify(owner.connection).includes(owner.connection.searchKey), false, 'keys are not serialized');
});

test('waitForTask throws a typed error with the task code when a task fails', async () => {
  const { admin } = owner;
  await assert.rejects(
    waitForTask(admin, admin.index('qa').addDocuments([{ id: 'bad id!' }]), { operation: 'add a bad document' }),
    (e: { code?: string; taskCode?: string; message?: string }) => e.code === 'meili-task-failed' && e.taskCode === 'invalid_document_id' && /add a bad document/.test(e.message ?? ''),
  );
});

test('with MEILI_URL, the given server is used with MEILI_MASTER_KEY and left running on stop', async () => {
  const masterKey = (await fs.readFile(`${owner.dataDir}/meili-master-key`, 'utf8')).trim();
  const external = await connectMeili(loadConfig({ MEILI_URL: owner.connection.url, MEILI_MASTER_KEY: masterKey, LOG_LEVEL: 'silent' }), owner.logger);
  assert.equal(external.embedded, null);
  assert.equal(external.url, owner.connection.url);
  assert.equal(external.searchKey, owner.connection.searchKey, 'same stable keys');
  await external.stop();
  assert.equal(await new Meilisearch({ host: owner.connection.url }).isHealthy(), true);

  await assert.rejects(
    connectMeili(loadConfig({ MEILI_URL: owner.connection.url, MEILI_MASTER_KEY: 'not-the-master-key-at-all', LOG_LEVEL: 'silent' }), owner.logger),
    { code: 'meili-start-failed' },
  );
});

test('npm run index on the data directory of a running service uses its server', async () => {
  const fixtures = fileURLToPath(new URL('./fixtures/posts', import.meta.url));
  const pid = owner.connection.embedded?.pid;
  const result = spawnSync(process.execPath, launchArgs('indexer/cli/index-cli.js', fixtures, '--force'), {
    encoding: 'utf8', env: { ...process.env, DATA_DIR: owner.dataDir, LOG_LEVEL: 'info' }, timeout: 120_000,
  });
  assert.equal(result.status, 0, result.stderr);
  assert.match(result.stderr, /Using the embedded Meilisearch already running/);
  assert.equal(owner.connection.embedded?.pid, pid, 'still the same server');
  assert.ok((await owner.search.index('qa').search('')).hits.length > 0, 'the service sees the new index');
});
