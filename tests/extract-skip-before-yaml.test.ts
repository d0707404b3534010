/** Files that cannot be weekly are skipped before their YAML is parsed; reads run ahead but results keep their order. */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { extractPost } from '../indexer/sources/weekly/extract-post.ts';
import { extractAll } from './helpers/extract-folder.ts';

const root = mkdtempSync(path.join(tmpdir(), 'weekly-faq-order-'));
after(() => rmSync(root, { recursive: true, force: true }));

test('a non-weekly post with broken YAML is skipped quietly; a weekly one is still reported', () => {
  const broken = (title: string) => `---\ntitle: "${title}"\ndate: : :\ntags: [a\n---\n\n正文\n`;
  const article = extractPost(broken('一篇技术文章'), 'blog/article/index.md', 'x');
  assert.deepEqual([article.status, article.messages], ['skipped', []]);
  const weekly = extractPost(broken('SOFA Weekly | 坏的'), 'blog/x/index.md', 'x');
  assert.equal(weekly.status, 'failed');
  assert.equal(weekly.messages[0]?.ruleId, 'bad-front-matter');
  const byPath = extractPost(broken('一篇'), 'blog/sofa-weekly-20200101/index.md', 'x');
  assert.equal(byPath.messages[0]?.ruleId, 'bad-front-matter', 'a weekly folder is still parsed and reported');
});

test('results come in discovery order although files are read concurrently', async () => {
  const names = Array.from({ length: 60 }, (_, i) => `post-${String(i).padStart(2, '0')}`);
  for (const name of names) {
    mkdirSync(path.join(root, name));
    writeFileSync(path.join(root, name, 'index.md'), `---\ntitle: "SOFA Weekly | ${name}"\ndate: 2021-01-15\n---\n\n### 每周读者问答提炼\n\n**1、@读者** 提问：\n\n> ${name} 支持吗？\n\nA：支持。\n`);
  }
  // Reads that finish in reverse order must not reorder the results.
  const results = await extractAll([root], {
    readFile: async (file) => {
      const index = Number(/post-(\d+)/.exec(file)?.[1] ?? 0);
      await new Promise((resolve) => setTimeout(resolve, 60 - index));
      const { readFile } = await import('node:fs/promises');
      return readFile(file);
    },
  });
  assert.deepEqual(results.map((result) => result.source.split('/')[0]), names);
  assert.ok(results.every((result) => result.records.length === 1));
});
