/** A pair the post files under one project while its own words name only another is reported, not re-tagged. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractPost } from '../indexer/sources/weekly/extract-post.ts';

const post = `---
title: "SOFA Weekly | 归属冲突"
date: 2020-11-20T15:00:00+08:00
---

### 每周读者问答提炼

**1、@初识** 提问：

> 防悬挂是怎么理解的？能简单说说吗？

A：全局事务回滚下发到了，会插入一个 undolog，让本地事务 commit 的时候因为 undolog 唯一索引冲突提交失败，保证分支事务都是回滚的。

**2、@读者** 提问：

> MOSN 的版本和 Istio 有对应关系吗？

A：目前的 Master 支持 1.5。

MOSN：[https://github.com/mosn/mosn](https://github.com/mosn/mosn)
`;

test('a pair attributed to MOSN whose text only names Seata keeps MOSN and is reported as attribution-conflict', () => {
  const result = extractPost(post, 'blog/sofa-weekly-20201120/index.md', 'x', { inferProject: null });
  assert.deepEqual(result.records.map((record) => [record.projects, record.projectSource]), [[['MOSN'], 'attribution'], [['MOSN'], 'attribution']]);
  const conflicts = result.messages.filter((message) => message.ruleId === 'attribution-conflict');
  assert.equal(conflicts.length, 1);
  assert.equal(conflicts[0]?.line, 10);
  assert.match(conflicts[0]?.reason ?? '', /attribution says MOSN .* names only Seata/);
});
