import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import request from 'supertest';
import { getIdentifierHead } from '../src/search/build-query-variants.ts';
import { makeRecord } from './helpers/make-record.ts';
import { startApiTest, type ApiTest } from './helpers/start-api-test.ts';

// A reader types an identifier from memory or from another version: no post holds it as typed.
const RECORDS = [
  makeRecord(1, { id: 'server-list', projects: ['SOFAJRaft'], question: '实际项目中怎么动态配置 initialServerList 集群节点地址？', answer: '通过 CliService 增删节点即可，不必改 initialServerList。' }),
  makeRecord(2, { id: 'k8s-deploy', projects: ['MOSN'], question: 'k8s 环境下 sidecar 怎么部署？', answer: '用 istio 注入。' }),
  makeRecord(3, { id: 'seata-k8s', projects: ['Seata'], question: 'Seata server 在 k8s 环境下怎么部署？', answer: '用 helm chart。' }),
];

let t: ApiTest;
before(async () => {
  t = await startApiTest({ records: RECORDS });
});
after(async () => {
  await t?.stop();
});

test('an identifier no post holds finds the pair naming its family (initialServerAddressList -> initialServerList)', async () => {
  const res = await request(t.app).get('/api/search').query({ q: 'initialServerAddressList 怎么设置' }).expect(200);
  assert.equal(res.body.hits[0]?.id, 'server-list', JSON.stringify(res.body.hits.map((hit: { id: string }) => hit.id)));
});

test('only identifiers of three or more camelCase parts have a family head', () => {
  assert.equal(getIdentifierHead('initialServerAddressList'), 'initialServer');
  assert.equal(getIdentifierHead('JacksonUndoLogParser'), 'JacksonUndo');
  for (const word of ['serverAddress', 'SOFARPC', 'enable-swagger', 'timeout']) assert.equal(getIdentifierHead(word), undefined, word);
});
