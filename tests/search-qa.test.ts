import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Index } from 'meilisearch';
import { waitForTask } from '../src/meili/wait-for-task.ts';
import { PROJECTS } from '../src/project-catalogue.ts';
import type { QaRecord } from '../src/qa-record.ts';
import { toSearchRequest } from '../src/contract/request-schemas.ts';
import { getIndexSettings, getIndexSynonyms } from '../src/search/index-settings.ts';
import { searchQa } from '../src/search/search-qa.ts';
import { toIndexDocument } from '../src/search/to-index-document.ts';
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
  { question: 'Seata 的 RPC 超时时间怎么配置？TC 和 TM 之间的 RPC 超时时间配置', answer: '配置 transport 的 rpc 超时时间即可。', projects: ['Seata'], date: '2021-05-07' },
].map((fields, i) => makeRecord(i, { ...fields, year: Number(fields.date.slice(0, 4)), id: `r${i}` }));

const projectSynonyms = Object.fromEntries(PROJECTS.map((project) => [project.name, [...project.synonyms]]));

let meili: TestMeili;
let index: Index;

before(async () => {
  meili = await startTestMeili();
  const uid = meili.config.indexName;
  await waitForTask(meili.admin, meili.admin.createIndex(uid, { primaryKey: 'id' }), { operation: `create ${uid}` });
  const admin = meili.admin.index(uid);
  await waitForTask(meili.admin, admin.updateSettings(getIndexSettings(projectSynonyms)), { operation: 'settings' });
  await waitForTask(meili.admin, admin.addDocuments(RECORDS.map(toIndexDocument)), { operation: 'documents' });
  // Searches go through the search-only key, as in the API.
  index = meili.search.index(uid);
});

after(async () => {
  await meili?.stop();
});

const search = (request: Parameters<typeof toSearchRequest>[0], options?: Parameters<typeof searchQa>[2]) => searchQa(index, toSearchRequest(request), options);

async function top3(q: string): Promise<string[]> {
  const result = await search({ q, hitsPerPage: 3 });
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
  const result = await search({ q: 'SOFARPC 泛化调用', hitsPerPage: 2 });
  assert.equal(result.hits[0]?.id, 'r1');
  assert.match(String(result.hits[0]?.highlight.question), /<mark>泛化调用<\/mark>/);
  assert.ok(result.totalHits >= result.hits.length);
  assert.equal(result.totalPages, Math.ceil(result.totalHits / 2));
  assert.ok((result.facets.projects.SOFARPC ?? 0) >= 1);
  assert.equal(result.facets.kinds.weekly, result.totalHits, 'records without kind count as weekly');

  const filtered = await search({ q: 'SOFARPC 超时', project: ['SOFAJRaft'], hitsPerPage: 5 });
  assert.deepEqual(filtered.hits.map((hit) => hit.id), ['r8']);

  const sorted = await search({ q: 'MOSN 协议', sort: 'newest', hitsPerPage: 5 });
  const dates = sorted.hits.map((hit) => hit.date);
  assert.ok(dates.length > 1);
  assert.deepEqual(dates, [...dates].sort().reverse());

  const page2 = await search({ q: 'SOFARPC', page: 2, hitsPerPage: 1 });
  const page1 = await search({ q: 'SOFARPC', page: 1, hitsPerPage: 1 });
  assert.ok(page1.hits[0] && page2.hits[0], 'both pages have a hit');
  assert.notEqual(page1.hits[0].id, page2.hits[0].id);
});

test('a blank query lists every record, newest first', async () => {
  const all = await search({ q: '', hitsPerPage: 20 });
  assert.equal(all.totalHits, RECORDS.length);
  assert.equal(all.facets.projects.MOSN, 2);
  assert.equal(all.facets.kinds.weekly, RECORDS.length);
  assert.equal(all.hits[0]?.date, '2022-09-23');
});

test('facet counts leave each facet\'s own selection out, as separate searches would count it', async () => {
  for (const q of ['超时 怎么 设置', '']) {
    const result = await search({ q, project: ['SOFARPC'], year: [2020], hitsPerPage: 2 });
    const inYear = await search({ q, year: [2020], hitsPerPage: 2 });
    const inProject = await search({ q, project: ['SOFARPC'], hitsPerPage: 2 });
    assert.deepEqual(result.facets.projects, { ...inYear.facets.projects, SOFARPC: inYear.facets.projects.SOFARPC ?? 0 }, `projects, q=${JSON.stringify(q)}`);
    assert.deepEqual(result.facets.years, { ...inProject.facets.years, 2020: inProject.facets.years['2020'] ?? 0 }, `years, q=${JSON.stringify(q)}`);
    assert.ok(result.hits.every((hit) => hit.projects.includes('SOFARPC') && hit.year === 2020));
  }
});

test('multiSearchRequests: the searches split over concurrent requests give the same answer', async () => {
  const request = { q: 'SOFARPC 超时时间怎么配置', hitsPerPage: 3, year: [2020] };
  const one = await search(request);
  for (const requests of [2, 3, 100]) {
    const split = await search(request, { multiSearchRequests: requests });
    assert.deepEqual({ ...split, processingTimeMs: 0 }, { ...one, processingTimeMs: 0 }, `${requests} requests`);
  }
});

test('a word found through a synonym or a typo is marked in the hit', async () => {
  const synonyms = getIndexSynonyms(projectSynonyms);
  const bySynonym = await search({ q: 'jraft 选举', hitsPerPage: 3 }, { synonyms });
  assert.equal(bySynonym.hits[0]?.id, 'r8');
  assert.match(String(bySynonym.hits[0]?.highlight.question), /<mark>SOFAJRaft<\/mark>/);
  const byTypo = await search({ q: 'sofajarft 选举', hitsPerPage: 3 });
  assert.equal(byTypo.hits[0]?.id, 'r8');
  assert.match(String(byTypo.hits[0]?.highlight.question), /<mark>SOFAJRaft<\/mark>/);
});

test('a project named by its name ranks its own hits first; a generic alias such as rpc names no project', async () => {
  const named = await search({ q: 'SOFARPC 超时时间怎么配置', hitsPerPage: 3 });
  assert.deepEqual(named.detectedProjects, ['SOFARPC']);
  assert.equal(named.hits[0]?.id, 'r4', 'the SOFARPC answer, not the Seata one that says RPC');
  const generic = await search({ q: 'rpc 超时时间怎么配置', hitsPerPage: 3 });
  assert.deepEqual(generic.detectedProjects, []);
});
