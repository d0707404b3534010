import assert from 'node:assert/strict';
import http from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { after, test } from 'node:test';
import { MeilisearchApiError, MeilisearchRequestError, MeilisearchRequestTimeOutError } from 'meilisearch';
import { createMeiliTransport } from '../src/meili/create-meili-transport.ts';

// The search transport (undici's Pool, with Meilisearch's errors, a timeout and one resend):
// checked here against node:http servers and raw sockets for what Meilisearch or a proxy in
// front of it may send; the search tests use it against the real Meilisearch.

const servers: net.Server[] = [];
after(() => {
  for (const server of servers) server.close();
});

async function listen(server: net.Server): Promise<string> {
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** A server answering each POST with `answer(path, body)`; records what it received. */
async function jsonServer(answer: (path: string, body: string, res: http.ServerResponse) => void) {
  const seen: { path: string; headers: http.IncomingHttpHeaders; body: string }[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      seen.push({ path: req.url ?? '', headers: req.headers, body });
      answer(req.url ?? '', body, res);
    });
  });
  return { url: await listen(server), seen, server };
}

test('posts the body with the key and answers the parsed JSON, on one reused connection', async () => {
  const { url, seen, server } = await jsonServer((path, body, res) => res.setHeader('content-type', 'application/json').end(JSON.stringify({ path, echo: JSON.parse(body), text: '超时 ✓' })));
  const connections = new Set<net.Socket>();
  server.on('connection', (socket) => connections.add(socket));
  const transport = createMeiliTransport({ url, apiKey: 'search-key' });
  for (let i = 0; i < 10; i++) {
    assert.deepEqual(await transport.post('multi-search', JSON.stringify({ n: i, q: '选举' })), { path: '/multi-search', echo: { n: i, q: '选举' }, text: '超时 ✓' });
  }
  assert.equal(seen[0]?.headers.authorization, 'Bearer search-key');
  assert.equal(seen[0]?.headers['content-type'], 'application/json');
  // (undici may open a second before it sees the first one free again: never one per request)
  assert.ok(connections.size <= 2, `${connections.size} connections for 10 sequential requests: kept alive`);
  transport.close();
});

test('keeps a path prefix of the URL', async () => {
  const { url, seen } = await jsonServer((_path, _body, res) => res.end('{}'));
  const transport = createMeiliTransport({ url: `${url}/meili/` });
  await transport.post('indexes/qa/search', '{}');
  assert.equal(seen[0]?.path, '/meili/indexes/qa/search');
  transport.close();
});

test('a non-2xx answer rejects with MeilisearchApiError carrying Meilisearch\'s code', async () => {
  const { url } = await jsonServer((_path, _body, res) => res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ message: 'Index `qa` not found.', code: 'index_not_found', type: 'invalid_request', link: 'x' })));
  const transport = createMeiliTransport({ url });
  const error = await transport.post('multi-search', '{}').then(() => null, (e: unknown) => e);
  assert.ok(error instanceof MeilisearchApiError, String(error));
  assert.equal(error.cause?.code, 'index_not_found');
  assert.equal(error.response.status, 404);
  transport.close();
});

test('reads chunked answers, and answers on a connection the server closes after each', async () => {
  const { url } = await jsonServer((_path, body, res) => {
    res.setHeader('connection', 'close');
    res.write('{"results":');
    res.end(`[${body}]}`);
  });
  const transport = createMeiliTransport({ url });
  const answers = await Promise.all([1, 2, 3, 4].map((n) => transport.post('multi-search', JSON.stringify({ n }))));
  assert.deepEqual(answers, [1, 2, 3, 4].map((n) => ({ results: [{ n }] })));
  assert.deepEqual(await transport.post('multi-search', '{"n":5}'), { results: [{ n: 5 }] });
  transport.close();
});

test('a reused connection the server closed meanwhile is replaced, and the request goes through', async () => {
  const { url, server } = await jsonServer((_path, body, res) => res.end(body));
  server.keepAliveTimeout = 50;
  const transport = createMeiliTransport({ url });
  assert.deepEqual(await transport.post('x', '{"a":1}'), { a: 1 });
  await new Promise((resolve) => setTimeout(resolve, 300)); // the server closes the idle connection
  assert.deepEqual(await transport.post('x', '{"a":2}'), { a: 2 });
  transport.close();
});

test('more requests than connections wait for one, and every answer reaches its request', async () => {
  const { url, server } = await jsonServer((_path, body, res) => setTimeout(() => res.end(body), 5 * Math.random()));
  let opened = 0;
  server.on('connection', () => (opened += 1));
  const transport = createMeiliTransport({ url, maxSockets: 3 });
  const ids = Array.from({ length: 40 }, (_, i) => i);
  assert.deepEqual(await Promise.all(ids.map((id) => transport.post('x', JSON.stringify({ id })))), ids.map((id) => ({ id })));
  assert.ok(opened <= 3, `${opened} connections`);
  transport.close();
});

test('no answer in time rejects with a timeout error, and the next request still works', async () => {
  let first = true;
  const { url } = await jsonServer((_path, body, res) => {
    if (first) first = false; // never answered
    else res.end(body);
  });
  // not shorter: the same limit holds for the second request, and on a loaded machine (load 24)
  // a loopback answer took longer than 200 ms
  const transport = createMeiliTransport({ url, apiKey: 'secret-key', timeoutMs: 2_000 });
  const error = await transport.post('x', '{}').then(() => null, (e: unknown) => e);
  assert.ok(error instanceof MeilisearchRequestError, String(error));
  assert.ok(error.cause instanceof MeilisearchRequestTimeOutError);
  assert.ok(!JSON.stringify(error.cause.cause).includes('secret'), 'the key is not in the error');
  assert.deepEqual(await transport.post('x', '{"ok":true}'), { ok: true });
  transport.close();
});

test('a server that is not there, or answers garbage, rejects with MeilisearchRequestError', async () => {
  const closed = net.createServer();
  const url = await listen(closed);
  closed.close();
  const refused = await createMeiliTransport({ url }).post('x', '{}').then(() => null, (e: unknown) => e);
  assert.ok(refused instanceof MeilisearchRequestError, String(refused));
  const garbage = net.createServer((socket) => socket.once('data', () => socket.end('SSH-2.0-OpenSSH\r\n\r\n')));
  const error = await createMeiliTransport({ url: await listen(garbage) }).post('x', '{}').then(() => null, (e: unknown) => e);
  assert.ok(error instanceof MeilisearchRequestError, String(error));
});
