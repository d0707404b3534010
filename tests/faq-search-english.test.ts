import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import request from 'supertest';
import { createApp } from '../api/create-app.ts';
import { createMetrics } from '../api/create-metrics.ts';
import { createMeiliSearchBackend } from '../api/meili-search-backend.ts';
import { searchResultSchema } from '../src/contract/response-schemas.ts';
import { getProjectSynonyms } from '../src/search/get-project-synonyms.ts';
import { reindex } from '../indexer/load/reindex.ts';
import { loadConfig } from '../src/config.ts';
import { startTestMeili, type TestMeili } from './helpers/start-test-meili.ts';

const SITE = fileURLToPath(new URL('fixtures/faq/site', import.meta.url));
const POSTS = fileURLToPath(new URL('fixtures/posts', import.meta.url));

let meili: TestMeili;
let app: ReturnType<typeof createApp>;

before(async () => {
  meili = await startTestMeili();
  // the FAQ pages of one checkout and the weekly posts of another, through SOURCES
  const { sources } = loadConfig({ SOURCES: `faq:${SITE},weekly:${POSTS}` });
  const report = await reindex({ client: meili.admin, indexName: meili.config.indexName, logger: meili.logger, records: [], sources, projectSynonyms: getProjectSynonyms() });
  assert.equal(report.outcome, 'succeeded', JSON.stringify(report.error));
  assert.ok(report.posts.faq === 3 && report.posts.weekly > 0, JSON.stringify(report.posts));
  const config = loadConfig({ DATA_DIR: meili.dataDir, LOG_LEVEL: 'silent', SEARCH_RATE_LIMIT: '0' });
  app = createApp({ backend: createMeiliSearchBackend({ connection: meili.connection, indexName: meili.config.indexName }), logger: meili.logger, config, metrics: createMetrics({ defaultMetrics: false }) });
});
after(async () => {
  await meili?.stop();
});

interface Hit { question: string; kind: string; lang: string; url: string; match: string }

async function search(q: string): Promise<Hit[]> {
  const res = await request(app).get(`/api/search?q=${encodeURIComponent(q)}`);
  assert.equal(res.status, 200, JSON.stringify(res.body));
  const parsed = searchResultSchema.safeParse(res.body);
  assert.ok(parsed.success, parsed.error?.message);
  return res.body.hits as Hit[];
}

test('an English FAQ page answers an English question, labelled faq / en with its anchor', async () => {
  const hits = await search('why are spans dropped by the exporter');
  assert.equal(hits[0]?.question, 'Why is the span exporter silently dropping spans?', JSON.stringify(hits.map((hit) => hit.question)));
  assert.equal(hits[0]?.kind, 'faq');
  assert.equal(hits[0]?.lang, 'en');
  assert.equal(hits[0]?.url, 'https://www.sofastack.tech/en/projects/sofa-tracer/faq/#q-why-is-the-span-exporter-silently-dropping-spans');
  const rename = await search('rename digest log file');
  assert.equal(rename[0]?.question, 'Can I rename the digest log file?');
});

test('FAQ and weekly records share the one index, each with its kind', async () => {
  const faq = await search('采样率怎么调');
  assert.equal(faq[0]?.kind, 'faq');
  assert.equal(faq[0]?.question, '采样率怎么调？');
  const all = await request(app).get('/api/search?hitsPerPage=50').expect(200);
  const kinds = new Set((all.body.hits as Hit[]).map((hit) => hit.kind));
  assert.deepEqual([...kinds].sort(), ['faq', 'weekly']);
});
