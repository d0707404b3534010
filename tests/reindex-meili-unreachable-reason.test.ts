import assert from 'node:assert/strict';
import net from 'node:net';
import { test } from 'node:test';
import { Meilisearch } from 'meilisearch';
import { reindex } from '../indexer/load/reindex.ts';
import { makeRecords, streamOf } from './helpers/make-record.ts';
import { createTestLogger } from './helpers/start-test-meili.ts';

// /api/admin/status shows a failed run's error.message: for a Meilisearch that went away (killed
// mid-run, restarting) it said only "Request to <url> has failed", not why.

test('a run against a Meilisearch that does not answer reports meili-unreachable with the network reason', async () => {
  // a port nothing listens on: taken, then released
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as net.AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));

  const report = await reindex({
    client: new Meilisearch({ host: `http://127.0.0.1:${port}`, apiKey: 'x'.repeat(32) }),
    indexName: 'qa_unreachable', logger: createTestLogger(), records: streamOf(makeRecords(3)),
  });
  assert.equal(report.outcome, 'failed');
  assert.equal(report.error?.code, 'meili-unreachable');
  assert.match(report.error?.message ?? '', /has failed: .*ECONNREFUSED/, report.error?.message);
});
