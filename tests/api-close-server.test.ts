import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { test } from 'node:test';
import { closeServer } from '../api/close-server.ts';
import { createApp } from '../api/create-app.ts';
import { createMetrics } from '../api/create-metrics.ts';
import { loadConfig } from '../src/config.ts';
import { createFakeSearchBackend } from './helpers/fake-search-backend.ts';
import { createTestLogger } from './helpers/start-test-meili.ts';

test('closeServer: stops accepting, lets the in-flight request finish', async () => {
  let arrived!: () => void;
  const inFlight = new Promise<void>((resolve) => (arrived = resolve));
  // the search answers once the test has seen new connections refused: in flight across the close, whatever the load
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  const backend = createFakeSearchBackend({
    search: async (params) => {
      arrived();
      await released;
      return { query: params.q, page: 1, hitsPerPage: 10, totalHits: 0, totalPages: 0, processingTimeMs: 0, hits: [], facets: { projects: {}, years: {}, kinds: {} }, strongHits: 0, detectedProject: null, detectedProjects: [], searchedFor: params.q };
    },
  });
  const app = createApp({ backend, logger: createTestLogger(), metrics: createMetrics({ defaultMetrics: false }), config: loadConfig({ LOG_LEVEL: 'silent', SEARCH_RATE_LIMIT: '0' }) });
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  await fetch(`${base}/healthz`); // leaves an idle keep-alive connection, which must not hold the close

  const slow = fetch(`${base}/api/search?q=slow`);
  await inFlight;
  const closing = closeServer(server, 5_000);
  await assert.rejects(fetch(`${base}/healthz`, { headers: { connection: 'close' } }), 'new connections are refused');
  release();
  const res = await slow;
  assert.equal(res.status, 200);
  assert.equal(((await res.json()) as { query: string }).query, 'slow');
  await closing;
  assert.equal(server.listening, false);
});
