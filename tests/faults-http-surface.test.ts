// Fault suite (issue 10): hostile requests against the real app on a fake backend.
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { test } from 'node:test';
import request from 'supertest';
import { createApp } from '../api/create-app.ts';
import { createWebRouters } from '../web/create-web-routers.ts';
import { createMetrics } from '../api/create-metrics.ts';
import type { ReindexScheduler } from '../indexer/load/reindex-scheduler.ts';
import { loadConfig } from '../src/config.ts';
import { createLogger } from '../src/logger.ts';
import { createFakeSearchBackend } from './helpers/fake-search-backend.ts';

const TOKEN = 'fault-suite-admin-token-0123';

/** The app with its log lines collected (every one must be JSON). */
function makeApp(env: Record<string, string> = {}, scheduler?: Pick<ReindexScheduler, 'getStatus' | 'trigger'>) {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines.push(...String(chunk).split('\n').filter((l) => l.trim()));
      done();
    },
  });
  const logger = createLogger({ level: 'info', destination: sink });
  const config = loadConfig({ DATA_DIR: '/tmp/weekly-faq-faults', LOG_LEVEL: 'info', SEARCH_RATE_LIMIT: '0', ...env });
  const app = createApp({ backend: createFakeSearchBackend(), logger, config, scheduler, metrics: createMetrics({ defaultMetrics: false }), web: createWebRouters });
  return { app, lines };
}

/** Everything written to stderr/console while `fn` runs. */
async function captureConsole<T>(fn: () => Promise<T>): Promise<{ result: T; written: string }> {
  let written = '';
  const original = { stderr: process.stderr.write, stdout: process.stdout.write, error: console.error, warn: console.warn };
  // node:test reports over its own channel, so stdout/stderr writes here are the app's
  process.stderr.write = ((chunk: unknown) => ((written += String(chunk)), true)) as typeof process.stderr.write;
  console.error = (...args: unknown[]) => void (written += `${args.map(String).join(' ')}\n`);
  console.warn = console.error;
  try {
    return { result: await fn(), written };
  } finally {
    process.stderr.write = original.stderr;
    console.error = original.error;
    console.warn = original.warn;
  }
}

test('/demo never loads a script from the request: ?api= and Host are ignored, PUBLIC_URL is the only other origin', async () => {
  const { app } = makeApp();
  const res = await request(app).get('/demo?api=https://attacker.example').set('Host', 'attacker.example').expect(200);
  assert.equal(res.text.includes('attacker'), false, res.text);
  assert.equal(res.headers['content-security-policy']!.includes('attacker'), false);
  assert.match(res.text, /<script src="\/widget\.js"/);
  const withUrl = makeApp({ PUBLIC_URL: 'https://faq.example.com' });
  const configured = await request(withUrl.app).get('/demo?api=https://attacker.example').set('Host', 'attacker.example').expect(200);
  assert.match(configured.text, /<script src="https:\/\/faq\.example\.com\/widget\.js"/);
  assert.equal(configured.text.includes('attacker') || configured.headers['content-security-policy']!.includes('attacker'), false);
});

test('other methods on existing routes answer 405 with Allow; OPTIONS lists them; unknown paths stay 404', async () => {
  const { app } = makeApp({ ADMIN_TOKEN: TOKEN });
  const cases: [method: 'get' | 'post' | 'put' | 'delete' | 'patch', path: string, allow: string][] = [
    ['put', '/api/search', 'GET, HEAD, OPTIONS, POST'],
    ['delete', '/api/qa/abc', 'GET, HEAD, OPTIONS'],
    ['put', '/healthz', 'GET, HEAD, OPTIONS'],
    ['patch', '/widget.js', 'GET, HEAD, OPTIONS'],
    ['get', '/api/admin/reindex', 'OPTIONS, POST'],
    ['delete', '/api/admin/status', 'GET, HEAD, OPTIONS'],
  ];
  for (const [method, path, allow] of cases) {
    const res = await request(app)[method](path).expect(405);
    assert.equal(res.headers.allow, allow, `${method} ${path}`);
    assert.equal(res.body.error.code, 'method-not-allowed');
  }
  // OPTIONS is answered with the methods, never 404/405 (every path alike: tests/api-options.test.ts)
  const options = await request(app).options('/healthz');
  assert.equal(options.status, 204);
  assert.equal(options.headers.allow, 'GET, HEAD, OPTIONS');
  assert.equal((await request(app).post('/no/such/path').expect(404)).body.error.code, 'not-found');
  // without ADMIN_TOKEN the admin endpoints do not exist for any method
  const { app: noAdmin } = makeApp();
  await request(noAdmin).delete('/api/admin/status').expect(404);
});

test('/metrics needs the admin token; without ADMIN_TOKEN it does not exist', async () => {
  const { app } = makeApp({ ADMIN_TOKEN: TOKEN });
  await request(app).get('/metrics').expect(401);
  await request(app).get('/metrics').set('Authorization', 'Bearer wrong-token-wrong-token').expect(401);
  const ok = await request(app).get('/metrics').set('Authorization', `Bearer ${TOKEN}`).expect(200);
  assert.match(ok.text, /weekly_faq_index_documents 1/);
  await request(makeApp().app).get('/metrics').expect(404);
});

test('X-Forwarded-For and Forwarded print nothing outside the JSON log; TRUST_PROXY picks the client address', async () => {
  const { app, lines } = makeApp({ SEARCH_RATE_LIMIT: '2' });
  const { written } = await captureConsole(async () => {
    for (const headers of [{ 'X-Forwarded-For': '203.0.113.9' }, { Forwarded: 'for=203.0.113.9' }, { 'X-Forwarded-For': 'garbage, , ::1' }]) {
      await request(app).get('/api/search?q=x').set(headers);
    }
  });
  assert.equal(written, '', 'nothing outside the logger');
  for (const line of lines) JSON.parse(line);
  // off (default): the header is ignored, every request is the same client: the third is limited
  const limited = await request(app).get('/api/search?q=x').set('X-Forwarded-For', '198.51.100.1');
  assert.equal(limited.status, 429);

  const proxied = makeApp({ SEARCH_RATE_LIMIT: '2', TRUST_PROXY: '1' });
  const quiet = await captureConsole(async () => {
    for (let i = 0; i < 2; i++) await request(proxied.app).get('/api/search?q=x').set('X-Forwarded-For', '198.51.100.1').expect(200);
    await request(proxied.app).get('/api/search?q=x').set('X-Forwarded-For', '198.51.100.1').expect(429);
    await request(proxied.app).get('/api/search?q=x').set('X-Forwarded-For', '198.51.100.2').expect(200);
  });
  assert.equal(quiet.written, '');
});

test('TRUST_PROXY and PUBLIC_URL are validated with a message naming them', () => {
  assert.equal(loadConfig({ TRUST_PROXY: 'off' }).trustProxy, false);
  assert.equal(loadConfig({ TRUST_PROXY: '2' }).trustProxy, 2);
  assert.deepEqual(loadConfig({ TRUST_PROXY: 'loopback, 10.0.0.0/8,::1' }).trustProxy, ['loopback', '10.0.0.0/8', '::1']);
  for (const bad of ['true', 'proxy.example.com', '10.0.0.0/99', '-1']) assert.throws(() => loadConfig({ TRUST_PROXY: bad }), /TRUST_PROXY/, bad);
  assert.equal(loadConfig({ PUBLIC_URL: 'https://faq.example.com/x/' }).publicUrl, 'https://faq.example.com');
  assert.throws(() => loadConfig({ PUBLIC_URL: 'javascript:alert(1)' }), /PUBLIC_URL/);
});

test('POST /api/admin/reindex accepts {"force": true} and rejects any other body with a 400 naming it', async () => {
  const calls: { force?: boolean }[] = [];
  const scheduler = {
    getStatus: () => ({ enabled: false, cron: null, timeZone: 'UTC', running: false, currentRun: null, nextRunAt: null, lastRun: null, skippedOverlaps: 0 }),
    trigger: async (_kind?: unknown, options?: { force?: boolean }) => (calls.push(options ?? {}), null),
  };
  const { app } = makeApp({ ADMIN_TOKEN: TOKEN }, scheduler);
  const auth = { Authorization: `Bearer ${TOKEN}` };
  assert.equal((await request(app).post('/api/admin/reindex').set(auth).send({ force: true }).expect(202)).body.force, true);
  await request(app).post('/api/admin/reindex').set(auth).expect(202);
  assert.deepEqual(calls, [{ force: true }, { force: false }]);
  assert.equal((await request(app).post('/api/admin/reindex').set(auth).send({ force: 'yes' }).expect(400)).body.error.parameter, 'force');
  assert.equal((await request(app).post('/api/admin/reindex').set(auth).send({ wipe: true }).expect(400)).body.error.parameter, 'wipe');
  const broken = await request(app).post('/api/admin/reindex').set(auth).set('Content-Type', 'application/json').send('{"force": tru').expect(400);
  assert.equal(broken.body.error.code, 'bad-request');
  await request(app).post('/api/admin/reindex').set(auth).set('Content-Type', 'application/json').send(JSON.stringify({ force: true, pad: 'x'.repeat(5000) })).expect(413);
  assert.equal(calls.length, 2);
});
