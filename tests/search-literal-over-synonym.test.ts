import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import request from 'supertest';
import { getTermCoverage } from '../src/search/get-term-coverage.ts';
import { getQueryTerms } from '../src/search/get-query-terms.ts';
import { makeRecord } from './helpers/make-record.ts';
import { startApiTest, type ApiTest } from './helpers/start-api-test.ts';

// `sidecar` is a catalogue synonym of MOSN: both questions hold the query's words, one of them
// through MOSN only. The reader's own word is the better evidence.
const RECORDS = [
  makeRecord(1, { id: 'mosn-inject', projects: ['MOSN'], question: '目前的问题是，Dubbo 应用在注入 MOSN 时，MOSN 启动时报权限问题，是什么原因？', answer: '检查 MOSN 容器的 securityContext 和启动参数。' }),
  makeRecord(2, { id: 'sidecar-inject', projects: ['MOSN'], question: '同一个网格里，不同的 Pod 可以注入不同版本的 Sidecar 吗？', answer: '可以，按 Pod 的注解选择 MOSN 的镜像版本。' }),
  makeRecord(3, { id: 'seata-undo', projects: ['Seata'], question: 'Seata undo_log 表需要建在哪个库？', answer: 'undo_log 表建在每个业务库里。' }),
];

let t: ApiTest;
before(async () => {
  t = await startApiTest({ records: RECORDS });
});
after(async () => {
  await t?.stop();
});

test('a question holding the query\'s own word ranks above one holding only a catalogue synonym of it', async () => {
  const res = await request(t.app).get('/api/search').query({ q: 'sidecar 注入' }).expect(200);
  const ids = (res.body as { hits: { id: string }[] }).hits.map((hit) => hit.id);
  assert.deepEqual(ids.slice(0, 2), ['sidecar-inject', 'mosn-inject']);
});

test('another word of the same language counts less than the word; the word inside a name, or a translation, counts whole', () => {
  const synonyms = { sidecar: ['mosn'], tracer: ['sofatracer'], 创建: ['create'] };
  const [sidecar] = getQueryTerms('sidecar', 'zh');
  const [tracer] = getQueryTerms('tracer', 'zh');
  const [create] = getQueryTerms('创建', 'zh');
  assert.equal(getTermCoverage('注入 MOSN 时报错', sidecar!, { synonyms, synonymCoverage: 0.8 }), 0.8);
  assert.equal(getTermCoverage('注入 Sidecar 时报错', sidecar!, { synonyms, synonymCoverage: 0.8 }), 1);
  assert.equal(getTermCoverage('注入 MOSN 时报错', sidecar!, { synonyms }), 1, 'whole by default (the strong decision)');
  assert.equal(getTermCoverage('SOFATracer 的日志', tracer!, { synonyms, synonymCoverage: 0.8 }), 1);
  assert.equal(getTermCoverage('could not create the VM', create!, { synonyms, synonymCoverage: 0.8 }), 1);
});
