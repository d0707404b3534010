import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ApiClientError, createApiClient } from '../web/src/core/api-client.ts';
import { DEFAULT_PARAMS } from '../web/src/core/search-params.ts';
import { makeResult } from './helpers/web-fakes.ts';

function fakeFetch(respond: (url: string) => Response | Promise<Response>) {
  const urls: string[] = [];
  const fetch = (async (input: string | URL | Request) => {
    urls.push(String(input));
    return respond(String(input));
  }) as typeof globalThis.fetch;
  return { urls, fetch };
}
const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

test('search builds the API URL from the params and hitsPerPage, a reposted pair folded into one result', async () => {
  const { urls, fetch } = fakeFetch(() => json(makeResult('x')));
  const client = createApiClient({ baseUrl: 'https://faq.example.org/', hitsPerPage: 8, fetch });
  const result = await client.search({ ...DEFAULT_PARAMS, q: 'x', projects: ['MOSN'], years: ['2021'], sort: 'oldest', page: 2 });
  assert.equal(result.query, 'x');
  await client.search(DEFAULT_PARAMS);
  await client.getRecord('a/b');
  assert.deepEqual(urls, [
    'https://faq.example.org/api/search?q=x&project=MOSN&year=2021&sort=oldest&page=2&hitsPerPage=8&copies=fold',
    'https://faq.example.org/api/search?hitsPerPage=8&copies=fold',
    'https://faq.example.org/api/qa/a%2Fb',
  ]);
});

test('API errors keep their code, status and message', async () => {
  const { fetch } = fakeFetch(() => json({ error: { code: 'search-unavailable', message: 'Meilisearch is down' } }, 503));
  const error = await createApiClient({ baseUrl: '', fetch }).search(DEFAULT_PARAMS).catch((e: unknown) => e);
  assert.ok(error instanceof ApiClientError);
  assert.equal(error.code, 'search-unavailable');
  assert.equal(error.status, 503);
  assert.equal(error.message, 'Meilisearch is down');
});

/** The ApiClientError a call rejects with. */
async function failure(call: Promise<unknown>): Promise<ApiClientError> {
  const error = await call.then(() => assert.fail('expected a rejection'), (e: unknown) => e);
  assert.ok(error instanceof ApiClientError, String(error));
  return error;
}

test('no answer is `network`; an answer without JSON is `bad-response`; an error without a body gets http-STATUS', async () => {
  const down = createApiClient({ baseUrl: '', fetch: (async () => { throw new TypeError('fetch failed'); }) as typeof fetch });
  assert.equal((await failure(down.search(DEFAULT_PARAMS))).code, 'network');
  const proxy = createApiClient({ baseUrl: '', fetch: fakeFetch(() => new Response('<html>Bad gateway</html>', { status: 502 })).fetch });
  const bad = await failure(proxy.search(DEFAULT_PARAMS));
  assert.equal(bad.code, 'bad-response');
  assert.equal(bad.status, 502);
  const bare = createApiClient({ baseUrl: '', fetch: fakeFetch(() => json({}, 404)).fetch });
  assert.equal((await failure(bare.getRecord('x'))).code, 'http-404');
});

test('an aborted request rejects with the abort, not a network error', async () => {
  const abort = new AbortController();
  const client = createApiClient({ baseUrl: '', fetch: ((_url: string, init?: RequestInit) => new Promise((_resolve, reject) => {
    init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
  })) as typeof fetch });
  const pending = client.search(DEFAULT_PARAMS, abort.signal);
  abort.abort();
  const error = await pending.catch((e: unknown) => e);
  assert.ok(!(error instanceof ApiClientError));
  assert.equal((error as DOMException).name, 'AbortError');
});
