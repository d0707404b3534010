import assert from 'node:assert/strict';
import { test } from 'node:test';
import express from 'express';
import request from 'supertest';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { createApp } from '../api/create-app.ts';
import { createWebRouters } from '../web/create-web-routers.ts';
import { createMetrics } from '../api/create-metrics.ts';
import type { SearchBackend } from '../src/contract/search-backend.ts';
import { loadConfig } from '../src/config.ts';
import { createTestLogger } from './helpers/start-test-meili.ts';
import { getWebAssets } from '../web/get-web-assets.ts';
import { createWebRouter, getPageCsp } from '../web/create-web-router.ts';

/** The real app on a backend that is never asked (the web routes do not search). */
function makeApp(env: Record<string, string> = {}) {
  const backend: SearchBackend = {
    search: () => Promise.reject(new Error('not in this test')),
    getRecord: () => Promise.resolve(null),
    facets: () => Promise.reject(new Error('not in this test')),
    health: () => Promise.resolve({ available: true, documents: 0 }),
  };
  const config = loadConfig({ DATA_DIR: '/tmp/weekly-faq-web-router-test', LOG_LEVEL: 'silent', ...env });
  return createApp({ backend, logger: createTestLogger(), config, metrics: createMetrics({ defaultMetrics: false }), web: createWebRouters });
}

test('the app serves the search page and permalink pages with a strict CSP and hashed assets', async () => {
  const app = makeApp();
  const assets = await getWebAssets();
  for (const path of ['/', '/?q=timeout&project=MOSN']) {
    const res = await request(app).get(path).expect(200).expect('Content-Type', /text\/html/);
    assert.equal(res.headers['content-security-policy'], getPageCsp(''));
    assert.ok(res.text.includes(`src="/assets/page.${assets.pageJs.hash}.js"`));
    assert.ok(res.text.includes(`href="/assets/page.${assets.pageCss.hash}.css"`));
    assert.doesNotMatch(res.text, /<script>|style=/, 'no inline script or style');
  }
  const js = await request(app).get(assets.pageJs.url).expect(200).expect('Content-Type', /text\/javascript/);
  assert.match(js.headers['cache-control']!, /immutable/);
  assert.equal(js.text, assets.pageJs.contents.toString('utf8'));
  const css = await request(app).get('/assets/page.css').expect(200).expect('Content-Type', /text\/css/);
  assert.doesNotMatch(css.headers['cache-control']!, /immutable/, 'an unversioned URL is revalidated');
  await request(app).get('/assets/page.000000000000.js').expect(404);
});

/** GET `path` from a listening app with `Accept-Encoding`, the body as sent (undecoded). */
function getRaw(app: ReturnType<typeof makeApp>, path: string, acceptEncoding: string): Promise<{ headers: http.IncomingHttpHeaders; body: Buffer }> {
  const server = app.listen(0, '127.0.0.1');
  return new Promise((resolve, reject) => {
    server.once('listening', () => {
      const { port } = server.address() as AddressInfo;
      http.get({ host: '127.0.0.1', port, path, headers: { 'Accept-Encoding': acceptEncoding } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk)).on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
      }).on('error', reject);
    });
  }).finally(() => server.close()) as Promise<{ headers: http.IncomingHttpHeaders; body: Buffer }>;
}

test('assets are sent pre-compressed as the client accepts (br, gzip, none) and revalidate to 304', async () => {
  const app = makeApp();
  const { widgetJs } = await getWebAssets();
  for (const [accept, encoding, decode] of [
    ['gzip, deflate, br, zstd', 'br', brotliDecompressSync],
    ['gzip', 'gzip', gunzipSync],
    ['br;q=0, gzip;q=0.5', 'gzip', gunzipSync],
    ['identity', undefined, (body: Buffer) => body],
  ] as const) {
    const res = await getRaw(app, widgetJs.url, accept);
    assert.equal(res.headers['content-encoding'], encoding, accept);
    assert.match(res.headers.vary!, /Accept-Encoding/);
    assert.ok(decode(res.body).equals(widgetJs.contents), `the ${accept} body is the widget`);
  }
  const first = await request(app).get('/widget.js').expect(200);
  assert.match(first.headers['cache-control']!, /max-age=300/, 'the embed URL is cached briefly, then revalidated');
  await request(app).get('/widget.js').set('If-None-Match', first.headers.etag!).expect(304);
});

test('/widget.js is embeddable from any origin', async () => {
  const res = await request(makeApp()).get('/widget.js').set('Origin', 'https://docs.example.org').expect(200).expect('Content-Type', /text\/javascript/);
  assert.equal(res.headers['access-control-allow-origin'], '*');
  assert.equal(res.headers['cross-origin-resource-policy'], 'cross-origin');
  assert.match(res.text, /WeeklyFaqWidget/);
});

test('/demo embeds the widget with the one tag, from PUBLIC_URL or this origin only (never from the request), under a strict CSP with a nonce', async () => {
  const own = await request(makeApp()).get('/demo?api=https://attacker.example').set('Host', 'attacker.example:8080').expect(200);
  assert.match(own.text, /<script src="\/widget\.js" data-project="MOSN" data-container="#faq-search" defer><\/script>/);
  assert.equal(own.text.includes('attacker'), false, 'nothing from the query or the Host header reaches the page');
  const ownCsp = own.headers['content-security-policy']!;
  assert.match(ownCsp, /script-src 'self';/);
  assert.equal(ownCsp.includes('attacker'), false, 'nor its CSP');
  const nonce = /'nonce-([^']+)'/.exec(ownCsp)?.[1];
  assert.ok(nonce && own.text.includes(`<style nonce="${nonce}">`));

  const configured = await request(makeApp({ PUBLIC_URL: 'https://faq.example.com/some/path' })).get('/demo?api=https://attacker.example').expect(200);
  assert.match(configured.text, /<script src="https:\/\/faq\.example\.com\/widget\.js" data-project="MOSN"/);
  assert.match(configured.headers['content-security-policy']!, /script-src 'self' https:\/\/faq\.example\.com;/);
  assert.equal(configured.text.includes('attacker'), false);
});

test('API routes and unknown paths are untouched (JSON 404 still)', async () => {
  const app = makeApp();
  const res = await request(app).get('/nope').expect(404);
  assert.equal(res.body.error.code, 'not-found');
  await request(app).get('/api/qa/missing').expect(404);
});

test('the router mounts on its own too, with an API on another origin', async () => {
  const app = express().use(createWebRouter({ apiBase: 'https://api.example.org', title: 'FAQ <test>' }));
  const res = await request(app).get('/').expect(200);
  assert.match(res.text, /<meta name="weekly-faq-api" content="https:\/\/api\.example\.org">/);
  assert.match(res.text, /<title>FAQ &lt;test&gt;<\/title>/);
  assert.match(res.headers['content-security-policy']!, /connect-src 'self' https:\/\/api\.example\.org/);
});
