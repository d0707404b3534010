import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { reindex } from '../indexer/load/reindex.ts';
import { makeTempDir, startTestMeili, type TestMeili } from './helpers/start-test-meili.ts';

// A first index from a root that is not the docs site (a README, the wrong folder) used to
// "succeed" with 0 documents: /api/admin/status said succeeded, only /readyz said the index was
// empty. It fails, naming the root and what was read.

let meili: TestMeili;
let tmp: string;
before(async () => {
  meili = await startTestMeili();
  tmp = await makeTempDir('weekly-faq-no-records-');
});
after(async () => {
  await meili?.stop();
  await fs.rm(tmp, { recursive: true, force: true });
});

test('a build without any record fails naming the root, and leaves no index behind; --force builds it', async () => {
  const root = path.join(tmp, 'not-the-docs-site');
  await fs.mkdir(root);
  await fs.writeFile(path.join(root, 'README.md'), '# A project\n\nNothing weekly here.\n');
  const run = (force: boolean) => reindex({ client: meili.admin, indexName: meili.config.indexName, logger: meili.logger, force, records: [root] });

  const report = await run(false);
  assert.equal(report.outcome, 'failed');
  assert.equal(report.error?.code, 'reindex-no-records');
  assert.ok(report.error?.message.includes(root), report.error?.message);
  assert.match(report.error?.message ?? '', /1 Markdown files read: 1 neither a weekly post nor a FAQ page/);
  const { results } = await meili.admin.getRawIndexes({ limit: 1000 });
  assert.deepEqual(results.map((i) => i.uid).filter((uid) => uid.startsWith(meili.config.indexName)), [], 'no live index, no build index left');

  const forced = await run(true);
  assert.equal(forced.outcome, 'succeeded');
  assert.equal(forced.documents, 0);
});
