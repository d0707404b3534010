import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import request from 'supertest';
import { searchResultSchema } from '../src/contract/response-schemas.ts';
import type { QaRecord } from '../src/qa-record.ts';
import { extractFaqPage } from '../indexer/sources/faq/extract-faq-page.ts';
import { API_RECORDS, IDS_NEWEST_FIRST } from './helpers/api-records.ts';
import { startApiTest, type ApiTest } from './helpers/start-api-test.ts';

// The docs site's FAQ pages carry no date. Dating them by the checkout's file times would file
// them under the day the site was cloned: first under "newest", and counted in this year.
const UNDATED_PAGE = `---
title: "常见问题"
---

### Q：MOSN 支持 HTTP/2 吗？

支持。
`;

const undated = extractFaqPage(UNDATED_PAGE, 'content/zh/projects/mosn/faq/index.md', '/site/content/zh/projects/mosn/faq/index.md');
const FAQ_RECORDS: QaRecord[] = undated.records;

let t: ApiTest;
before(async () => {
  t = await startApiTest({ records: [...API_RECORDS, ...FAQ_RECORDS] });
});
after(async () => {
  await t?.stop();
});

test('a FAQ page without a date gives undated records; a date that is not one fails the page', () => {
  assert.equal(undated.status, 'extracted');
  assert.deepEqual(FAQ_RECORDS.map((record) => [record.question, record.date, record.year]), [['MOSN 支持 HTTP/2 吗？', null, null]]);
  const broken = extractFaqPage(UNDATED_PAGE.replace('title:', 'date: "someday"\ntitle:'), 'content/zh/projects/mosn/faq/index.md', 'faq.md');
  assert.equal(broken.status, 'failed');
  assert.deepEqual(broken.messages.map((message) => message.ruleId), ['invalid-date']);
  assert.match(broken.messages[0]!.reason, /"someday"/);
});

test('undated answers come after the dated ones both ways, count in no year, and a date filter leaves them out', async () => {
  const newest = (await request(t.app).get('/api/search').query({ hitsPerPage: 50 }).expect(200)).body;
  searchResultSchema.parse(newest);
  assert.deepEqual(newest.hits.map((hit: { id: string }) => hit.id), [...IDS_NEWEST_FIRST, FAQ_RECORDS[0]!.id]);
  assert.equal(newest.hits.at(-1).date, null);
  const oldest = (await request(t.app).get('/api/search').query({ sort: 'oldest', hitsPerPage: 50 }).expect(200)).body;
  assert.equal(oldest.hits.at(-1).id, FAQ_RECORDS[0]!.id);
  const yearTotal = Object.values(newest.facets.years as Record<string, number>).reduce((sum, count) => sum + count, 0);
  assert.equal(yearTotal, API_RECORDS.length, 'the years count the dated records only');
  assert.equal(newest.facets.kinds.faq, 1);
  const inRange = (await request(t.app).get('/api/search').query({ from: '2000-01-01', hitsPerPage: 50 }).expect(200)).body;
  assert.equal(inRange.totalHits, API_RECORDS.length);
  const found = (await request(t.app).get('/api/search').query({ q: 'HTTP/2' }).expect(200)).body;
  searchResultSchema.parse(found);
  assert.ok(found.hits.some((hit: { id: string }) => hit.id === FAQ_RECORDS[0]!.id), 'still found by its words');
});

test('the answer page of an undated record shows no date', async () => {
  const res = await request(t.app).get(`/qa/${encodeURIComponent(FAQ_RECORDS[0]!.id)}`).expect(200);
  assert.doesNotMatch(res.text, /<time|published_time|null/);
  assert.match(res.text, /kind-faq/);
});
