/** Bad input: each gets one warning naming the file and the reason; the run goes on. */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, mkdirSync, symlinkSync, openSync, ftruncateSync, closeSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { extractAll } from './helpers/extract-folder.ts';
import { weeklyPost } from './helpers/weekly-post.ts';

const GOOD_POST = weeklyPost('好的一篇');

const roots: string[] = [];
after(() => roots.forEach((root) => rmSync(root, { recursive: true, force: true })));

function makeTree(files: Record<string, string | Buffer>): string {
  const root = mkdtempSync(path.join(tmpdir(), 'weekly-faq-bad-'));
  roots.push(root);
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), content);
  }
  return root;
}

async function runOn(files: Record<string, string | Buffer>, name: string) {
  const root = makeTree({ 'good/index.md': GOOD_POST, ...files });
  const results = await extractAll([root]);
  const good = results.find((result) => result.source === 'good/index.md');
  assert.equal(good?.records.length, 1, 'the good post is still extracted');
  const bad = results.filter((result) => result.source.startsWith(name) || result.path.includes(name));
  return { bad, results };
}

function assertOneWarning(bad: Awaited<ReturnType<typeof runOn>>['bad'], ruleId: string, words: RegExp) {
  assert.equal(bad.length, 1);
  assert.equal(bad[0]?.status, 'failed');
  assert.equal(bad[0]?.messages.length, 1);
  assert.equal(bad[0]?.messages[0]?.ruleId, ruleId);
  assert.match(bad[0]?.messages[0]?.reason ?? '', words);
}

test('an empty file is reported as empty', async () => {
  const { bad } = await runOn({ 'empty/index.md': '' }, 'empty');
  assertOneWarning(bad, 'empty-file', /empty/);
});

test('a weekly post without front matter is reported', async () => {
  const { bad } = await runOn({ 'nofm/index.md': '# SOFA Weekly | 无头\n\n正文' }, 'nofm');
  assertOneWarning(bad, 'no-front-matter', /front matter/);
});

test('broken YAML is reported with the parser message', async () => {
  const { bad } = await runOn({ 'yaml/index.md': '---\ntitle: [SOFA Weekly\ndate: : :\n---\n' }, 'yaml');
  assertOneWarning(bad, 'bad-front-matter', /not valid YAML/);
});

test('a weekly post without a date is reported', async () => {
  const { bad } = await runOn({ 'nodate/index.md': GOOD_POST.replace(/^date:.*$/m, '') }, 'nodate');
  assertOneWarning(bad, 'missing-date', /no date/);
});

test('an invalid date is reported with the value', async () => {
  const { bad } = await runOn({ 'baddate/index.md': GOOD_POST.replace(/^date:.*$/m, 'date: 2021-02-30T10:00:00+08:00') }, 'baddate');
  assertOneWarning(bad, 'invalid-date', /2021-02-30/);
});

test('binary garbage is reported as not text', async () => {
  const garbage = Buffer.from(Array.from({ length: 4096 }, (_, index) => (index * 7919) % 256));
  const { bad } = await runOn({ 'binary/index.md': garbage }, 'binary');
  assertOneWarning(bad, 'binary-file', /not a text file/);
});

test('a post with a few invalid UTF-8 sequences is binary-file, as docs/extractor.md says (not indexed with U+FFFD)', async () => {
  const broken = Buffer.concat([Buffer.from(GOOD_POST.slice(0, 120)), Buffer.from([0xc3, 0x28, 0xff]), Buffer.from(GOOD_POST.slice(120))]);
  const { bad } = await runOn({ 'badutf8/index.md': broken }, 'badutf8');
  assertOneWarning(bad, 'binary-file', /invalid UTF-8/);
});

test('a valid post that contains U+FFFD itself is text', async () => {
  const { bad } = await runOn({ 'replacement/index.md': GOOD_POST.replace('支持。', '支持\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD。') }, 'replacement');
  assert.equal(bad[0]?.status, 'extracted');
  assert.equal(bad[0]?.records.length, 1);
});

test('a 20 MB file is reported and not read', async () => {
  const root = makeTree({ 'good/index.md': GOOD_POST });
  mkdirSync(path.join(root, 'huge'));
  const fd = openSync(path.join(root, 'huge', 'index.md'), 'w');
  ftruncateSync(fd, 20 * 1024 * 1024);
  closeSync(fd);
  const results = await extractAll([root]);
  const huge = results.filter((result) => result.source.startsWith('huge'));
  assertOneWarning(huge, 'file-too-large', /20\.0 MiB/);
  assert.equal(results.find((result) => result.source === 'good/index.md')?.records.length, 1);
});

test('an unreadable file is reported with the error code', async () => {
  const root = makeTree({ 'good/index.md': GOOD_POST, 'locked/index.md': GOOD_POST });
  const denied = async (file: string) => {
    if (file.includes('locked')) throw Object.assign(new Error('permission denied'), { code: 'EACCES' });
    return GOOD_POST;
  };
  const results = await extractAll([root], { readFile: denied });
  assertOneWarning(results.filter((result) => result.source.startsWith('locked')), 'unreadable-file', /EACCES/);
  assert.equal(results.find((result) => result.source === 'good/index.md')?.records.length, 1);
});

test('a symlink loop is reported once and not followed', async () => {
  const root = makeTree({ 'good/index.md': GOOD_POST });
  symlinkSync(root, path.join(root, 'good', 'loop'));
  const results = await extractAll([root]);
  const loops = results.filter((result) => result.messages.some((message) => message.ruleId === 'symlink-loop'));
  assert.equal(loops.length, 1);
  assert.match(loops[0]?.messages[0]?.reason ?? '', /loop/);
  assert.equal(results.filter((result) => result.status === 'extracted').length, 1);
});

test('links to nothing and to themselves are reported, and the run goes on', async () => {
  const root = makeTree({ 'good/index.md': GOOD_POST });
  symlinkSync('missing.md', path.join(root, 'good', 'dangling.md'));
  symlinkSync('self.md', path.join(root, 'good', 'self.md'));
  const results = await extractAll([root]);
  assert.deepEqual(results.filter((result) => result.messages.some((message) => message.ruleId === 'broken-link')).map((result) => path.basename(result.path)).sort(), ['dangling.md', 'self.md']);
  assert.equal(results.filter((result) => result.status === 'extracted').length, 1);
});

test('a non-weekly post is skipped quietly', async () => {
  const { bad } = await runOn({ 'article/index.md': GOOD_POST.replace('SOFA Weekly | 好的一篇', '一篇技术文章') }, 'article');
  assert.equal(bad[0]?.status, 'skipped');
  assert.deepEqual(bad[0]?.messages, []);
});
