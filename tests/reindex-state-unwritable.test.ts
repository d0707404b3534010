import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { reindex } from '../indexer/load/reindex.ts';
import { getReindexStatePath } from '../indexer/load/reindex-state.ts';
import { makeTempDir, startTestMeili, type TestMeili } from './helpers/start-test-meili.ts';

// The state file is written after the swap: when that write fails (a full disk, ENOSPC), the new
// index is already live, yet the run used to be reported failed with "the live index is unchanged".

const SAMPLES = new URL('../samples/posts/', import.meta.url);
let meili: TestMeili;
let dataDir: string;
let root: string;
before(async () => {
  meili = await startTestMeili();
  dataDir = await makeTempDir('weekly-faq-state-unwritable-');
  root = path.join(dataDir, 'posts');
  await fs.cp(new URL('numbered-2019/', SAMPLES), path.join(root, 'numbered-2019'), { recursive: true });
});
after(async () => {
  await meili?.stop();
  await fs.rm(dataDir, { recursive: true, force: true });
});

test('a state file that cannot be written after the swap leaves the run succeeded, its documents live', async () => {
  const run = () => reindex({ client: meili.admin, indexName: meili.config.indexName, logger: meili.logger, dataDir, records: [root] });
  const first = await run();
  assert.equal(first.outcome, 'succeeded');
  await fs.cp(new URL('topic-headers/', SAMPLES), path.join(root, 'topic-headers'), { recursive: true });

  // the temporary file the state is written to cannot be created: a folder holds its name
  await fs.mkdir(`${getReindexStatePath(dataDir)}.${process.pid}.tmp`);
  const report = await run();
  assert.equal(report.outcome, 'succeeded', JSON.stringify(report.error));
  assert.equal(report.error, null);
  assert.ok(report.documents > first.documents, `${report.documents} documents, more than the first run's ${first.documents}`);
  assert.equal((await meili.admin.index(meili.config.indexName).getStats()).numberOfDocuments, report.documents);
});
