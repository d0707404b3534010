import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ApiClientError, createApiClient } from '../web/src/core/api-client.ts';
import { MAX_GET_QUERY_BYTES } from '../web/src/core/search-params.ts';
import { DEFAULT_PARAMS } from '../web/src/core/search-params.ts';
import { makeResult } from './helpers/web-fakes.ts';

// A long paste (a log, 2,400 Chinese characters) does not fit a URL (Node answers 431 past
// 16 KB): the client sends it as POST /api/search with a JSON body. Errors name what was wrong,
// never the request URL.
function recordingFetch(respond: () => Response) {
  const requests: { url: string; method: string; body: unknown }[] = [];
  const fetch = (async (input: string | URL | Request, init?: RequestInit) => {
    requests.push({ url: String(input), method: init?.method ?? 'GET', body: init?.body ? JSON.parse(String(init.body)) : null });
    return respond();
  }) as typeof globalThis.fetch;
  return { requests, fetch };
}
const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });

test('a question whose URL would be long goes by POST with the same parameters; a short one stays GET', async () => {
  const { requests, fetch } = recordingFetch(() => json(makeResult('x')));
  const client = createApiClient({ baseUrl: 'https://faq.example.org', hitsPerPage: 8, fetch });
  const paste = '连接超时异常服务调用失败'.repeat(200);
  await client.search({ ...DEFAULT_PARAMS, q: paste, projects: ['MOSN'], years: ['2021'], to: '2022-01-01', page: 2 });
  await client.search({ ...DEFAULT_PARAMS, q: '连接超时', projects: ['MOSN'] });
  assert.deepEqual(requests[0], {
    url: 'https://faq.example.org/api/search', method: 'POST',
    body: { q: paste, project: ['MOSN'], year: ['2021'], to: '2022-01-01', sort: 'relevance', page: 2, hitsPerPage: 8, copies: 'fold' },
  });
  assert.equal(requests[1]!.method, 'GET');
  assert.match(requests[1]!.url, /^https:\/\/faq\.example\.org\/api\/search\?q=%E8%BF%9E/);
  // the threshold: the longest GET sent is within MAX_GET_QUERY_BYTES
  const ascii = 'a'.repeat(MAX_GET_QUERY_BYTES);
  await client.search({ ...DEFAULT_PARAMS, q: ascii.slice(0, MAX_GET_QUERY_BYTES - '/api/search?q=&hitsPerPage=8&copies=fold'.length) });
  await client.search({ ...DEFAULT_PARAMS, q: ascii });
  assert.deepEqual(requests.slice(2).map((r) => r.method), ['GET', 'POST']);
});

test('an error message never carries the URL: the API\'s message, else what the status means', async () => {
  const paste = '连接超时'.repeat(600);
  const cases: [Response, string][] = [
    [new Response('', { status: 431 }), 'the question is too long to send'],
    [new Response('<html>Bad gateway</html>', { status: 502 }), 'the search service answered with HTTP 502'],
    [json({}, 418), 'the search service answered with HTTP 418'],
    [json({ error: { code: 'invalid-parameter', message: 'project: unknown project "x"' } }, 400), 'project: unknown project "x"'],
  ];
  for (const [response, expected] of cases) {
    const client = createApiClient({ baseUrl: '', fetch: (async () => response) as typeof fetch });
    // GET (a short question) and POST (a long one) alike
    for (const q of ['timeout', paste]) {
      const error = await client.search({ ...DEFAULT_PARAMS, q }).catch((e: unknown) => e);
      assert.ok(error instanceof ApiClientError);
      assert.equal(error.message, expected);
      assert.ok(!error.message.includes('/api/'), error.message);
      if (q === 'timeout') break; // a Response body is read once
    }
  }
  const down = createApiClient({ baseUrl: '', fetch: (async () => { throw new TypeError('fetch failed'); }) as typeof fetch });
  const error = await down.search({ ...DEFAULT_PARAMS, q: paste }).catch((e: unknown) => e);
  assert.ok(error instanceof ApiClientError && !error.message.includes('%E8') && !error.message.includes('/api/'));
});

test('a 429 carries the Retry-After seconds', async () => {
  const limited = json({ error: { code: 'rate-limited', message: 'Too many searches' } }, 429, { 'Retry-After': '12' });
  const client = createApiClient({ baseUrl: '', fetch: (async () => limited) as typeof fetch });
  const error = await client.search(DEFAULT_PARAMS).catch((e: unknown) => e);
  assert.ok(error instanceof ApiClientError);
  assert.equal(error.status, 429);
  assert.equal(error.retryAfter, 12);
});
