import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { test } from 'node:test';
import request from 'supertest';
import { createApp } from '../api/create-app.ts';
import { createMetrics } from '../api/create-metrics.ts';
import { errorBodySchema } from '../src/contract/response-schemas.ts';
import { loadConfig } from '../src/config.ts';
import { SearchUnavailableError } from '../src/errors/search-unavailable-error.ts';
import { createLogger } from '../src/logger.ts';
import { createFakeSearchBackend } from './helpers/fake-search-backend.ts';

function capture() {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line) as Record<string, unknown>);
      callback();
    },
  });
  return { lines, logger: createLogger({ level: 'debug', destination }) };
}

test('an unexpected error is a bare 500 (no stack, no message) and is logged with the request id', async () => {
  const { lines, logger } = capture();
  const backend = createFakeSearchBackend({ search: async () => { throw new Error('secret internal detail at /srv/x.ts:12'); } });
  const app = createApp({ backend, logger, metrics: createMetrics({ defaultMetrics: false }), config: loadConfig({ LOG_LEVEL: 'silent' }) });
  const res = await request(app).get('/api/search?q=x').expect(500);
  assert.deepEqual(res.body, { error: { code: 'internal', message: 'Internal server error' } });
  assert.doesNotMatch(res.text, /secret|srv/);
  const id = res.headers['x-request-id'];
  const logged = lines.filter((l) => l.reqId === id);
  assert.ok(logged.some((l) => l.msg === 'Unexpected error' && JSON.stringify(l.err).includes('secret internal detail')), 'the error is logged with its request id');
  assert.ok(logged.some((l) => l.msg === 'request failed' && l.status === 500 && l.route === '/api/search'));
  // every line logged for a request carries its id
  await request(app).get('/api/facets').expect(200);
  await request(app).get('/nope').expect(404);
  for (const line of lines) assert.match(String(line.reqId), /^[0-9a-f-]{36}$/, JSON.stringify(line));
});

test('a backend outage is a 503 with Retry-After from the backend', async () => {
  const { logger } = capture();
  const backend = createFakeSearchBackend({
    search: async () => { throw new SearchUnavailableError('Search: Meilisearch is unavailable; try again shortly', 7); },
    facets: async () => { throw new SearchUnavailableError('Counting facets: Meilisearch is unavailable', 7); },
  });
  const app = createApp({ backend, logger, metrics: createMetrics({ defaultMetrics: false }), config: loadConfig({ LOG_LEVEL: 'silent' }) });
  for (const path of ['/api/search', '/api/facets']) {
    const res = await request(app).get(path).expect(503);
    assert.equal(res.headers['retry-after'], '7');
    assert.equal(errorBodySchema.parse(res.body).error.code, 'search-unavailable');
    assert.equal(res.headers['cache-control'], 'no-store');
  }
});
