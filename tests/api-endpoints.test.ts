import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import request from 'supertest';
import { createApp } from '../api/create-app.ts';
import { createMetrics } from '../api/create-metrics.ts';
import { createMeiliSearchBackend } from '../api/meili-search-backend.ts';
import { apiRecordSchema, errorBodySchema, facetsResultSchema, readinessSchema } from '../src/contract/response-schemas.ts';
import { searchQuerySchema } from '../src/contract/request-schemas.ts';
import { loadConfig } from '../src/config.ts';
import { getIndexSettings as getRelevanceSettings } from '../src/search/index-settings.ts';
import { API_RECORDS } from './helpers/api-records.ts';
import { startApiTest, type ApiTest } from './helpers/start-api-test.ts';

let t: ApiTest;
before(async () => {
  t = await startApiTest({ env: { ADMIN_TOKEN: 'x'.repeat(20) } });
});
after(async () => {
  await t?.stop();
});

/** An app on another index of the same server, with the admin key (the search key only reaches `qa`). */
function appOnIndex(indexName: string) {
  const backend = createMeiliSearchBackend({ connection: { url: t.meili.connection.url, searchKey: t.meili.connection.adminKey }, indexName });
  return createApp({ backend, logger: t.meili.logger, config: loadConfig({ LOG_LEVEL: 'silent' }), metrics: createMetrics({ defaultMetrics: false }) });
}

test('GET /api/qa/:id: the record, or 404', async () => {
  for (const record of API_RECORDS) {
    const res = await request(t.app).get(`/api/qa/${record.id}`).expect(200);
    const body = apiRecordSchema.parse(res.body);
    assert.equal(body.question, record.question);
    assert.deepEqual(body.projects, record.projects);
    assert.equal((res.body as Record<string, unknown>).dateTs, undefined);
  }
  const missing = await request(t.app).get('/api/qa/no-such-record').expect(404);
  assert.equal(errorBodySchema.parse(missing.body).error.code, 'not-found');
  // an id that would be a hostile filter is refused before it reaches Meilisearch
  await request(t.app).get(`/api/qa/${encodeURIComponent('x" OR id EXISTS OR "y')}`).expect(400);
});

test('GET /api/facets: every project and year with counts, and the total', async () => {
  const res = await request(t.app).get('/api/facets').expect(200);
  const body = facetsResultSchema.parse(res.body);
  assert.equal(body.total, API_RECORDS.length);
  assert.deepEqual(body.projects, { MOSN: 2, SOFARPC: 2, SOFABoot: 1, SOFAJRaft: 1, Seata: 1, Layotto: 1 });
  assert.deepEqual(body.years, { 2019: 1, 2020: 2, 2021: 2, 2022: 1, 2023: 2 });
  assert.match(res.headers['cache-control'] ?? '', /max-age/);
});

test('GET /healthz and /readyz', async () => {
  assert.deepEqual((await request(t.app).get('/healthz').expect(200)).body, { status: 'ok' });
  const ready = await request(t.app).get('/readyz').expect(200);
  assert.deepEqual(readinessSchema.parse(ready.body), { status: 'ready', meilisearch: 'available', documents: API_RECORDS.length });

  // no index yet: not ready, and searches answer 503 with Retry-After
  const missing = appOnIndex('missing');
  const notReady = await request(missing).get('/readyz').expect(503);
  assert.equal(readinessSchema.parse(notReady.body).status, 'not-ready');
  assert.match(notReady.body.reason, /does not exist/);
  const unavailable = await request(missing).get('/api/search?q=x').expect(503);
  assert.equal(errorBodySchema.parse(unavailable.body).error.code, 'search-unavailable');
  assert.ok(Number(unavailable.headers['retry-after']) > 0);
  await request(missing).get('/healthz').expect(200);

  // an empty index: not ready; without the settings (an index built by an older version) a
  // search is a 503 naming the cause, with them it answers nothing
  await t.meili.admin.createIndex('empty', { primaryKey: 'id' }).waitTask();
  const empty = appOnIndex('empty');
  const emptyReady = await request(empty).get('/readyz').expect(503);
  assert.equal(emptyReady.body.documents, 0);
  const outdated = await request(empty).get('/api/search').expect(503);
  assert.match(outdated.body.error.message, /older settings/);
  await t.meili.admin.index('empty').updateSettings(getRelevanceSettings({})).waitTask();
  assert.equal((await request(empty).get('/api/search').expect(200)).body.totalHits, 0);
  assert.equal((await request(empty).get('/api/qa/mosn-2019').expect(404)).body.error.code, 'not-found');
});

test('GET /openapi.json: OpenAPI 3.1 generated from the validating schemas', async () => {
  const res = await request(t.app).get('/openapi.json').expect(200);
  const doc = res.body as { openapi: string; paths: Record<string, Record<string, { parameters?: { name: string; in: string; schema: Record<string, unknown> }[] }>>; components: { schemas: Record<string, unknown> } };
  assert.equal(doc.openapi, '3.1.0');
  for (const path of ['/api/search', '/api/qa/{id}', '/api/facets', '/healthz', '/readyz', '/metrics', '/openapi.json', '/api/admin/reindex', '/api/admin/status', '/api/feedback', '/api/click', '/api/admin/insights', '/api/admin/insights.csv']) {
    assert.ok(doc.paths[path], path);
  }
  // a pasted log too long for a URL goes in a POST body: the document says how
  const postSearch = (doc.paths['/api/search'] as Record<string, { requestBody?: { content: Record<string, { schema: { properties: Record<string, { maxLength?: number }> } }> } }>).post;
  assert.equal(postSearch?.requestBody?.content['application/json']?.schema.properties.q?.maxLength, 65_536);
  const parameters = doc.paths['/api/search']?.get?.parameters ?? [];
  assert.deepEqual(parameters.map((p) => p.name), Object.keys(searchQuerySchema.shape));
  const project = parameters.find((p) => p.name === 'project');
  assert.equal(project?.schema.type, 'array');
  // any spelling in any case is accepted (`mosn`), so no enum: the canonical names are in the description
  assert.equal((project?.schema.items as { type: string }).type, 'string');
  assert.match((project?.schema.items as { description: string }).description, /MOSN/);
  assert.equal(parameters.find((p) => p.name === 'q')?.schema.maxLength, 4096);
  assert.deepEqual(parameters.find((p) => p.name === 'sort')?.schema.enum, ['relevance', 'newest', 'oldest']);
  // numbers as a client writes them: a type, bounds and a default, not a string pattern
  const hitsPerPage = parameters.find((p) => p.name === 'hitsPerPage')?.schema;
  assert.deepEqual([hitsPerPage?.type, hitsPerPage?.minimum, hitsPerPage?.maximum, hitsPerPage?.default], ['integer', 1, 50, 10]);
  for (const name of ['SearchResult', 'SearchHit', 'Record', 'Facets', 'Error', 'Readiness', 'AdminStatus']) assert.ok(doc.components.schemas[name], name);
  // every $ref resolves
  for (const [, ref] of JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/schemas\/(\w+)"/g)) assert.ok(doc.components.schemas[ref!], ref);
  assert.equal(res.headers['access-control-allow-origin'], '*');
});

test('GET /metrics: request counts and latency by route and status, search latency, index size, last reindex', async () => {
  await request(t.app).get('/api/search?q=timeout').expect(200);
  await request(t.app).get('/api/qa/nope').expect(404);
  await request(t.app).get('/api/search?page=0').expect(400);
  const res = await request(t.app).get('/metrics').set('Authorization', `Bearer ${'x'.repeat(20)}`).expect(200);
  assert.match(res.headers['content-type'] ?? '', /text\/plain/);
  const text = res.text;
  assert.match(text, /weekly_faq_http_requests_total\{method="GET",route="\/api\/search",status="200"\} \d+/);
  assert.match(text, /weekly_faq_http_requests_total\{method="GET",route="\/api\/search",status="400"\} \d+/);
  assert.match(text, /weekly_faq_http_requests_total\{method="GET",route="\/api\/qa\/:id",status="404"\} \d+/);
  assert.match(text, /weekly_faq_http_request_duration_seconds_bucket\{le="[\d.]+",method="GET",route="\/api\/search",status="200"\}/);
  assert.match(text, /weekly_faq_search_duration_seconds_count\{outcome="ok"\} [1-9]/);
  assert.match(text, new RegExp(`weekly_faq_index_documents ${API_RECORDS.length}`));
  assert.match(text, /weekly_faq_reindex_last_run_timestamp_seconds 0/);
  // unknown paths share one label (no cardinality blow-up)
  await request(t.app).get('/random/path/123').expect(404);
  assert.match((await request(t.app).get('/metrics').set('Authorization', `Bearer ${'x'.repeat(20)}`)).text, /route="unmatched",status="404"/);
});

test('CORS: any origin by default on the read-only endpoints, never on admin; CORS_ORIGINS restricts', async () => {
  const origin = 'https://example.org';
  const search = await request(t.app).get('/api/search').set('Origin', origin).expect(200);
  assert.equal(search.headers['access-control-allow-origin'], '*');
  assert.equal((await request(t.app).get('/api/facets').set('Origin', origin)).headers['access-control-allow-origin'], '*');
  assert.equal((await request(t.app).get('/api/qa/mosn-2019').set('Origin', origin)).headers['access-control-allow-origin'], '*');
  const preflight = await request(t.app).options('/api/search').set('Origin', origin).set('Access-Control-Request-Method', 'GET');
  assert.equal(preflight.status, 204);
  assert.equal(preflight.headers['access-control-allow-origin'], '*');
  // admin: no CORS headers, also not on a preflight
  const admin = await request(t.app).get('/api/admin/status').set('Origin', origin).set('Authorization', `Bearer ${'x'.repeat(20)}`).expect(200);
  assert.equal(admin.headers['access-control-allow-origin'], undefined);
  const adminPreflight = await request(t.app).options('/api/admin/reindex').set('Origin', origin).set('Access-Control-Request-Method', 'POST');
  assert.equal(adminPreflight.headers['access-control-allow-origin'], undefined);
  assert.equal(adminPreflight.headers['access-control-allow-methods'], undefined);

  const restricted = createApp({
    backend: t.backend, logger: t.meili.logger, metrics: createMetrics({ defaultMetrics: false }),
    config: loadConfig({ CORS_ORIGINS: 'https://faq.example.com, http://localhost:5173', LOG_LEVEL: 'silent' }),
  });
  const allowed = await request(restricted).get('/api/search').set('Origin', 'https://faq.example.com').expect(200);
  assert.equal(allowed.headers['access-control-allow-origin'], 'https://faq.example.com');
  assert.match(allowed.headers.vary ?? '', /Origin/);
  const refused = await request(restricted).get('/api/search').set('Origin', 'https://evil.example').expect(200);
  assert.equal(refused.headers['access-control-allow-origin'], undefined);
});
