import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { reindex } from '../indexer/load/reindex.ts';
import type { SourceConfig } from '../src/source-config.ts';
import { fakeExtract } from './helpers/fake-extract.ts';
import { startTestMeili, type TestMeili } from './helpers/start-test-meili.ts';

let meili: TestMeili;
let root: string;

before(async () => {
  meili = await startTestMeili();
  root = path.join(meili.dataDir, 'site');
  await fs.mkdir(root, { recursive: true });
  await fs.writeFile(path.join(root, 'a.md'), 'How to start SOFABoot?\n');
});
after(async () => {
  await meili?.stop();
});

const run = (sources: SourceConfig[]) =>
  reindex({ client: meili.admin, indexName: meili.config.indexName, logger: meili.logger, dataDir: meili.dataDir, records: [], sources, extract: fakeExtract });

test('the fingerprint covers the configured sources: another kind or pattern over the same files rebuilds', async () => {
  const weeklyOnly: SourceConfig[] = [{ kind: 'weekly', root }];
  assert.equal((await run(weeklyOnly)).outcome, 'succeeded');
  assert.equal((await run(weeklyOnly)).skipReason, 'unchanged');
  const withFaq: SourceConfig[] = [{ kind: 'faq', root }, { kind: 'weekly', root }];
  const added = await run(withFaq);
  assert.equal(added.outcome, 'succeeded', 'adding the FAQ source is a change');
  assert.equal((await run(withFaq)).skipReason, 'unchanged');
  const narrowed = await run([{ kind: 'faq', root, include: ['docs/**'] }, { kind: 'weekly', root }]);
  assert.equal(narrowed.outcome, 'succeeded', 'another FAQ pattern is a change');
  const state = JSON.parse(await fs.readFile(path.join(meili.dataDir, 'reindex-state.json'), 'utf8'));
  assert.deepEqual(state.indexes[meili.config.indexName].sources, [root], 'the state keeps the roots, once each');
});
