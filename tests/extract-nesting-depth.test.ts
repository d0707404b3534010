/** A post nested deeper than any real one is reported as too-deeply-nested and skipped; the run goes on. */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { getNestingDepth, MAX_NESTING_DEPTH } from '../indexer/extract/get-nesting-depth.ts';
import { extractAll } from './helpers/extract-folder.ts';

const post = (answer: string, frontMatterExtra = '') => `---
title: "SOFA Weekly | 深"
date: 2021-01-15T15:00:00+08:00${frontMatterExtra}
---

### 每周读者问答提炼

**1、@读者** 提问：

> MOSN 支持 HTTP/2 吗？

A：${answer}

MOSN：[https://github.com/mosn/mosn](https://github.com/mosn/mosn)
`;

const root = mkdtempSync(path.join(tmpdir(), 'weekly-faq-deep-'));
after(() => rmSync(root, { recursive: true, force: true }));

test('depth estimate: lists, quotes, tags, brackets and emphasis runs; ordinary markdown stays shallow', () => {
  assert.equal(getNestingDepth('- '.repeat(5000) + 'x'), 5000);
  assert.equal(getNestingDepth('<div>'.repeat(2000) + 'x' + '</div>'.repeat(2000)), 2000);
  assert.ok(getNestingDepth('> '.repeat(300) + 'x') >= 300);
  assert.ok(getNestingDepth('['.repeat(400) + 'x') >= 400);
  assert.ok(getNestingDepth('*'.repeat(300) + 'x' + '*'.repeat(300)) >= 300);
  assert.ok(getNestingDepth('- a\n  - b\n    - c\n\n> quote <br/> <img src="x"> **bold** [link](u)') <= 5);
});

test('a 5,000-level list, 2,000 nested divs and 5,000-deep YAML are each reported with the file and skipped', async () => {
  const cases: Record<string, string> = {
    'good/index.md': post('支持。'),
    'deep-list/index.md': post('- '.repeat(5000) + 'x'),
    'deep-divs/index.md': post('<div>'.repeat(2000) + 'x' + '</div>'.repeat(2000)),
    'deep-yaml/index.md': post('支持。', `\ntags: ${'['.repeat(5000)}${']'.repeat(5000)}`),
  };
  for (const [name, text] of Object.entries(cases)) {
    mkdirSync(path.join(root, path.dirname(name)), { recursive: true });
    writeFileSync(path.join(root, name), text);
  }
  const results = await extractAll([root]);
  for (const name of ['deep-list', 'deep-divs', 'deep-yaml']) {
    const bad = results.find((result) => result.source.startsWith(name));
    assert.equal(bad?.status, 'failed', name);
    assert.equal(bad?.messages[0]?.ruleId, 'too-deeply-nested', name);
    assert.equal(bad?.records.length, 0);
  }
  assert.match(results.find((result) => result.source.startsWith('deep-list'))?.messages[0]?.reason ?? '', new RegExp(`5000 levels deep .*limit is ${MAX_NESTING_DEPTH}`));
  assert.equal(results.find((result) => result.source === 'good/index.md')?.records.length, 1, 'the good post is still extracted');
});
