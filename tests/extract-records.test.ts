/** What a user of the records relies on: fields, stable ids, safe HTML, odd folder names. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { extractAll } from './helpers/extract-folder.ts';
import { extractPost } from '../indexer/sources/weekly/extract-post.ts';

const fixtures = path.join(import.meta.dirname, 'fixtures', 'posts');
const numbered = readFileSync(path.join(fixtures, 'numbered-2019', 'index.md'), 'utf8');
const glued = readFileSync(path.join(fixtures, 'glued-header', 'index.md'), 'utf8');

test('records carry date, year, title, source and public URL of their post', () => {
  const { records } = extractPost(numbered, 'content/zh/blog/sofa-weekly-20200110/index.md', 'x');
  const record = records[0];
  assert.ok(record);
  assert.equal(record.date, '2020-01-10');
  assert.equal(record.year, 2020);
  assert.equal(record.title, 'SOFA Weekly | 每周精选【1/6 - 1/10】');
  assert.equal(record.source, 'content/zh/blog/sofa-weekly-20200110/index.md');
  assert.equal(record.url, 'https://www.sofastack.tech/blog/sofa-weekly-20200110/');
  assert.match(record.id, /^[0-9a-f]{16}$/);
});

test('the date is the front-matter date in the post\'s own time zone, not the folder name', () => {
  const late = numbered.replace(/^date:.*$/m, 'date: 2021-05-28T23:30:00+08:00');
  const { records } = extractPost(late, 'content/zh/blog/sofa-weekly-20200528/index.md', 'x');
  assert.equal(records[0]?.date, '2021-05-28');
  assert.equal(records[0]?.year, 2021);
});

test('the public URL base is configurable', () => {
  const { records } = extractPost(numbered, 'blog/sofa-weekly/20220923/index.md', 'x', { baseUrl: 'https://docs.example.org/posts' });
  assert.equal(records[0]?.url, 'https://docs.example.org/posts/sofa-weekly-20220923/');
});

test('ids are stable across runs and survive edits elsewhere in the post', () => {
  const first = extractPost(numbered, 'blog/a/index.md', 'x').records.map((record) => record.id);
  const again = extractPost(numbered, 'blog/a/index.md', 'x').records.map((record) => record.id);
  const edited = numbered
    .replace('A：也支持。', 'A：也支持，11g 以上。')
    .replace('### 本周推荐阅读', '### 本周推荐阅读\n\n- [新加的一篇](https://example.com)');
  const afterEdit = extractPost(edited, 'blog/a/index.md', 'x').records.map((record) => record.id);
  assert.deepEqual(again, first);
  assert.deepEqual(afterEdit, first);
  assert.equal(new Set(first).size, first.length);
});

test('question and answer are plain text: no markdown, no image URLs, link text and bare URLs kept', () => {
  const { records } = extractPost(numbered, 'blog/a/index.md', 'x');
  const pg = records.find((record) => record.question.includes('PostgreSQL'));
  assert.ok(pg);
  assert.doesNotMatch(pg.question, /example\.com|!\[|\*\*/);
  assert.equal(pg.answer, '支持，从 1.0 版本开始。\n参考文档：Seata 文档');
  const snapshot = records[0];
  assert.equal(snapshot?.answer.includes('`'), false);
  assert.match(snapshot?.answer ?? '', /snapshotIntervalSecs/);
});

test('answerHtml keeps links and code but never scripts, handlers or javascript: URLs', () => {
  const hostile = glued.replace(
    'A：看 ***pkg/server/handler.go\\***，这里面可以看到设置进去的。',
    'A：看 `handler.go` 与 [文档](https://mosn.io/docs/)。<img src="x" onerror="alert(1)"> [点我](javascript:alert(2)) <a href="javascript:alert(3)" onclick="alert(4)">链接</a>',
  );
  const { records } = extractPost(hostile, 'blog/a/index.md', 'x');
  const html = records.map((record) => record.answerHtml).join('\n');
  assert.match(html, /<code>handler\.go<\/code>/);
  assert.match(html, /<a href="https:\/\/mosn\.io\/docs\/" rel="nofollow noopener noreferrer">文档<\/a>/);
  assert.doesNotMatch(html, /<script|onerror|onclick|javascript:|alert\(1\)/i);
  assert.doesNotMatch(records.map((record) => record.answer).join('\n'), /alert/);
});

test('a header glued to the quote above it still starts a new thread', () => {
  const { records } = extractPost(glued, 'blog/a/index.md', 'x');
  assert.deepEqual(records.map((record) => [record.thread, record.asker]), [[1, '黄同学'], [2, '楼同学']]);
  assert.doesNotMatch(records[0]?.answer ?? '', /楼同学/);
});

test('folder names with spaces, ｜, &, (…) and CJK characters work', async () => {
  const root = mkdtempSync(path.join(tmpdir(), 'weekly-faq-names-'));
  const folder = path.join(root, 'content', 'zh', 'blog', 'SOFA Weekly｜本周 & 问答 (第 1 期)');
  mkdirSync(folder, { recursive: true });
  writeFileSync(path.join(folder, 'index.md'), numbered);
  const results = await extractAll([root]);
  assert.equal(results.length, 1);
  assert.equal(results[0]?.source, 'content/zh/blog/SOFA Weekly｜本周 & 问答 (第 1 期)/index.md');
  assert.equal(results[0]?.records.length, 3);
  assert.match(results[0]?.records[0]?.url ?? '', /^https:\/\/www\.sofastack\.tech\/blog\/SOFA-Weekly%EF%BD%9C/);
  rmSync(root, { recursive: true, force: true });
});
