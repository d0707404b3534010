import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { Meilisearch } from 'meilisearch';
import { reindex } from '../indexer/load/reindex.ts';
import { createLogger } from '../src/logger.ts';
import { makeRecords, streamOf } from './helpers/make-record.ts';
import { startTestMeili, type TestMeili } from './helpers/start-test-meili.ts';

let meili: TestMeili;
before(async () => {
  meili = await startTestMeili();
});
after(async () => {
  await meili?.stop();
});

/**
 * The real Meilisearch behind a proxy that answers `busyAnswers` of the requests `isBusy` picks
 * with a 408, as a Meilisearch too busy to read a request in time does (meilisearch#1202).
 */
async function startBusyProxy(target: string, isBusy: (req: http.IncomingMessage) => boolean, busyAnswers: number) {
  const answered: string[] = [];
  const server = http.createServer((req, res) => {
    if (answered.length < busyAnswers && isBusy(req)) {
      answered.push(`${req.method} ${req.url}`);
      req.resume();
      res.writeHead(408, { 'content-type': 'application/json' })
        .end(JSON.stringify({ message: 'Request Timeout', code: 'request_timeout', type: 'system', link: '' }));
      return;
    }
    const upstream = http.request(new URL(req.url ?? '/', target), { method: req.method, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, answered, close: () => new Promise((resolve) => server.close(resolve)) };
}

test('a Meilisearch too busy to take some requests (408) slows the reindex down but does not fail it', async () => {
  const indexName = meili.config.indexName;
  const busyRequests = (req: http.IncomingMessage) =>
    (req.method === 'POST' && /\/documents(\?|$)/.test(req.url ?? '')) || (req.method === 'GET' && /^\/tasks\/\d+/.test(req.url ?? ''));
  const proxy = await startBusyProxy(meili.connection.url, busyRequests, 3);
  after(proxy.close);
  const logged: string[] = [];
  const logger = createLogger({ level: 'warn', pretty: false, destination: { write: (line: string) => logged.push(line) } });

  const report = await reindex({
    client: new Meilisearch({ host: proxy.url, apiKey: meili.connection.adminKey }),
    indexName, logger, force: true, batchSize: 100,
    records: streamOf(makeRecords(250)),
  });

  assert.equal(report.outcome, 'succeeded', JSON.stringify(report.error));
  assert.equal(proxy.answered.length, 3, `busy answers given: ${proxy.answered.join(', ')}`);
  assert.equal((await meili.admin.index(indexName).getStats()).numberOfDocuments, 250);
  const found = await meili.search.index(indexName).search('"Question 249"');
  assert.ok(found.hits.some((hit) => hit.id === 'rec-249'), 'the last batch is searchable');
  assert.ok(logged.some((line) => line.includes('too busy')), `a warning names the busy server: ${logged.join('')}`);
});
