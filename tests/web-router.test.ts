import assert from 'node:assert/strict';
import { test } from 'node:test';
import express from 'express';
import request from 'supertest';
import { createApp } from '../api/create-app.ts';
import { createMetrics } from '../api/create-metrics.ts';
import type { SearchBackend } from '../api/search-backend.ts';
import { loadConfig } from '../src/config.ts';
import { createTestLogger } from './helpers/start-test-meili.ts';
import { getWebAssets } from '../web/build-web-assets.ts';
import { createWebRouter, getPageCsp } from '../web/create-web-router.ts';

/** The real app on a backend that is never asked (the web routes do not search). */
function makeApp() {
  const backend: SearchBackend = {
    search: () => Promise.reject(new Error('not in this test')),
    getRecord: () => Promise.resolve(null),
    facets: () => Promise.reject(new Error('not in this test')),
    health: () => Promise.resolve({ available: true, documents: 0 }),
  };
  const config = loadConfig({ DATA_DIR: '/tmp/weekly-faq-web-router-test', LOG_LEVEL: 'silent' });
  return createApp({ backend, logger: createTestLogger(), config, metrics: createMetrics({ defaultMetrics: false }) });
}

test('the app serves the search page and permalink pages with a strict CSP and versioned assets', async () => {
  const app = makeApp();
  const assets = await getWebAssets();
  for (const path of ['/', '/?q=timeout&project=MOSN']) {
    const res = await request(app).get(path).expect(200).expect('Content-Type', /text\/html/);
    assert.equal(res.headers['content-security-policy'], getPageCsp(''));
    assert.match(res.text, new RegExp(`/assets/page\\.js\\?v=${assets.pageJs.hash}`));
    assert.match(res.text, new RegExp(`/assets/page\\.css\\?v=${assets.pageCss.hash}`));
    assert.doesNotMatch(res.text, /<script>|style=/, 'no inline script or style');
  }
  const js = await request(app).get(`/assets/page.js?v=${assets.pageJs.hash}`).expect(200).expect('Content-Type', /text\/javascript/);
  assert.match(js.headers['cache-control']!, /immutable/);
  const css = await request(app).get('/assets/page.css').expect(200).expect('Content-Type', /text\/css/);
  assert.doesNotMatch(css.headers['cache-control']!, /immutable/, 'an unversioned URL is revalidated');
});

test('/widget.js is embeddable from any origin', async () => {
  const res = await request(makeApp()).get('/widget.js').set('Origin', 'https://docs.example.org').expect(200).expect('Content-Type', /text\/javascript/);
  assert.equal(res.headers['access-control-allow-origin'], '*');
  assert.equal(res.headers['cross-origin-resource-policy'], 'cross-origin');
  assert.match(res.text, /WeeklyFaqWidget/);
});

test('/demo embeds the widget with the one tag, from ?api= or this origin, under a strict CSP with a nonce', async () => {
  const app = makeApp();
  const other = await request(app).get('/demo?api=http://127.0.0.1:9999/ignored/path').expect(200);
  assert.match(other.text, /<script src="http:\/\/127\.0\.0\.1:9999\/widget\.js" data-project="MOSN" data-container="#faq-search" defer><\/script>/);
  const csp = other.headers['content-security-policy']!;
  assert.match(csp, /script-src 'self' http:\/\/127\.0\.0\.1:9999/);
  const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
  assert.ok(nonce && other.text.includes(`<style nonce="${nonce}">`));
  const own = await request(app).get('/demo?api=javascript:alert(1)').set('Host', 'faq.test:8080').expect(200);
  assert.match(own.text, /<script src="http:\/\/faq\.test:8080\/widget\.js"/);
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
