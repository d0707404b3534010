// A first start whose source cannot be read (a WEEKLY_SOURCE typed wrong), or holds no weekly post
// or FAQ page (a folder that is not the docs site), still listens, answers 503, and its error line
// says why, which variable to check and what searches do meanwhile; it points at the admin
// endpoints only when ADMIN_TOKEN makes them exist. The empty source used to "succeed" with an
// index of 0 documents: the start-up run was forced, which also lifted the no-records guard.
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { after, test } from 'node:test';
import { startServiceChild, type ServiceChild } from './helpers/start-service-child.ts';
import { makeTempDir, startTestMeili } from './helpers/start-test-meili.ts';

const cleanups: (() => Promise<void> | void)[] = [];

/** The run's shared Meilisearch with an index of the test's own, not an embedded server per start. */
async function meiliEnv(): Promise<Record<string, string>> {
  const meili = await startTestMeili();
  cleanups.push(() => meili.stop());
  return { MEILI_URL: meili.connection.url, MEILI_MASTER_KEY: meili.masterKey, INDEX_NAME: meili.config.indexName };
}
after(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

test('a start-up index that fails names the reason and WEEKLY_SOURCE, and no admin endpoint that does not exist', async () => {
  const dataDir = await makeTempDir('weekly-faq-start-index-');
  cleanups.push(() => fs.rm(dataDir, { recursive: true, force: true }));
  const missing = path.join(dataDir, 'no-such-checkout');

  const service: ServiceChild = await startServiceChild({ ...(await meiliEnv()), DATA_DIR: dataDir, WEEKLY_SOURCE: missing });
  cleanups.push(() => service.kill());
  await service.listening;
  const failed = service.lines.find((line) => String(line.msg ?? '').startsWith('The start-up index failed'));
  assert.ok(failed, JSON.stringify(service.lines.slice(-5)));
  const message = String(failed.msg);
  assert.match(message, /reindex-source-missing/);
  assert.ok(message.includes(missing), message);
  assert.match(message, /check WEEKLY_SOURCE/);
  assert.match(message, /searches answer 503/);
  assert.doesNotMatch(message, /\/api\/admin\//, 'without ADMIN_TOKEN the admin endpoints answer 404');
  assert.equal((await fetch(`${service.url}/readyz`)).status, 503);
});

test('a first start on a folder that is not the docs site fails with reindex-no-records instead of indexing nothing', async () => {
  const dataDir = await makeTempDir('weekly-faq-start-no-records-');
  cleanups.push(() => fs.rm(dataDir, { recursive: true, force: true }));
  const root = path.join(dataDir, 'not-the-docs-site');
  await fs.mkdir(root);
  await fs.writeFile(path.join(root, 'README.md'), '# A project\n\nNothing weekly here.\n');

  const service: ServiceChild = await startServiceChild({ ...(await meiliEnv()), DATA_DIR: path.join(dataDir, 'data'), WEEKLY_SOURCE: root });
  cleanups.push(() => service.kill());
  await service.listening;
  assert.ok(!service.lines.some((line) => line.msg === 'Reindex succeeded'), 'no index of 0 documents was swapped in');
  const failed = service.lines.find((line) => String(line.msg ?? '').startsWith('The start-up index failed'));
  assert.ok(failed, JSON.stringify(service.lines.slice(-5)));
  assert.match(String(failed.msg), /reindex-no-records/);
  assert.ok(String(failed.msg).includes(root), String(failed.msg));
  assert.equal((await fetch(`${service.url}/readyz`)).status, 503);
});
