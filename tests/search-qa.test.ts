import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Index } from 'meilisearch';
import { waitForTask } from '../src/meili/wait-for-task.ts';
import { PROJECTS } from '../src/project-catalogue.ts';
import type { QaRecord } from '../src/qa-record.ts';
import { withRelevanceFields } from '../src/search/relevance-document.ts';
import { getRelevanceSettings, getRelevanceSynonyms } from '../src/search/relevance-settings.ts';
import { searchQa } from '../src/search/search-qa.ts';
import { toSearchDocument } from '../src/search/search-document.ts';
import { makeRecord } from './helpers/make-record.ts';
import { startTestMeili, type TestMeili } from './helpers/start-test-meili.ts';

// A real embedded Meilisearch (the project's launcher), the relevance settings, and a handful of
// hand-written records: the right one among look-alikes of the same projects.
const RECORDS: QaRecord[] = [
  { question: 'SOFARegistry 的 Session 节点宕机后，客户端发布的数据由谁来清理？', answer: 'Data 节点按租约续期判断，租约过期后清理该 Session 上的发布数据。', projects: ['SOFARegistry'], date: '2021-04-16' },
  { question: '非 Spring 工程中使用 SOFARPC 的泛化调用是否可行？', answer: '使用 SOFARPC 的 API 方式构造泛化 Reference 就可以。', projects: ['SOFARPC'], date: '2020-03-13' },
  { question: '服务拆分后使用分布式事务，会不会事务链路过长，然后整体性能下降很大呢？', answer: '用了分布式事务性能肯定会下降，这是一致性和性能的取舍。', projects: ['Seata'], date: '2019-12-06' },
  { question: 'MOSN 能够同时在一个端口接收不同协议的请求么？', answer: '可以，Auto 协议会识别 HTTP 和 SOFARPC。', projects: ['MOSN'], date: '2019-12-06' },
  { question: 'SOFARPC 的超时时间怎么配置？', answer: '在 consumer 配置 timeout 即可。', projects: ['SOFARPC'], date: '2022-01-14' },
  { question: 'Seata AT 模式的全局锁是怎么实现的？', answer: 'TC 端记录行锁，二阶段提交后释放。', projects: ['Seata'], date: '2020-07-31' },
  { question: 'MOSN 如何对接 Istio 的控制面？', answer: '通过 xDS 协议从 Pilot 获取配置。', projects: ['MOSN'], date: '2022-09-23' },
  { question: 'SOFARegistry 支持多机房部署吗？', answer: '支持，数据按机房同步。', projects: ['SOFARegistry'], date: '2021-09-03' },
  { question: 'SOFAJRaft 的选举超时时间怎么设置？', answer: '通过 NodeOptions 的 electionTimeoutMs。', projects: ['SOFAJRaft'], date: '2020-10-30' },
].map((fields, i) => makeRecord(i, { ...fields, year: Number(fields.date.slice(0, 4)), id: `r${i}` }));

const projectSynonyms = Object.fromEntries(PROJECTS.map((project) => [project.name, [...project.synonyms]]));

let meili: TestMeili;
let index: Index;

before(async () => {
  meili = await startTestMeili();
  const uid = meili.config.indexName;
  await waitForTask(meili.admin, meili.admin.createIndex(uid, { primaryKey: 'id' }), { operation: `create ${uid}` });
  const admin = meili.admin.index(uid);
  await waitForTask(meili.admin, admin.updateSettings(getRelevanceSettings(projectSynonyms)), { operation: 'settings' });
  await waitForTask(meili.admin, admin.addDocuments(RECORDS.map((record) => withRelevanceFields(toSearchDocument(record)))), { operation: 'documents' });
  // Searches go through the search-only key, as in the API.
  index = meili.search.index(uid);
});

after(async () => {
  await meili?.stop();
});

async function top3(q: string): Promise<string[]> {
  const result = await searchQa(index, { q, page: 1, hitsPerPage: 3 });
  return result.hits.map((hit) => String(hit.id));
}

test('a natural Chinese question finds its record in the top 3', async () => {
  assert.ok((await top3('没有 Spring 的普通 Java 项目能不能用 SOFARPC 做泛化调用？')).includes('r1'));
  assert.ok((await top3('Session 宕机了，客户端注册的数据谁来清理呢？')).includes('r0'));
});

test('an English query finds the Chinese record in the top 3', async () => {
  assert.ok((await top3('does a distributed transaction slow down a long call chain')).includes('r2'));
  assert.ok((await top3('registry lease expired cleanup')).includes('r0'));
});

test('hits carry highlights, totals, facets, and respect filter, sort and pages', async () => {
  const result = await searchQa(index, { q: 'SOFARPC 泛化调用', page: 1, hitsPerPage: 2, facets: ['projects'] });
  assert.equal(result.hits[0]?.id, 'r1');
  assert.match(String(result.hits[0]?._formatted?.question), /<mark>泛化调用<\/mark>/);
  assert.ok(result.totalHits >= result.hits.length);
  assert.equal(result.totalPages, Math.ceil(result.totalHits / 2));
  assert.ok((result.facetDistribution?.projects?.SOFARPC ?? 0) >= 1);

  const filtered = await searchQa(index, { q: 'SOFARPC 超时', filter: 'projects = "SOFAJRaft"', page: 1, hitsPerPage: 5 });
  assert.deepEqual(filtered.hits.map((hit) => hit.id), ['r8']);

  const sorted = await searchQa(index, { q: 'MOSN 协议', sort: ['dateTs:desc'], page: 1, hitsPerPage: 5 });
  const dates = sorted.hits.map((hit) => Number(hit.dateTs));
  assert.deepEqual(dates, [...dates].sort((a, b) => b - a));

  // Three records name SOFARPC: page 2 must hold a hit, and another one than page 1.
  const page2 = await searchQa(index, { q: 'SOFARPC', page: 2, hitsPerPage: 1 });
  const page1 = await searchQa(index, { q: 'SOFARPC', page: 1, hitsPerPage: 1 });
  assert.equal(page1.hits.length, 1);
  assert.equal(page2.hits.length, 1, `page 2 is empty (totalHits ${page2.totalHits})`);
  assert.notEqual(page1.hits[0]!.id, page2.hits[0]!.id);
});

test('a blank query lists every record; bad paging is a RangeError', async () => {
  const all = await searchQa(index, { q: '', page: 1, hitsPerPage: 20, facets: ['projects'] });
  assert.equal(all.totalHits, RECORDS.length);
  assert.equal(all.facetDistribution?.projects?.MOSN, 2);
  await assert.rejects(searchQa(index, { q: 'MOSN', page: 0, hitsPerPage: 10 }), RangeError);
});

test('facetCounts: the same query counted under other filters, as separate searches would count it', async () => {
  for (const q of ['超时 怎么 设置', '']) {
    const result = await searchQa(index, {
      q, filter: 'projects = "SOFARPC"', page: 1, hitsPerPage: 2, facets: ['projects', 'year'],
      facetCounts: [{ facets: ['projects'] }, { filter: 'year = 2020', facets: ['projects'] }],
    });
    const unfiltered = await searchQa(index, { q, page: 1, hitsPerPage: 2, facets: ['projects'] });
    const in2020 = await searchQa(index, { q, filter: 'year = 2020', page: 1, hitsPerPage: 2, facets: ['projects'] });
    assert.deepEqual(result.facetCounts, [unfiltered.facetDistribution, in2020.facetDistribution], `q=${JSON.stringify(q)}`);
    assert.ok(result.hits.length >= 1 && result.hits.every((hit) => (hit.projects as string[]).includes('SOFARPC')), `q=${JSON.stringify(q)}`);
  }
});

test('multiSearchRequests: the searches split over concurrent requests give the same answer', async () => {
  const params = { q: 'SOFARPC 超时时间怎么配置', page: 1, hitsPerPage: 3, facets: ['projects'], facetCounts: [{ filter: 'year = 2020', facets: ['year'] }] };
  const one = await searchQa(index, params);
  for (const requests of [2, 3, 100]) {
    const split = await searchQa(index, params, { multiSearchRequests: requests });
    assert.deepEqual({ ...split, processingTimeMs: 0 }, { ...one, processingTimeMs: 0 }, `${requests} requests`);
  }
});

test('a word found through a synonym or a typo is marked in the hit', async () => {
  const synonyms = getRelevanceSynonyms(projectSynonyms);
  const bySynonym = await searchQa(index, { q: 'jraft 选举', page: 1, hitsPerPage: 3 }, { synonyms });
  assert.equal(bySynonym.hits[0]?.id, 'r8');
  assert.match(String(bySynonym.hits[0]?._formatted?.question), /<mark>SOFAJRaft<\/mark>/);
  const byTypo = await searchQa(index, { q: 'sofajarft 选举', page: 1, hitsPerPage: 3 });
  assert.equal(byTypo.hits[0]?.id, 'r8');
  assert.match(String(byTypo.hits[0]?._formatted?.question), /<mark>SOFAJRaft<\/mark>/);
});
