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

test('a long post is judged by its head only when the head can tell: same results as reading it whole', async () => {
  const tree = path.join(root, 'long');
  const write = (name: string, text: string | Buffer) => {
    mkdirSync(path.join(tree, name), { recursive: true });
    writeFileSync(path.join(tree, name, 'index.md'), text);
  };
  const body = `\n${'这是一篇很长的技术文章的正文。\n'.repeat(1500)}`;
  const pair = '\n### 每周读者问答提炼\n\n**1、@读者** 提问：\n\n> 长的周报支持吗？\n\nA：支持。\n';
  write('article', `---\ntitle: "一篇技术文章"\ndate: 2021-01-15\n---\n${body}`);
  // The front matter runs past the head: its title is only seen by reading on.
  write('long-front-matter', `---\ndescription: "${'长'.repeat(6000)}"\ntitle: "SOFA Weekly | 很长的头"\ndate: 2021-01-15\n---\n${pair}${body}`);
  write('binary-article', Buffer.concat([Buffer.from(`---\ntitle: "一篇技术文章"\ndate: 2021-01-15\n---\n${body}`), Buffer.from([0]), Buffer.from('尾巴\n')]));
  const results = await extractAll([tree]);
  const bySource = new Map(results.map((result) => [result.source.split('/')[0], result]));
  assert.deepEqual([bySource.get('article')?.status, bySource.get('article')?.messages], ['skipped', []]);
  assert.equal(bySource.get('long-front-matter')?.status, 'extracted');
  assert.equal(bySource.get('long-front-matter')?.records[0]?.question, '长的周报支持吗？');
  assert.equal(bySource.get('binary-article')?.messages[0]?.ruleId, 'binary-file', 'a NUL byte past the head is still found');
});
