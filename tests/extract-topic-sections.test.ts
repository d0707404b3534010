/** Topic headers scope the pairs under them; an attribution line covers only the pairs of its own topic section. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractPost } from '../indexer/sources/weekly/extract-post.ts';

const post = (between: string) => `---
title: "SOFA Weekly | 话题"
date: 2019-09-27T15:00:00+08:00
---

### 每周读者问答提炼

**1、关于 SOFAJRaft 的提问：**

**@甲** 提问：

> 日志复制失败怎么办？

A：重试。
${between}
**2、关于 Seata 的提问：**

**@乙** 提问：

> 传输对象可以合并吗？

A：不建议。

Seata：[https://github.com/seata/seata](https://github.com/seata/seata)
`;

test('the closing attribution line of the second topic does not reach back into the first', () => {
  const { records } = extractPost(post(''), 'blog/a/index.md', 'x', { inferProject: null });
  assert.deepEqual(records.map((record) => [record.asker, record.projects, record.projectSource]), [
    ['甲', ['SOFAJRaft'], 'header'],
    ['乙', ['Seata'], 'attribution'],
  ]);
});

test('an attribution line inside a topic section wins over its header', () => {
  const { records } = extractPost(post('\nMOSN：[https://github.com/mosn/mosn](https://github.com/mosn/mosn)\n'), 'blog/a/index.md', 'x', { inferProject: null });
  assert.deepEqual(records.map((record) => [record.projects, record.projectSource]), [
    [['MOSN'], 'attribution'],
    [['Seata'], 'attribution'],
  ]);
});

test('a bold `关于 X：` line naming one project is a topic header too', () => {
  const text = post('').replace('**2、关于 Seata 的提问：**', '**2、关于 Seata 事务分组：**').replace(/\nSeata：.*\n/, '\n');
  const { records } = extractPost(text, 'blog/a/index.md', 'x', { inferProject: null });
  assert.deepEqual(records.map((record) => [record.projects, record.projectSource]), [
    [['SOFAJRaft'], 'header'],
    [['Seata'], 'header'],
  ]);
});
