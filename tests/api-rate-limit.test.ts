import assert from 'node:assert/strict';
import { test } from 'node:test';
import request from 'supertest';
import { createApp } from '../api/create-app.ts';
import { createMetrics } from '../api/create-metrics.ts';
import { errorBodySchema } from '../src/contract/response-schemas.ts';
import { loadConfig } from '../src/config.ts';
import { createFakeSearchBackend } from './helpers/fake-search-backend.ts';
import { createTestLogger } from './helpers/start-test-meili.ts';

function makeApp(limit: string) {
  return createApp({
    backend: createFakeSearchBackend(), logger: createTestLogger(), metrics: createMetrics({ defaultMetrics: false }),
    config: loadConfig({ LOG_LEVEL: 'silent', SEARCH_RATE_LIMIT: limit }),
  });
}

test('/api/search is rate limited per client IP: 429 with Retry-After and a JSON error; other endpoints are not', async () => {
  const app = makeApp('5');
  for (let i = 0; i < 5; i++) {
    const res = await request(app).get(`/api/search?q=${i}`).expect(200);
    assert.ok(res.headers.ratelimit ?? res.headers['ratelimit-policy'], 'standard RateLimit headers');
  }
  const limited = await request(app).get('/api/search?q=x').expect(429);
  assert.equal(errorBodySchema.parse(limited.body).error.code, 'rate-limited');
  assert.ok(Number(limited.headers['retry-after']) > 0);
  assert.ok(limited.headers['x-request-id']);
  await request(app).get('/api/facets').expect(200);
  await request(app).get('/healthz').expect(200);
});

test('SEARCH_RATE_LIMIT=0 disables the limit', async () => {
  const app = makeApp('0');
  for (let i = 0; i < 30; i++) await request(app).get('/api/search').expect(200);
});
