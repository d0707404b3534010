import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { reindex, type ReindexOptions } from '../indexer/load/reindex.ts';
import { fakeExtract } from './helpers/fake-extract.ts';
import { startTestMeili, type TestMeili } from './helpers/start-test-meili.ts';

let meili: TestMeili;
let source: string;

before(async () => {
  meili = await startTestMeili();
  source = path.join(meili.dataDir, 'posts');
  await fs.mkdir(path.join(source, 'a'), { recursive: true });
  await fs.writeFile(path.join(source, 'a', 'index.md'), 'How to start SOFABoot?\nWhy does RPC time out?\n');
  await fs.writeFile(path.join(source, 'b.md'), 'What is MOSN?\n');
  await fs.writeFile(path.join(source, 'c.md'), 'skip: not a weekly post\n');
});
after(async () => {
  await meili?.stop();
});

const run = (extra: Partial<ReindexOptions> = {}) =>
  reindex({ client: meili.admin, indexName: meili.config.indexName, logger: meili.logger, dataDir: meili.dataDir, records: [source], extract: fakeExtract, ...extra });

/** Indexes this test's runs created (a shared server runs other tests' tasks too). */
async function indexCreations(): Promise<number> {
  const { results } = await meili.admin.tasks.getTasks({ types: ['indexCreation'], limit: 1000 });
  return results.filter((task) => task.indexUid?.startsWith(meili.config.indexName)).length;
}

test('a run over an unchanged source is skipped; a change, --force or a lost live index rebuild', async () => {
  const first = await run();
  assert.equal(first.outcome, 'succeeded', JSON.stringify(first.error));
  assert.equal(first.documents, 3);
  assert.deepEqual(first.posts, { read: 3, weekly: 2, faq: 0, skipped: 1, failed: 0 });
  assert.deepEqual(first.skippedByRule, { 'not-weekly-test': 1 });
  assert.match(first.fingerprint ?? '', /^[0-9a-f]{64}$/);
  const state = JSON.parse(await fs.readFile(path.join(meili.dataDir, 'reindex-state.json'), 'utf8'));
  assert.equal(state.indexes[meili.config.indexName].fingerprint, first.fingerprint);

  const creations = await indexCreations();
  const second = await run();
  assert.equal(second.outcome, 'skipped');
  assert.equal(second.skipReason, 'unchanged');
  assert.equal(second.fingerprint, first.fingerprint);
  assert.equal(second.documents, 3);
  assert.equal(await indexCreations(), creations, 'no build index was created');

  const forced = await run({ force: true });
  assert.equal(forced.outcome, 'succeeded');

  // Touching a file without changing it does not count as a change; editing it does.
  const now = new Date();
  await fs.utimes(path.join(source, 'b.md'), now, now);
  assert.equal((await run()).outcome, 'skipped');
  await fs.appendFile(path.join(source, 'b.md'), 'And what is Layotto?\n');
  const changed = await run();
  assert.equal(changed.outcome, 'succeeded');
  assert.equal(changed.documents, 4);
  assert.notEqual(changed.fingerprint, first.fingerprint);

  // New settings (here: synonyms) are a change too.
  const resynonymed = await run({ projectSynonyms: { MOSN: ['mesh'] } });
  assert.equal(resynonymed.outcome, 'succeeded');

  // The live index lost its documents since the last run: rebuild although the source is the same.
  await meili.admin.index(meili.config.indexName).deleteAllDocuments().waitTask();
  const rebuilt = await run({ projectSynonyms: { MOSN: ['mesh'] } });
  assert.equal(rebuilt.outcome, 'succeeded');
  assert.equal(rebuilt.documents, 4);
});
