/**
 * Fragments with no markdown syntax skip the parser; they must render byte for byte as the parser
 * renders them (text and HTML), on hand-picked, random and (with ../shared) every real fragment.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { isPlainFragment, markdownToPlainText, renderMarkdown } from '../indexer/extract/render-markdown.ts';
import { segmentPairs } from '../indexer/sources/weekly/segment-pairs.ts';
import { answerMarkdown, questionMarkdown } from '../indexer/sources/weekly/get-pair-markdown.ts';
import { discoverFiles } from '../indexer/sources/discover-files.ts';

/**
 * For the random and corpus fragments: only those that take the fast path (render-markdown.ts
 * takes it exactly when `isPlainFragment`); any other runs the same parser both ways, which
 * proves nothing and cost most of this file's time.
 */
function assertSameBothWaysIfPlain(fragment: string): void {
  if (isPlainFragment(fragment)) assertSameBothWays(fragment);
}

function assertSameBothWays(fragment: string): void {
  assert.deepEqual(renderMarkdown(fragment), renderMarkdown(fragment, { fastPath: false }), JSON.stringify(fragment));
  assert.equal(markdownToPlainText(fragment), markdownToPlainText(fragment, { fastPath: false }), JSON.stringify(fragment));
}

test('hand-picked fragments render the same with and without the fast path', () => {
  const fragments = [
    '支持。', '不会，MOSN 会把连接迁移到新进程。', '第一段。\n\n第二段，\n同一段的第二行。', '  前后有空格的行  \n\n\n  下一段',
    '\u3000全角空格开头', 'a "quoted" \'word\' (paren) 1.5 版本，50% 的情况', '问：这个怎么配置？\n\n答：这样配置。', '',
    '- 列表', '1. 有序', '**粗体**', 'http://example.org', 'a@b.co', '<br/>', '行尾两个空格  \n下一行', '标题\n===', '\tcode',
    '# 标题', '  ## 标题', '配置 # 集群列表', 'cluster_v1，cluster_v2', '_强调_', '__init__', 'a__b__c', '问_', '@GlobalLock 注解', '@张三 你好',
    'user@example.com', '邮件 a.b+c@d-e.org 吧', '中_文', '1_000', 'snake_case_name', 'x _y_ z',
  ];
  for (const fragment of fragments) assertSameBothWays(fragment);
  assert.equal(isPlainFragment('支持。'), true);
  assert.equal(isPlainFragment('**粗体**'), false);
});

test('random fragments over plain characters render the same both ways', () => {
  const alphabet = ['中', '文', '，', '。', '？', 'a', 'B', '1', '.', ' ', ' ', '\n', '\n\n', '"', "'", '(', ')', '-', '+', '=', ':', '/', '%', '\u3000', '：', '#', '@', '_', '_', 'é'];
  let seed = 42;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  for (let i = 0; i < 4000; i += 1) {
    const fragment = Array.from({ length: 1 + Math.floor(random() * 40) }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
    assertSameBothWaysIfPlain(fragment);
  }
});

const corpus = path.join(import.meta.dirname, '..', '..', 'shared', 'corpus', 'sofastack.tech');
test('every question and answer of the real corpus renders the same both ways', { skip: existsSync(corpus) ? false : 'no ../shared corpus' }, async () => {
  let plain = 0;
  let all = 0;
  for (const file of await discoverFiles([corpus])) {
    if (!/sofa-?weekly/i.test(file.source)) continue;
    for (const pair of segmentPairs(readFileSync(file.path, 'utf8').split('\n')).pairs) {
      for (const fragment of [questionMarkdown(pair), answerMarkdown(pair)]) {
        all += 1;
        if (isPlainFragment(fragment)) plain += 1;
        assertSameBothWaysIfPlain(fragment);
      }
    }
  }
  assert.ok(plain > all / 2, `${plain} of ${all} fragments take the fast path`);
});
