import assert from 'node:assert/strict';
import { test } from 'node:test';
import request from 'supertest';
import { createApp } from '../api/create-app.ts';
import { createMetrics } from '../api/create-metrics.ts';
import { loadConfig } from '../src/config.ts';
import { createInsights } from '../src/insights/create-insights.ts';
import { createLogger } from '../src/logger.ts';
import { createWebRouters } from '../web/create-web-routers.ts';
import { createFakeSearchBackend } from './helpers/fake-search-backend.ts';

// OPTIONS answers the same way on every path: 204, no body, `Allow` naming the path's methods;
// where CORS applies the cors middleware's preflight headers come with it, elsewhere none.
const ORIGIN = 'https://docs.example.org';

test('OPTIONS is 204 with Allow on every path; CORS preflight headers only where CORS applies', async (t) => {
  const dir = await import('node:fs/promises').then((fs) => fs.mkdtemp('/tmp/weekly-faq-options-'));
  const insights = createInsights({ file: `${dir}/insights.sqlite` });
  t.after(() => insights.close());
  const config = loadConfig({ DATA_DIR: dir, LOG_LEVEL: 'silent', SEARCH_RATE_LIMIT: '0', ADMIN_TOKEN: 'options-test-admin-token-0123' });
  const app = createApp({ backend: createFakeSearchBackend(), logger: createLogger({ level: 'silent' }), config, metrics: createMetrics({ defaultMetrics: false }), insights, web: createWebRouters });
  const cases: [path: string, allow: string, cors: string | null][] = [
    ['/api/search', 'GET, HEAD, OPTIONS, POST', 'GET,HEAD,POST'],
    ['/api/qa/abc', 'GET, HEAD, OPTIONS', 'GET,HEAD,POST'],
    ['/api/facets', 'GET, HEAD, OPTIONS', 'GET,HEAD,POST'],
    ['/openapi.json', 'GET, HEAD, OPTIONS', 'GET,HEAD,POST'],
    ['/api/feedback', 'OPTIONS, POST', 'POST'],
    ['/api/click', 'OPTIONS, POST', 'POST'],
    ['/healthz', 'GET, HEAD, OPTIONS', null],
    ['/readyz', 'GET, HEAD, OPTIONS', null],
    ['/metrics', 'GET, HEAD, OPTIONS', null],
    ['/api/admin/status', 'GET, HEAD, OPTIONS', null],
    ['/api/admin/reindex', 'OPTIONS, POST', null],
    ['/api/admin/insights', 'GET, HEAD, OPTIONS', null],
    ['/', 'GET, HEAD, OPTIONS', null],
    ['/demo', 'GET, HEAD, OPTIONS', null],
    ['/widget.js', 'GET, HEAD, OPTIONS', null],
    ['/qa/abc', 'GET, HEAD, OPTIONS', null],
  ];
  for (const [path, allow, corsMethods] of cases) {
    for (const preflight of [false, true]) {
      let call = request(app).options(path);
      if (preflight) call = call.set('Origin', ORIGIN).set('Access-Control-Request-Method', corsMethods?.startsWith('GET') ? 'GET' : 'POST');
      const res = await call;
      const what = `OPTIONS ${path}${preflight ? ' (preflight)' : ''}`;
      assert.equal(res.status, 204, what);
      assert.equal(res.text, '', `${what}: no body`);
      assert.equal(res.headers.allow, allow, what);
      if (corsMethods) {
        assert.equal(res.headers['access-control-allow-origin'], '*', what);
        assert.equal(res.headers['access-control-allow-methods'], corsMethods, what);
      } else {
        assert.equal(res.headers['access-control-allow-origin'], undefined, what);
        assert.equal(res.headers['access-control-allow-methods'], undefined, what);
      }
    }
  }
  // an unknown path stays a 404, whatever the method
  const missing = await request(app).options('/no/such/path');
  assert.equal(missing.status, 404);
  assert.equal(missing.body.error.code, 'not-found');
});

test('with CORS_ORIGINS, a preflight from another origin gets Allow and no CORS grant', async () => {
  const config = loadConfig({ LOG_LEVEL: 'silent', SEARCH_RATE_LIMIT: '0', CORS_ORIGINS: 'https://faq.example.com' });
  const app = createApp({ backend: createFakeSearchBackend(), logger: createLogger({ level: 'silent' }), config, metrics: createMetrics({ defaultMetrics: false }) });
  const allowed = await request(app).options('/api/search').set('Origin', 'https://faq.example.com').set('Access-Control-Request-Method', 'GET');
  assert.equal(allowed.status, 204);
  assert.equal(allowed.headers['access-control-allow-origin'], 'https://faq.example.com');
  const refused = await request(app).options('/api/search').set('Origin', 'https://evil.example').set('Access-Control-Request-Method', 'GET');
  assert.equal(refused.status, 204);
  assert.equal(refused.headers['access-control-allow-origin'], undefined);
  assert.equal(refused.headers.allow, 'GET, HEAD, OPTIONS, POST');
});
