import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, test } from 'node:test';
import { extractCorpus } from '../indexer/extract/extract-corpus.ts';
import type { QaRecord } from '../src/qa-record.ts';
import { generateCorpus } from '../scripts/generate-corpus.ts';
import { makeTempDir } from './helpers/start-test-meili.ts';

const FIXTURES = fileURLToPath(new URL('./fixtures/posts', import.meta.url));
let tmp: string | undefined;
after(async () => {
  if (tmp) await fs.rm(tmp, { recursive: true, force: true });
});

async function records(root: string): Promise<QaRecord[]> {
  const all: QaRecord[] = [];
  for await (const post of extractCorpus([root])) all.push(...post.records);
  return all;
}

test('a 3x corpus holds each weekly post three times, as distinct posts with distinct records', async () => {
  tmp = await makeTempDir('weekly-faq-gen-');
  const out = path.join(tmp, 'corpus');
  const result = await generateCorpus({ source: FIXTURES, out, factor: 3 });
  assert.ok(result.weeklyPosts > 0);

  const original = await records(FIXTURES);
  const generated = await records(out);
  assert.equal(generated.length, original.length * 3);
  assert.equal(new Set(generated.map((r) => r.id)).size, generated.length, 'record ids are unique');
  assert.equal(new Set(generated.map((r) => r.url)).size, new Set(original.map((r) => r.url)).size * 3, 'each copy has its own URL');
  const dates = new Set(generated.map((r) => `${r.source.split('/')[0]?.replace(/-x\d+$/, '')} ${r.date}`));
  assert.equal(dates.size, new Set(original.map((r) => r.source.split('/')[0])).size * 3, 'each copy has its own date');
  await assert.rejects(generateCorpus({ source: FIXTURES, out, factor: 2 }), /not empty/);
});
