import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import request from 'supertest';
import { makeRecord } from './helpers/make-record.ts';
import { startApiTest, type ApiTest } from './helpers/start-api-test.ts';

const RECORDS = [
  makeRecord(1, { id: 'xa-mode', projects: ['Seata'], question: 'Seata XA 模式如何配置？', answer: 'A 服务和 B 服务都要用 XA 数据源代理。' }),
  makeRecord(2, { id: 'rpc-timeout', projects: ['SOFARPC'], question: 'SOFARPC 调用超时时间在哪里配置？', answer: '在 consumer 的 timeout 属性上配置，默认 3000 ms。' }),
];

let t: ApiTest;
before(async () => {
  t = await startApiTest({ records: RECORDS });
});
after(async () => {
  await t?.stop();
});

interface Body { totalHits: number; strongHits: number; hits: { id: string; match: string }[] }
async function search(q: string): Promise<Body> {
  return (await request(t.app).get('/api/search').query({ q }).expect(200)).body as Body;
}

test('a question without a word to search (punctuation, an emoji) matches nothing, rather than listing every answer', async () => {
  for (const q of ['??', '...', '😀', '\u200b']) {
    const body = await search(q);
    assert.deepEqual([body.totalHits, body.hits.length], [0, 0], JSON.stringify(q));
  }
});

test('a lone letter or function word finds answers holding it, none of them as a direct answer', async () => {
  for (const q of ['a', 'x', 'the', '如何']) {
    const body = await search(q);
    assert.equal(body.strongHits, 0, `${q}: ${JSON.stringify(body.hits)}`);
    assert.ok(body.hits.every((hit) => hit.match === 'weak'), q);
  }
  assert.ok((await search('x')).hits.some((hit) => hit.id === 'xa-mode'), 'x still finds XA');
  assert.ok((await search('超时')).strongHits > 0, 'a real word is still answered');
});
