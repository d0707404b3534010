import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import request from 'supertest';
import { API_RECORDS } from './helpers/api-records.ts';
import { makeRecord } from './helpers/make-record.ts';
import { createApp } from '../api/create-app.ts';
import { createMetrics } from '../api/create-metrics.ts';
import { loadConfig } from '../src/config.ts';
import { createWebRouters } from '../web/create-web-routers.ts';
import { startApiTest, type ApiTest } from './helpers/start-api-test.ts';

const HOSTILE = makeRecord(99, {
  id: 'hostile-1', projects: ['MOSN'],
  question: 'MOSN <script>alert(1)</script> "quoted" & <b>bold</b>?',
  answer: 'Answer with </title><script>alert(2)</script> inside.',
  answerHtml: '<p>ok</p><script>alert(3)</script><img src="x" onerror="alert(4)"><a href="javascript:alert(5)">click</a><img src="https://example.com/a.png">',
  asker: '<img src=x onerror=alert(6)>',
});
const FAQ_ANSWER = makeRecord(98, { id: 'faq-rpc-1', kind: 'faq', projects: ['SOFARPC'], question: 'SOFARPC 与 Dubbo 对比？', answer: '见文档。' });

let t: ApiTest;
before(async () => {
  t = await startApiTest({ records: [...API_RECORDS, HOSTILE, FAQ_ANSWER] });
});
after(() => t?.stop());

test('/qa/:id is rendered on the server with title, description, canonical and Open Graph tags, related answers and the way back', async () => {
  const res = await request(t.app).get('/qa/rpc-2020-a?q=rpc%20timeout').set('Accept-Language', 'en-US,en;q=0.9').expect(200).expect('Content-Type', /text\/html/);
  const record = API_RECORDS.find((r) => r.id === 'rpc-2020-a')!;
  assert.match(res.text, /<html lang="en">/);
  assert.ok(res.text.includes(`<title>${record.question} – SOFA Weekly answers</title>`), 'title');
  assert.match(res.text, /<meta name="description" content="[^"]+">/);
  assert.match(res.text, /<meta property="og:title" content="[^"]+">/);
  assert.match(res.text, /<meta property="og:description" content="[^"]+">/);
  // no PUBLIC_URL: a relative canonical URL, no og:url (see the next test)
  assert.match(res.text, /<link rel="canonical" href="\/qa\/rpc-2020-a">/);
  assert.doesNotMatch(res.text, /og:url/);
  assert.match(res.text, /<meta property="article:tag" content="SOFARPC">/);
  assert.match(res.text, /<p class="meta"><span class="kind kind-weekly">Weekly<\/span>/, 'where the answer comes from, as on a hit');
  assert.ok(res.text.includes(`<h1 class="question">${record.question}</h1>`), 'the question, without JavaScript');
  assert.ok(res.text.includes(record.answerHtml), 'the answer, without JavaScript');
  assert.match(res.text, /<a class="back" href="\/\?q=rpc%20timeout">Back to the search<\/a>/);
  // a pasted log's lines go back to the search whole, and show in the one-line box as spaces
  // (a browser drops a value's line breaks: "timeout\nat" would read "timeoutat")
  const pasted = await request(t.app).get(`/qa/rpc-2020-a?q=${encodeURIComponent('rpc timeout\n\tat com.x.Y(Y.java:1)')}`).expect(200);
  assert.match(pasted.text, /<a class="back" href="\/\?q=rpc%20timeout%0A%09at%20com\.x\.Y\(Y\.java%3A1\)">/);
  assert.match(pasted.text, /<input id="q"[^>]* value="rpc timeout at com\.x\.Y\(Y\.java:1\)">/);
  assert.match(res.text, /<section class="related-answers"[^]*href="\/qa\/rpc-2020-b\?q=rpc%20timeout"/, 'a related answer of the same project');
  assert.doesNotMatch(res.text.split('class="related-answers"')[1]!, /href="\/qa\/rpc-2020-a/, 'not itself');
  assert.ok(res.headers['content-security-policy']?.includes("script-src 'self'"));
});

test('canonical and Open Graph URLs name PUBLIC_URL, whatever Host the request names', async () => {
  const hostile = await request(t.app).get('/qa/rpc-2020-a').set('Host', 'evil.example').expect(200);
  assert.doesNotMatch(hostile.text, /evil\.example/);
  const config = loadConfig({ DATA_DIR: t.meili.dataDir, LOG_LEVEL: 'silent', SEARCH_RATE_LIMIT: '0', PUBLIC_URL: 'https://faq.example.com/ignored/path' });
  const app = createApp({ backend: t.backend, logger: t.meili.logger, config, metrics: createMetrics({ defaultMetrics: false }), web: createWebRouters });
  const res = await request(app).get('/qa/rpc-2020-a').set('Host', 'evil.example').expect(200);
  assert.match(res.text, /<link rel="canonical" href="https:\/\/faq\.example\.com\/qa\/rpc-2020-a">/);
  assert.match(res.text, /<meta property="og:url" content="https:\/\/faq\.example\.com\/qa\/rpc-2020-a">/);
  assert.doesNotMatch(res.text, /evil\.example/);
});

test('an answer from a FAQ page says so, in the reader\'s language', async () => {
  const res = await request(t.app).get('/qa/faq-rpc-1').set('Accept-Language', 'zh-CN,zh;q=0.9').expect(200);
  assert.match(res.text, /<span class="kind kind-faq">FAQ<\/span>/);
  assert.doesNotMatch(res.text, /kind-weekly/);
});

test('a hostile record is escaped in every tag and its HTML sanitized', async () => {
  const res = await request(t.app).get('/qa/hostile-1').expect(200);
  assert.doesNotMatch(res.text, /<script>alert|<[^>]*onerror|href="javascript:|<img src="?x|<b>bold/);
  assert.ok(res.text.includes('MOSN &lt;script&gt;alert(1)&lt;/script&gt; &quot;quoted&quot; &amp; &lt;b&gt;bold&lt;/b&gt;?'));
  assert.match(res.text, /<img src="https:\/\/example\.com\/a\.png"/, 'an absolute image stays');
  assert.equal(res.text.match(/<script/g)?.length, 1, 'only the page bundle');
});

test('an unknown id is a real 404 page in the reader\'s language', async () => {
  const zh = await request(t.app).get('/qa/no-such-answer').set('Accept-Language', 'zh-CN,zh;q=0.9,en;q=0.8').expect(404).expect('Content-Type', /text\/html/);
  assert.match(zh.text, /<html lang="zh-CN">/);
  assert.match(zh.text, /找不到这个回答/);
  const en = await request(t.app).get('/qa/no-such-answer').set('Accept-Language', 'fr-FR, en;q=0.5').expect(404);
  assert.match(en.text, /Answer not found/);
  await request(t.app).get('/qa/bad%20id%3Cx%3E').expect(404);
});
