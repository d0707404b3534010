// test-runner: alone (stops its own Meilisearch and starts it again on the same port)
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import request from 'supertest';
import { createApp } from '../api/create-app.ts';
import { createMetrics } from '../api/create-metrics.ts';
import { createMeiliSearchBackend } from '../api/meili-search-backend.ts';
import { errorBodySchema } from '../src/contract/response-schemas.ts';
import { loadConfig } from '../src/config.ts';
import { startEmbeddedMeili, type EmbeddedMeili } from '../src/meili/embedded-meili.ts';
import { createTestLogger } from './helpers/start-test-meili.ts';
import { API_RECORDS } from './helpers/api-records.ts';
import { startApiTest, TEST_ADMIN_TOKEN, type ApiTest } from './helpers/start-api-test.ts';

let t: ApiTest;
let restarted: EmbeddedMeili | null = null;
before(async () => {
  t = await startApiTest({ env: { ADMIN_TOKEN: TEST_ADMIN_TOKEN }, own: true });
});
after(async () => {
  await restarted?.stop();
  await t?.stop();
});

async function expectUnavailable(path: string): Promise<void> {
  const res = await request(t.app).get(path);
  assert.equal(res.status, 503, `${path}: ${JSON.stringify(res.body)}`);
  assert.equal(errorBodySchema.parse(res.body).error.code, 'search-unavailable', path);
  assert.ok(Number(res.headers['retry-after']) > 0, `${path}: Retry-After`);
  assert.ok(res.headers['x-request-id']);
}

test('Meilisearch going away: 503 with Retry-After; back on the same port and data: 200 again, without restarting the app', async () => {
  const before = await request(t.app).get('/api/search?q=timeout').expect(200);
  const port = Number(new URL(t.meili.connection.url).port);

  await t.meili.connection.stop();
  await expectUnavailable('/api/search?q=timeout');
  await expectUnavailable('/api/qa/mosn-2019');
  await expectUnavailable('/api/facets');
  const notReady = await request(t.app).get('/readyz').expect(503);
  assert.equal(notReady.body.meilisearch, 'unavailable');
  await request(t.app).get('/healthz').expect(200);
  assert.match((await request(t.app).get('/metrics').set('Authorization', `Bearer ${TEST_ADMIN_TOKEN}`).expect(200)).text, /weekly_faq_index_documents -1/);

  restarted = await startEmbeddedMeili({ dataDir: t.meili.dataDir, logger: t.meili.logger, port });
  assert.equal(restarted.url, t.meili.connection.url);
  const after = await request(t.app).get('/api/search?q=timeout').expect(200);
  assert.deepEqual(after.body.hits.map((h: { id: string }) => h.id), before.body.hits.map((h: { id: string }) => h.id));
  await request(t.app).get('/readyz').expect(200);
  assert.equal((await request(t.app).get('/api/facets').expect(200)).body.total, API_RECORDS.length);
  await request(t.app).get('/api/qa/mosn-2019').expect(200);
});

test('Meilisearch too slow: 503 with Retry-After after the timeout, /readyz 503', async () => {
  // accepts connections, never answers
  const held: http.ServerResponse[] = [];
  const slow = http.createServer((_req, res) => held.push(res));
  await new Promise<void>((resolve) => slow.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(slow.address() as AddressInfo).port}`;
  try {
    const backend = createMeiliSearchBackend({ connection: { url, searchKey: 'k' }, indexName: 'qa', timeoutMs: 200, retryAfterSeconds: 3 });
    const app = createApp({ backend, logger: createTestLogger(), metrics: createMetrics({ defaultMetrics: false }), config: loadConfig({ LOG_LEVEL: 'silent' }) });
    const started = Date.now();
    const res = await request(app).get('/api/search?q=x').expect(503);
    assert.ok(Date.now() - started < 3_000);
    assert.equal(res.headers['retry-after'], '3');
    assert.match(res.body.error.message, /did not answer within 200 ms/);
    const ready = await request(app).get('/readyz').expect(503);
    assert.equal(ready.body.meilisearch, 'unavailable');
    assert.match(ready.body.reason, /did not answer within 200 ms/);
  } finally {
    for (const res of held) res.destroy();
    slow.closeAllConnections();
    await new Promise((resolve) => slow.close(resolve));
  }
});
