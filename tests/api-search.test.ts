import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import request from 'supertest';
import { searchResultSchema } from '../src/contract/response-schemas.ts';
import { API_RECORD_FIELDS, toApiRecord } from '../src/contract/api-record.ts';
import { API_RECORDS, IDS_NEWEST_FIRST } from './helpers/api-records.ts';
import { startApiTest, type ApiTest } from './helpers/start-api-test.ts';

let t: ApiTest;
before(async () => {
  t = await startApiTest();
});
after(async () => {
  await t?.stop();
});

interface Body {
  query: string; page: number; hitsPerPage: number; totalHits: number; totalPages: number;
  hits: { id: string; highlight: { question: string; answer: string } }[];
  facets: { projects: Record<string, number>; years: Record<string, number> };
}
async function search(query: string): Promise<Body> {
  const res = await request(t.app).get(`/api/search${query}`).expect(200);
  searchResultSchema.parse(res.body); // the shape /openapi.json announces
  return res.body as Body;
}
const ids = (body: Body) => body.hits.map((h) => h.id);

test('an empty query lists everything, newest first, with the response shape and record fields', async () => {
  const body = await search('');
  assert.equal(body.query, '');
  assert.equal(body.totalHits, API_RECORDS.length);
  assert.deepEqual(ids(body), IDS_NEWEST_FIRST);
  assert.equal(body.page, 1);
  assert.equal(body.hitsPerPage, 10);
  assert.equal(body.totalPages, 1);
  const hit = body.hits[0] as unknown as Record<string, unknown>;
  assert.deepEqual(Object.keys(hit).sort(), [...API_RECORD_FIELDS, 'highlight', 'match', 'score', 'alsoIn'].sort());
  const source = API_RECORDS.find((r) => r.id === hit.id)!;
  const expected = toApiRecord(source) as unknown as Record<string, unknown>;
  for (const field of API_RECORD_FIELDS) assert.deepEqual(hit[field], expected[field], field);
  assert.deepEqual(body.facets.projects, { MOSN: 2, SOFARPC: 2, SOFABoot: 1, SOFAJRaft: 1, Seata: 1, Layotto: 1 });
  assert.deepEqual(body.facets.years, { 2019: 1, 2020: 2, 2021: 2, 2022: 1, 2023: 2 });
});

test('a query finds the matching records and marks the matched words', async () => {
  const body = await search('?q=election');
  assert.deepEqual(ids(body), ['jraft-2021']);
  assert.match(body.hits[0]!.highlight.question, /<mark>election<\/mark>/);
  assert.match(body.hits[0]!.highlight.answer, /<mark>election<\/mark> timeout/);
  assert.deepEqual(ids(await search('?q=beside')), ['layotto-2023']);
  // project synonyms (the catalogue's): "sidecar" finds MOSN records
  assert.deepEqual(ids(await search('?q=sidecar')).sort(), ['layotto-2023', 'mosn-2019', 'xss-2023']);
});

test('highlights escape the corpus markup and carry no markup but <mark>', async () => {
  const body = await search('?q=timeout&project=MOSN');
  const hit = body.hits.find((h) => h.id === 'xss-2023');
  assert.ok(hit, 'the hostile record is found');
  assert.equal(hit.highlight.question, 'Is &lt;script&gt;alert(1)&lt;/script&gt; in a MOSN <mark>timeout</mark> header escaped?');
  assert.equal(hit.highlight.answer, 'An &lt;img src=x onerror=alert(1)&gt; tag in the <mark>timeout</mark> page &amp; a &quot;quote&quot; stay text.');
  for (const h of (await search('?q=script alert img onerror')).hits.concat(body.hits)) {
    for (const html of [h.highlight.question, h.highlight.answer]) {
      assert.equal(html.replace(/<\/?mark>/g, '').includes('<'), false, html);
      assert.equal(html.replace(/<\/?mark>/g, '').includes('>'), false, html);
    }
  }
  // the raw fields are returned as stored (plain text), the highlight is the HTML-safe one
  assert.ok(hit && (API_RECORDS.find((r) => r.id === 'xss-2023')!.question.includes('<script>')));
});

test('project filter: one project, several projects (any of them)', async () => {
  assert.deepEqual(ids(await search('?project=SOFARPC')).sort(), ['rpc-2020-a', 'rpc-2020-b']);
  assert.deepEqual(ids(await search('?project=Seata&project=SOFAJRaft')).sort(), ['jraft-2021', 'seata-2022']);
  assert.deepEqual(ids(await search('?project=Holmes')), []);
  // any case, any spelling of the catalogue: the canonical project
  assert.deepEqual(ids(await search('?project=sofa-rpc')).sort(), ['rpc-2020-a', 'rpc-2020-b']);
  assert.deepEqual(ids(await search('?project=seata&project=jraft')).sort(), ['jraft-2021', 'seata-2022']);
  // comma-separated, as a link or a widget's data-project writes it, alone or repeated
  assert.deepEqual(ids(await search('?project=seata,jraft')).sort(), ['jraft-2021', 'seata-2022']);
  assert.deepEqual(ids(await search(`?project=${encodeURIComponent('Seata, SOFAJRaft')}&project=sofa-rpc`)).sort(), ['jraft-2021', 'rpc-2020-a', 'rpc-2020-b', 'seata-2022']);
  assert.deepEqual(ids(await search('?year=2020,2021&project=sofarpc,jraft')).sort(), ['jraft-2021', 'rpc-2020-a', 'rpc-2020-b']);
  const post = await request(t.app).post('/api/search').send({ project: 'seata,jraft' }).expect(200);
  assert.deepEqual(post.body.project, ['Seata', 'SOFAJRaft']);
});

test('the answer names the projects searched by their canonical names, also a project without records', async () => {
  const project = async (query: string) => ((await search(query)) as Body & { project: string[] }).project;
  assert.deepEqual(await project('?q=timeout'), []);
  assert.deepEqual(await project('?project=seata&project=jraft'), ['Seata', 'SOFAJRaft']);
  assert.deepEqual(await project('?project=holmes'), ['Holmes']); // no record has it: the facets cannot say
  assert.deepEqual(await project('?project=MOSN'), ['MOSN']);
  const post = await request(t.app).post('/api/search').send({ q: 'timeout', project: 'sofa-rpc' }).expect(200);
  assert.deepEqual(post.body.project, ['SOFARPC']);
});

test('year filter, date range (inclusive) and combinations', async () => {
  assert.deepEqual(ids(await search('?year=2021')).sort(), ['general-2021', 'jraft-2021']);
  assert.deepEqual(ids(await search('?year=2019&year=2022')).sort(), ['mosn-2019', 'seata-2022']);
  assert.deepEqual(ids(await search('?from=2020-03-01&to=2021-09-03')), ['jraft-2021', 'rpc-2020-b']);
  assert.deepEqual(ids(await search('?from=2023-01-01')), ['layotto-2023', 'xss-2023']);
  assert.deepEqual(ids(await search('?to=2020-01-10')), ['rpc-2020-a', 'mosn-2019']);
  assert.deepEqual(ids(await search('?from=2020-01-10&to=2020-01-10')), ['rpc-2020-a']);
  assert.deepEqual(ids(await search('?project=MOSN&year=2023')), ['xss-2023']);
  assert.deepEqual(ids(await search('?project=MOSN&year=2023&q=header')), ['xss-2023']);
  assert.deepEqual(ids(await search('?project=MOSN&project=SOFARPC&from=2019-01-01&to=2020-02-01')), ['rpc-2020-a', 'mosn-2019']);
  assert.deepEqual(ids(await search('?q=timeout&year=2021')).sort(), ['general-2021', 'jraft-2021']);
});

test("facet counts leave each facet's own filter out", async () => {
  // project filter: project counts are those of the query alone; year counts honour the project filter
  const byProject = await search('?project=SOFARPC');
  assert.deepEqual(byProject.facets.projects, { MOSN: 2, SOFARPC: 2, SOFABoot: 1, SOFAJRaft: 1, Seata: 1, Layotto: 1 });
  assert.deepEqual(byProject.facets.years, { 2020: 2 });
  // both filters: each facet keeps the other facet's filter
  const both = await search('?project=MOSN&year=2023');
  assert.deepEqual(both.facets.projects, { MOSN: 1, Layotto: 1 });
  assert.deepEqual(both.facets.years, { 2019: 1, 2023: 1 });
  // with a query and a date range, which apply to every facet
  const withQuery = await search('?q=timeout&year=2021&from=2020-01-01');
  assert.deepEqual(withQuery.facets.years, { 2020: 1, 2021: 2, 2022: 1, 2023: 1 });
  assert.deepEqual(withQuery.facets.projects, { SOFAJRaft: 1 });
  // a selected value that matches nothing is still listed, with 0
  const none = await search('?project=Holmes');
  assert.equal(none.facets.projects.Holmes, 0);
  assert.equal(none.facets.projects.MOSN, 2);
});

test('sorting: newest, oldest, relevance', async () => {
  assert.deepEqual(ids(await search('?sort=newest')), IDS_NEWEST_FIRST);
  assert.deepEqual(ids(await search('?sort=oldest')), [...IDS_NEWEST_FIRST].reverse());
  const timeout = await search('?q=timeout');
  assert.ok(timeout.totalHits >= 5);
  const newest = ids(await search('?q=timeout&sort=newest'));
  assert.deepEqual(newest, [...newest].sort((a, b) => IDS_NEWEST_FIRST.indexOf(a) - IDS_NEWEST_FIRST.indexOf(b)));
  assert.deepEqual(new Set(newest), new Set(ids(timeout)));
  // relevance: the record with the word in its question comes before those with it only in the answer
  const relevance = ids(await search('?q=consumer timeout&sort=relevance'));
  assert.equal(relevance[0], 'rpc-2020-a');
});

test('paging', async () => {
  const first = await search('?hitsPerPage=3');
  assert.deepEqual(ids(first), IDS_NEWEST_FIRST.slice(0, 3));
  assert.equal(first.totalPages, 3);
  assert.equal(first.totalHits, 8);
  const third = await search('?hitsPerPage=3&page=3');
  assert.deepEqual(ids(third), IDS_NEWEST_FIRST.slice(6));
  assert.equal(third.page, 3);
  const beyond = await search('?hitsPerPage=3&page=4');
  assert.deepEqual(ids(beyond), []);
  assert.equal(beyond.totalHits, 8);
  assert.equal((await search('?hitsPerPage=1&page=8')).hits[0]?.id, IDS_NEWEST_FIRST[7]);
  assert.equal((await search('?hitsPerPage=50')).hits.length, 8);
});

test('Cache-Control, ETag and 304; request id; security headers; gzip', async () => {
  const res = await request(t.app).get('/api/search?q=timeout').expect(200);
  assert.match(res.headers['cache-control'] ?? '', /max-age=\d+/);
  const etag = res.headers.etag;
  assert.ok(etag);
  await request(t.app).get('/api/search?q=timeout').set('If-None-Match', etag).expect(304);
  assert.match(res.headers['x-request-id'] ?? '', /^[0-9a-f-]{36}$/);
  const given = await request(t.app).get('/api/search').set('X-Request-Id', 'client-id-12345').expect(200);
  assert.equal(given.headers['x-request-id'], 'client-id-12345');
  const hostile = await request(t.app).get('/api/search').set('X-Request-Id', 'not an id <script>').expect(200);
  assert.match(hostile.headers['x-request-id'] ?? '', /^[0-9a-f-]{36}$/);
  assert.equal(res.headers['x-content-type-options'], 'nosniff');
  assert.ok(res.headers['content-security-policy']);
  assert.equal(res.headers['x-powered-by'], undefined);
  const gz = await request(t.app).get('/api/search').set('Accept-Encoding', 'gzip').expect(200);
  assert.equal(gz.headers['content-encoding'], 'gzip');
  assert.equal((gz.body as Body).totalHits, 8);
});
