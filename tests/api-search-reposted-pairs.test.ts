import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import request from 'supertest';
import { extractPost } from '../indexer/sources/weekly/extract-post.ts';
import { searchResultSchema } from '../src/contract/response-schemas.ts';
import type { SearchAnswer } from '../src/contract/search-result.ts';
import { startApiTest, type ApiTest } from './helpers/start-api-test.ts';

// Two weekly posts two months apart, across a new year, as the corpus has them: the later one reposts a question with
// the same answer (its sentences in another order) and another question with a new answer.
function weeklyPost(date: string, boltAnswer: string, loadLevelAnswer: string): string {
  return `---
title: "SOFA Weekly | ${date} QA 整理"
date: ${date}T15:00:00+08:00
---

### 每周读者问答提炼

**1、@张三** 提问：

> SOFABolt 的最新分支是哪个？

A：${boltAnswer}

SOFABolt：[https://github.com/sofastack/sofa-bolt](https://github.com/sofastack/sofa-bolt)

**2、@李四** 提问：

> 请教一个问题，这个 LoadLevel 注解有什么作用

A：${loadLevelAnswer}

Seata：[https://github.com/seata/seata](https://github.com/seata/seata)
`;
}

const first = extractPost(
  weeklyPost('2021-12-10', 'master 就是最新分支。https://github.com/sofastack/sofa-bolt', '看一下 EnhancedServiceLoader 的加载代码，跟 dubbo 的 SPI 差不多。'),
  'content/zh/blog/sofa-weekly-20211210/index.md', 'sofa-weekly-20211210/index.md',
);
const repost = extractPost(
  weeklyPost('2022-02-11', 'https://github.com/sofastack/sofa-bolt master 就是最新分支。', '只读无需加注解，写入口加 GlobalTransactional 注解。'),
  'content/zh/blog/sofa-weekly-20220211/index.md', 'sofa-weekly-20220211/index.md',
);

let t: ApiTest;
before(async () => {
  t = await startApiTest({ records: [...first.records, ...repost.records] });
});
after(async () => {
  await t?.stop();
});

async function search(query: Record<string, string>): Promise<SearchAnswer> {
  const res = await request(t.app).get('/api/search').query(query).expect(200);
  searchResultSchema.parse(res.body);
  return res.body as SearchAnswer;
}

const postOf = (url: string) => /sofa-weekly-(\d+)/.exec(url)?.[1];

test('the posts hold the two reposted questions (the fixture is what the tests assume)', () => {
  assert.equal(first.records.length, 2);
  assert.equal(repost.records.length, 2);
});

test('with copies=fold, a question reposted with the same answer is listed once and names the other post', async () => {
  const body = await search({ q: 'SOFABolt 最新分支', copies: 'fold' });
  const bolt = body.hits.filter((hit) => hit.question.includes('SOFABolt'));
  assert.equal(bolt.length, 1, JSON.stringify(body.hits.map((hit) => [hit.id, hit.question])));
  const [hit] = bolt;
  assert.equal(hit!.alsoIn.length, 1);
  const copy = hit!.alsoIn[0]!;
  assert.notEqual(postOf(copy.url), postOf(hit!.url), 'the copy is in the other post');
  assert.deepEqual(new Set([postOf(hit!.url), postOf(copy.url)]), new Set(['20211210', '20220211']));
  assert.ok(copy.id && copy.title.includes('QA 整理') && /^20(21-12|22-02)-\d\d$/.test(copy.date ?? ''), JSON.stringify(copy));
  assert.equal(body.totalHits, body.hits.length, 'the folded copy leaves the total too');
  assert.equal(body.facets.projects.SOFABolt, 1, 'and the facet counts');
});

test('a question reposted with a new answer is another pair: listed twice, naming no copy', async () => {
  const body = await search({ q: 'LoadLevel 注解有什么作用', copies: 'fold' });
  const loadLevel = body.hits.filter((hit) => hit.question.includes('LoadLevel'));
  assert.equal(loadLevel.length, 2);
  assert.deepEqual(loadLevel.map((hit) => hit.alsoIn), [[], []]);
});

test('by default every copy is listed, each naming the other post', async () => {
  const body = await search({ q: 'SOFABolt 最新分支' });
  const bolt = body.hits.filter((hit) => hit.question.includes('SOFABolt'));
  assert.equal(bolt.length, 2);
  for (const hit of bolt) {
    const other = bolt.find((copy) => copy !== hit)!;
    assert.deepEqual(hit.alsoIn.map((copy) => copy.id), [other.id]);
    assert.equal(hit.alsoIn[0]!.url, other.url);
  }
});

test('sorted by date, the newest copy is the one listed', async () => {
  const body = await search({ q: 'SOFABolt 最新分支', copies: 'fold', sort: 'newest' });
  const bolt = body.hits.filter((hit) => hit.question.includes('SOFABolt'));
  assert.deepEqual(bolt.map((hit) => postOf(hit.url)), ['20220211']);
  assert.deepEqual(bolt[0]!.alsoIn.map((copy) => postOf(copy.url)), ['20211210']);
});

test('folded, a pair posted in two years counts under each, as a filter on either lists it', async () => {
  const body = await search({ q: 'SOFABolt 最新分支', copies: 'fold' });
  assert.ok(body.facets.years['2021']! >= 1 && body.facets.years['2022']! >= 1, JSON.stringify(body.facets.years));
  for (const [year, count] of Object.entries(body.facets.years)) {
    const filtered = await search({ q: 'SOFABolt 最新分支', copies: 'fold', year });
    assert.equal(filtered.totalHits, count, `year ${year}`);
    assert.equal(filtered.facets.years[year], count, `year ${year}, its own count with it selected`);
  }
});

test('folded and sorted by date, the listed copy answers as its pair does', async () => {
  const byRelevance = (await search({ q: 'SOFABolt 最新分支', copies: 'fold' })).hits.find((hit) => hit.question.includes('SOFABolt'))!;
  for (const sort of ['newest', 'oldest']) {
    const sorted = (await search({ q: 'SOFABolt 最新分支', copies: 'fold', sort })).hits.find((hit) => hit.question.includes('SOFABolt'))!;
    assert.equal(sorted.match, byRelevance.match, sort);
  }
});

test('a bad copies value is a 400 naming the parameter', async () => {
  const res = await request(t.app).get('/api/search').query({ q: 'SOFABolt', copies: 'merge' }).expect(400);
  assert.match(JSON.stringify(res.body), /copies/);
});
