import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import request from 'supertest';
import { makeRecord, makeRecords } from './helpers/make-record.ts';
import { startApiTest, type ApiTest } from './helpers/start-api-test.ts';

// More pairs holding `timeout` than the 200 candidates a term search reads, and the newest of
// them holding it in its answer only: by relevance it is the last of them all.
const RECORDS = [
  ...makeRecords(240, 0, { date: '2021-03-19', year: 2021 }),
  makeRecord(999, { id: 'newest', question: 'How do I configure the consumer?', answer: 'Set the timeout in the consumer config.', date: '2023-05-05', year: 2023 }),
];

let t: ApiTest;
before(async () => {
  t = await startApiTest({ records: RECORDS });
});
after(async () => {
  await t?.stop();
});

interface Body { totalHits: number; totalPages: number; hits: { id: string; date: string | null }[] }
async function search(query: Record<string, string>): Promise<Body> {
  return (await request(t.app).get('/api/search').query(query).expect(200)).body as Body;
}

test('every page of a common word reports the same total, and paging through them shows each hit once', async () => {
  const first = await search({ q: 'timeout', hitsPerPage: '50' });
  assert.ok(first.totalHits >= 150, `total ${first.totalHits}`);
  const seen: string[] = [];
  for (let page = 1; page <= first.totalPages + 1; page++) {
    const body = await search({ q: 'timeout', hitsPerPage: '50', page: String(page) });
    assert.equal(body.totalHits, first.totalHits, `page ${page}`);
    assert.equal(body.totalPages, first.totalPages, `page ${page}`);
    seen.push(...body.hits.map((hit) => hit.id));
  }
  assert.equal(new Set(seen).size, seen.length, 'no hit twice');
  assert.equal(seen.length, first.totalHits, 'the pages hold the total');
});

test('sorted by date, the newest answer holding the word comes first, however weakly it matches', async () => {
  const newest = await search({ q: 'timeout', sort: 'newest' });
  assert.equal(newest.hits[0]?.id, 'newest');
  const oldest = await search({ q: 'timeout', sort: 'oldest' });
  assert.equal(oldest.hits[0]?.date, '2021-03-19');
});
