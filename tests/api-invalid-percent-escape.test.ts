import assert from 'node:assert/strict';
import { test } from 'node:test';
import request from 'supertest';
import { createApp } from '../api/create-app.ts';
import { createMetrics } from '../api/create-metrics.ts';
import { errorBodySchema } from '../src/contract/response-schemas.ts';
import { loadConfig } from '../src/config.ts';
import { createLogger } from '../src/logger.ts';
import { createWebRouters } from '../web/create-web-routers.ts';
import { createFakeSearchBackend } from './helpers/fake-search-backend.ts';

// A garbled link (`?q=%E4%zz`, a lone `%`) is a 400 naming the parameter, as the same escape in
// the path is, instead of a search for U+FFFD or a literal "%".
function makeApp() {
  const searched: string[] = [];
  const backend = createFakeSearchBackend({
    search: async (params) => {
      searched.push(params.q);
      return createFakeSearchBackend().search(params);
    },
  });
  const app = createApp({ backend, logger: createLogger({ level: 'silent' }), metrics: createMetrics({ defaultMetrics: false }), config: loadConfig({ LOG_LEVEL: 'silent', SEARCH_RATE_LIMIT: '0' }) });
  return { app, searched };
}

test('an invalid % escape in a query parameter is a 400 naming the parameter and the escape', async () => {
  const { app, searched } = makeApp();
  const cases: [query: string, parameter: string, shown: string][] = [
    ['q=%E4%zz', 'q', '%E4%zz'],
    ['q=%', 'q', '%'],
    ['q=%E4', 'q', '%E4'],
    ['q=jraft%2', 'q', 'jraft%2'],
    ['q=ok&project=MOSN%', 'project', 'MOSN%'],
    ['q=ok&%zz=1', '%zz', '%zz'],
  ];
  for (const [query, parameter, shown] of cases) {
    const res = await request(app).get(`/api/search?${query}`);
    assert.equal(res.status, 400, `${query}: ${res.text}`);
    const { error } = errorBodySchema.parse(res.body);
    assert.equal(error.code, 'invalid-parameter', query);
    assert.equal(error.parameter, parameter, query);
    assert.match(error.message, new RegExp(`^${parameter}: invalid percent escape in ${JSON.stringify(shown)}`), query);
  }
  assert.deepEqual(searched, [], 'nothing was searched');
  // the path's own invalid escape is a 400 too, as before
  assert.equal((await request(app).get('/api/qa/%E4%zz')).status, 400);
});

test('valid escapes, + for a space and a literal %25 still search as written', async () => {
  const { app, searched } = makeApp();
  await request(app).get('/api/search').expect(200); // no query string at all
  await request(app).get('/api/search?q=%E4%B8%AD%E6%96%87').expect(200);
  await request(app).get('/api/search?q=connection+reset').expect(200);
  await request(app).get('/api/search?q=100%25+cpu').expect(200);
  await request(app).get('/api/search?q=a&q').expect(400); // repeated: still refused as before
  assert.deepEqual(searched, ['', '中文', 'connection reset', '100% cpu']);
});

test('the pages still open with a broken escape in their query string (the answer page without highlights)', async () => {
  const app = createApp({ backend: createFakeSearchBackend(), logger: createLogger({ level: 'silent' }), metrics: createMetrics({ defaultMetrics: false }), config: loadConfig({ LOG_LEVEL: 'silent', SEARCH_RATE_LIMIT: '0' }), web: createWebRouters });
  for (const path of ['/?q=%E4%zz', '/qa/some-record?q=%E4%zz']) {
    const res = await request(app).get(path);
    assert.notEqual(res.status, 400, path);
    assert.match(res.headers['content-type'] ?? '', /text\/html/, path);
  }
});
