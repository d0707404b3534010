import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import request from 'supertest';
import { THESAURUS_COVERAGE } from '../src/search/domain-thesaurus.ts';
import { getQueryTerms } from '../src/search/get-query-terms.ts';
import { getTermCoverage } from '../src/search/get-term-coverage.ts';
import { makeRecord } from './helpers/make-record.ts';
import { startApiTest, type ApiTest } from './helpers/start-api-test.ts';

// Readers use the domain's other word for the same thing: the pairs are written with one, the
// queries with the other (`冲正` for `补偿`, `私服` for a Nexus repository, `宕机` for `挂了`).
const RECORDS = [
  makeRecord(1, { id: 'compensation', projects: ['Seata'], question: 'Saga 模式下补偿服务执行不成功会怎样？', answer: '引擎会按配置一直重试，直到成功。' }),
  makeRecord(2, { id: 'nexus', projects: ['SOFAArk'], question: '打出来的 ark-biz 包怎么上传到 nexus？', answer: '在 pom 里配置 distributionManagement 后执行 mvn deploy。' }),
  makeRecord(3, { id: 'node-down', projects: ['SOFAJRaft'], question: 'jraft 集群里一个节点挂了，还能写入吗？', answer: '多数节点存活就能写入。' }),
  makeRecord(4, { id: 'routing', projects: ['MOSN'], question: 'MOSN 的路由规则怎么配置？', answer: '在 routers 里写 match 和 route。' }),
];

let t: ApiTest;
before(async () => {
  t = await startApiTest({ records: RECORDS, env: { SEARCH_THESAURUS: 'on' } });
});
after(async () => {
  await t?.stop();
});

async function firstHit(q: string): Promise<{ id: string; match: string } | undefined> {
  const res = await request(t.app).get('/api/search').query({ q }).expect(200);
  return res.body.hits[0];
}

test('a query word no pair uses finds the pair written with its domain synonym', async () => {
  assert.equal((await firstHit('冲正'))?.id, 'compensation');
  assert.equal((await firstHit('私服'))?.id, 'nexus');
  assert.equal((await firstHit('节点宕机'))?.id, 'node-down');
});

test('the thesaurus is off unless asked for (SEARCH_THESAURUS=on): a service started without it finds nothing by a synonym', async () => {
  assert.deepEqual(getQueryTerms('冲正')[0]?.synonyms, []);
  const plain = await startApiTest({ records: RECORDS });
  try {
    const res = await request(plain.app).get('/api/search').query({ q: '冲正' }).expect(200);
    assert.ok(!res.body.hits.some((hit: { id: string }) => hit.id === 'compensation'), JSON.stringify(res.body.hits));
  } finally {
    await plain.stop();
  }
});

test('a synonym is evidence below the word itself: it covers the term in part', () => {
  const [term] = getQueryTerms('冲正', 'zh', { synonyms: true });
  assert.ok(term?.synonyms?.includes('补偿'), JSON.stringify(term));
  assert.equal(getTermCoverage('Saga 的补偿服务', term!), THESAURUS_COVERAGE);
  assert.ok(THESAURUS_COVERAGE < 1);
  assert.equal(getTermCoverage('冲正接口', term!), 1);
  assert.equal(getTermCoverage('MOSN 的路由规则', term!), 0);
});
