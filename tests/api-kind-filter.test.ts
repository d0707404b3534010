import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import request from 'supertest';
import type { QaRecord } from '../src/qa-record.ts';
import { API_RECORDS } from './helpers/api-records.ts';
import { startApiTest, type ApiTest } from './helpers/start-api-test.ts';

// Records say where they come from (`kind`): a weekly post's Q&A or a project's FAQ page; a
// record without kind (an index built before FAQ pages) is a weekly pair.
const FAQ = { ...API_RECORDS[0]!, id: 'faq-mosn-1', question: 'MOSN 支持哪些协议？FAQ', kind: 'faq', lang: 'en' } as QaRecord;

let t: ApiTest;
before(async () => {
  t = await startApiTest({ records: [...API_RECORDS, FAQ] });
});
after(async () => {
  await t?.stop();
});

test('kind filter: faq, weekly (records without kind included), both; counted in facets', async () => {
  const all = (await request(t.app).get('/api/search').query({ hitsPerPage: 50 }).expect(200)).body;
  assert.deepEqual(all.facets.kinds, { weekly: API_RECORDS.length, faq: 1 });
  const faq = (await request(t.app).get('/api/search').query({ kind: 'faq' }).expect(200)).body;
  assert.deepEqual(faq.hits.map((hit: { id: string }) => hit.id), ['faq-mosn-1']);
  assert.equal(faq.hits[0].kind, 'faq');
  assert.equal(faq.hits[0].lang, 'en');
  assert.deepEqual(faq.facets.kinds, { weekly: API_RECORDS.length, faq: 1 }, "the kind facet leaves its own filter out");
  const weekly = (await request(t.app).get('/api/search').query({ q: 'MOSN', kind: 'weekly' }).expect(200)).body;
  assert.ok(weekly.hits.length > 0 && weekly.hits.every((hit: { kind: string }) => hit.kind === 'weekly'));
  const both = (await request(t.app).get('/api/search?kind=weekly&kind=faq&hitsPerPage=50').expect(200)).body;
  assert.equal(both.totalHits, API_RECORDS.length + 1);
  const facets = (await request(t.app).get('/api/facets').expect(200)).body;
  assert.deepEqual(facets.kinds, { weekly: API_RECORDS.length, faq: 1 });
});

test('an unknown kind is a 400 naming the parameter', async () => {
  const res = await request(t.app).get('/api/search').query({ kind: 'blog' }).expect(400);
  assert.equal(res.body.error.code, 'invalid-parameter');
  assert.equal(res.body.error.parameter, 'kind');
  assert.match(res.body.error.message, /unknown kind "blog" \(expected weekly or faq\)/);
});

test('the OpenAPI document has the kind parameter and the kind, lang and kinds fields', async () => {
  const doc = (await request(t.app).get('/openapi.json').expect(200)).body;
  const kind = doc.paths['/api/search'].get.parameters.find((p: { name: string }) => p.name === 'kind');
  assert.deepEqual(kind.schema.items.enum, ['weekly', 'faq']);
  assert.deepEqual(doc.components.schemas.Record.properties.kind.enum, ['weekly', 'faq']);
  assert.deepEqual(doc.components.schemas.Record.properties.lang.enum, ['zh', 'en']);
  assert.ok(doc.components.schemas.FacetCounts.properties.kinds);
});
