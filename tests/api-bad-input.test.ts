import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import request from 'supertest';
import { buildFilter } from '../src/search/build-filter.ts';
import { errorBodySchema } from '../src/contract/response-schemas.ts';
import { startApiTest, type ApiTest } from './helpers/start-api-test.ts';

let t: ApiTest;
before(async () => {
  t = await startApiTest();
});
after(async () => {
  await t?.stop();
});

const HOSTILE = 'MOSN" OR projects EXISTS OR "x';

/** GET `path`, expect 400 `invalid-parameter` naming `parameter`. */
async function expectInvalid(path: string, parameter: string, message?: RegExp): Promise<void> {
  const res = await request(t.app).get(path);
  assert.equal(res.status, 400, `${path}: ${JSON.stringify(res.body)}`);
  assert.match(res.headers['content-type'] ?? '', /application\/json/);
  const body = errorBodySchema.parse(res.body);
  assert.equal(body.error.code, 'invalid-parameter', path);
  assert.equal(body.error.parameter, parameter, path);
  assert.ok(body.error.message.startsWith(`${parameter}: `), `${path}: the message names the parameter: ${body.error.message}`);
  if (message) assert.match(body.error.message, message, path);
  assert.equal(res.headers['cache-control'], 'no-store');
}

test('every bad search parameter is a 400 naming it', async () => {
  const cases: [string, string, RegExp?][] = [
    ['/api/search?project=NoSuchProject', 'project', /unknown project "NoSuchProject"/],
    ['/api/search?project=MOSN&project=nope', 'project', /unknown project "nope"/],
    ['/api/search?project=MOSN,nope', 'project', /^project: unknown project "nope"$/],
    ['/api/search?project=MOSN,', 'project', /unknown project ""/],
    ['/api/search?year=2021,1999', 'year', /unknown year "1999"/],
    ['/api/search?kind=weekly,blog', 'kind', /unknown kind "blog"/],
    ['/api/search?project=SOFAStack', 'project', /unknown project "SOFAStack"/],
    ['/api/search?project=', 'project'],
    ['/api/search?year=1999', 'year', /unknown year "1999"/],
    ['/api/search?year=2999', 'year', /unknown year/],
    ['/api/search?year=abc', 'year'],
    ['/api/search?year=2021&year=20x1', 'year'],
    ['/api/search?from=2021-02-30', 'from', /calendar date/],
    ['/api/search?from=2021-2-3', 'from', /YYYY-MM-DD/],
    ['/api/search?to=yesterday', 'to'],
    ['/api/search?from=2022-01-02&to=2022-01-01', 'from', /after to/],
    ['/api/search?page=0', 'page', /1 to/],
    ['/api/search?page=-1', 'page'],
    ['/api/search?page=1.5', 'page'],
    ['/api/search?page=99999999999999999999', 'page'],
    ['/api/search?page=', 'page'],
    ['/api/search?hitsPerPage=0', 'hitsPerPage', /1 to 50/],
    ['/api/search?hitsPerPage=51', 'hitsPerPage', /1 to 50/],
    ['/api/search?hitsPerPage=ten', 'hitsPerPage'],
    [`/api/search?q=${'a'.repeat(4097)}`, 'q', /too long: 4097 characters, at most 4096/],
    // 1,800 Chinese characters percent-encoded are ~16 KB of URL, Node's header limit: longer needs POST
    [`/api/search?q=${encodeURIComponent('测'.repeat(1700))}&q=x`, 'q', /more than once/],
    ['/api/search?sort=random', 'sort', /relevance, newest, oldest/],
    ['/api/search?q=a&q=b', 'q', /more than once/],
    ['/api/search?page=1&page=2', 'page', /more than once/],
    ['/api/search?hitsPerPage=5&hitsPerPage=5', 'hitsPerPage', /more than once/],
    ['/api/search?sort=newest&sort=oldest', 'sort', /more than once/],
    ['/api/search?from=2021-01-01&from=2021-01-02', 'from', /more than once/],
    ['/api/search?to=2021-01-01&to=2021-01-02', 'to', /more than once/],
    ['/api/search?query=x', 'query', /unknown parameter/],
    ['/api/search?project[]=MOSN', 'project[]', /unknown parameter/],
    [`/api/search?project=${encodeURIComponent(HOSTILE)}`, 'project', /unknown project/],
    [`/api/search?year=${encodeURIComponent('2021] OR year EXISTS OR [')}`, 'year'],
    [`/api/search?${Array.from({ length: 31 }, () => 'project=MOSN').join('&')}`, 'project', /at most 30/],
    ['/api/facets?x=1', 'x', /unknown parameter/],
    ['/api/qa/has%20space', 'id'],
    ['/api/qa/mosn-2019?fields=x', 'fields'],
  ];
  for (const [path, parameter, message] of cases) await expectInvalid(path, parameter, message);
  // a list's one refused item is named alone, for a client to drop just that one
  for (const path of ['/api/search?project=mosn,nope', '/api/search?project=mosn&project=nope', `/api/search?project=${encodeURIComponent('mosn, nope ,seata')}`]) {
    const res = await request(t.app).get(path).expect(400);
    assert.deepEqual(res.body.error, { code: 'invalid-parameter', message: 'project: unknown project "nope"', parameter: 'project', value: 'nope' }, path);
  }
  assert.equal((await request(t.app).get('/api/search?page=0').expect(400)).body.error.value, undefined, 'a single value is not a list item');
  // a query of exactly 4096 characters is fine
  await request(t.app).get(`/api/search?q=${'a'.repeat(4096)}`).expect(200);
});

test('a hostile filter value is refused by the API and, built into a filter anyway, matches nothing in Meilisearch', async () => {
  const index = t.meili.search.index(t.meili.config.indexName);
  for (const value of [HOSTILE, 'x" OR "1"="1', 'MOSN\\', 'MOSN\\" OR projects EXISTS OR \\"x', '"] OR projects EXISTS OR projects IN ["', 'MOSN\nOR projects EXISTS']) {
    const filter = buildFilter({ project: [value], year: [], kind: [] });
    assert.ok(filter);
    let hits: unknown[] = [];
    try {
      hits = (await index.search('', { filter })).hits;
    } catch {
      continue; // refused by Meilisearch: also fine
    }
    assert.deepEqual(hits, [], `${value} -> ${filter}`);
  }
  // the same builder with a real value does match (so "nothing" above is not a broken filter)
  const real = await index.search('', { filter: buildFilter({ project: ['MOSN'], year: [2019], kind: [] }) });
  assert.deepEqual(real.hits.map((h) => h.id), ['mosn-2019']);
});

test('nothing a client sends gets a 500: malformed escapes, odd methods, random parameters', async () => {
  const paths = [
    '/api/search?q=%', '/api/search?q=%E0%A4%A', '/api/qa/%E0%A4%A', '/api/search?q=%00', '/api/search?project=%00',
    '/api/search?q=' + encodeURIComponent('"\\ OR 1=1 -- <script>'), '/api/search?q=' + encodeURIComponent('*'.repeat(100)),
    '/api/search?&&&', '/api/search?=x', '/api/search?q', '/api/qa/', '/api/qa/' + 'a'.repeat(65), '/api/nope', '/%2e%2e/etc/passwd',
    '/api/search?hitsPerPage=50&page=1000',
  ];
  for (const path of paths) {
    const res = await request(t.app).get(path);
    assert.ok(res.status < 500, `${path} -> ${res.status} ${JSON.stringify(res.body)}`);
    if (res.status >= 400) errorBodySchema.parse(res.body);
  }
  // POST /api/search is the JSON-body form of a search (an empty body lists everything)
  for (const method of ['put', 'delete', 'patch'] as const) {
    const res = await request(t.app)[method]('/api/search');
    assert.equal(res.status, 405, method);
    assert.equal(res.headers.allow, 'GET, HEAD, OPTIONS, POST');
    assert.equal(errorBodySchema.parse(res.body).error.code, 'method-not-allowed');
  }
  // random parameter soup
  const names = ['q', 'project', 'year', 'from', 'to', 'sort', 'page', 'hitsPerPage'];
  const values = ['', '0', '-1', '2021', 'MOSN', 'newest', '2021-01-01', '9'.repeat(30), '%', '<b>', '"', '\\', '测试'];
  let seed = 42;
  const random = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed % n;
  };
  for (let i = 0; i < 150; i++) {
    const parts = Array.from({ length: 1 + random(4) }, () => `${names[random(names.length)]}=${encodeURIComponent(values[random(values.length)]!)}`);
    const res = await request(t.app).get(`/api/search?${parts.join('&')}`);
    assert.ok(res.status === 200 || res.status === 400, `${parts.join('&')} -> ${res.status} ${JSON.stringify(res.body)}`);
    if (res.status === 400) errorBodySchema.parse(res.body);
  }
});

test('a search body over the limit is a 413 that names the limit', async () => {
  const res = await request(t.app).post('/api/search').set('Content-Type', 'application/json').send(JSON.stringify({ q: 'x'.repeat(2_000_000) }));
  assert.equal(res.status, 413);
  assert.match(errorBodySchema.parse(res.body).error.message, /over the limit of [\d,]+ bytes \(\d+ KB\)/);
});

test('the longest question POST accepts fits in its body however the client escapes it (\\uXXXX: 6 bytes a character)', async () => {
  const q = '超时'.repeat(32_768);
  const body = JSON.stringify({ q }).replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  const res = await request(t.app).post('/api/search').set('Content-Type', 'application/json').send(body);
  assert.equal(res.status, 200, JSON.stringify(res.body).slice(0, 300));
});
