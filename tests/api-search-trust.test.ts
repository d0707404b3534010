import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import request from 'supertest';
import { searchResultSchema } from '../src/contract/response-schemas.ts';
import { makeRecord } from './helpers/make-record.ts';
import { startApiTest, type ApiTest } from './helpers/start-api-test.ts';

// Small posts in the corpus's own style: two projects answer about leader election, one pair is
// about an exception a reader would paste, and nothing answers a Redis question.
const RECORDS = [
  makeRecord(1, { id: 'jraft-election', projects: ['SOFAJRaft'], question: 'SOFAJRaft 选主超时时间怎么调整？', answer: '选主超时由 electionTimeoutMs 控制，默认 1000 ms，网络抖动大时调大即可。' }),
  makeRecord(2, { id: 'mosn-election', projects: ['MOSN'], question: 'MOSN 控制面集群怎么选主？', answer: '控制面选主用的是 Kubernetes 的 leader election。' }),
  makeRecord(3, { id: 'seata-lock', projects: ['Seata'], question: 'Seata AT 模式提交时报 LockConflictException 全局锁冲突怎么办？', answer: '全局锁冲突说明另一个全局事务持有同一行的锁，可以调大 client.rm.lock.retryTimes 重试次数。' }),
  makeRecord(4, { id: 'rpc-noclass', projects: ['SOFARPC'], question: '启动时报 NoClassDefFoundError 找不到 hessian 的类是什么原因？', answer: '依赖冲突导致 hessian 版本不对，排除旧版本的 hessian 即可。' }),
  makeRecord(5, { id: 'seata-undo', projects: ['Seata'], question: 'Seata undo_log 表需要建在哪个库？', answer: 'undo_log 表建在每个业务库里。' }),
  makeRecord(6, { id: 'rpc-timeout', projects: ['SOFARPC'], question: 'SOFARPC 调用超时时间在哪里配置？', answer: '在 consumer 的 timeout 属性上配置，默认 3000 ms。' }),
  // Holds `ark` and `类加载`, not `ark-plugin`: a search of `ark-plugin` finds it by its first word alone.
  makeRecord(8, { id: 'ark-deploy', projects: ['SOFAArk'], question: 'Ark 动态部署 biz 时报找不到类怎么办？', answer: '检查 biz 的类加载配置，ark 容器会优先从插件导出的包加载。' }),
  // A FAQ page's long comparison: it mentions most of the stack, so it holds many queries' words by chance.
  makeRecord(7, {
    id: 'faq-comparison', kind: 'faq', projects: ['SOFARPC'], question: 'SOFARPC 和 Dubbo 有什么区别？',
    answer: [
      'SOFARPC 支持多种注册中心，服务发布和订阅都可以在 cluster 级别配置，available 的服务列表由注册中心推送。',
      '在 Raft 模式下，SOFAJRaft 提供一致性的存储，注册中心的数据也可以放在里面。',
      ...Array.from({ length: 24 }, (_, i) => `第 ${i + 1} 点：两者在协议、序列化、负载均衡、路由、容错、线程模型和扩展点上各有取舍，细节请看各自的文档与示例工程，这里不一一展开。`),
      '如果调用时提示 no provider 或者 service not found，先检查服务是否已经发布。',
    ].join('\n'),
  }),
];

let t: ApiTest;
before(async () => {
  t = await startApiTest({ records: RECORDS });
});
after(async () => {
  await t?.stop();
});

interface Body {
  totalHits: number; strongHits: number; detectedProject: string | null; searchedFor: string;
  hits: { id: string; projects: string[]; match: 'strong' | 'weak'; score: number }[];
}
async function search(query: Record<string, string>): Promise<Body> {
  const res = await request(t.app).get('/api/search').query(query).expect(200);
  searchResultSchema.parse(res.body);
  return res.body as Body;
}

/** A Java stack trace of about `bytes` bytes whose exception is LockConflictException. */
function stackTrace(bytes: number): string {
  const lines = [
    '2024-03-05 10:12:33.456 ERROR 12345 --- [nio-8080-exec-3] o.a.c.c.C.[.[.[/].[dispatcherServlet] : Servlet.service() threw exception',
    'io.seata.rm.datasource.exec.LockConflictException: get global lock fail, xid:192.168.0.7:8091:27026385634, lockKeys:account_tbl:11',
  ];
  for (let i = 0; lines.join('\n').length < bytes; i++) {
    lines.push(`\tat io.seata.rm.datasource.exec.AbstractDMLBaseExecutor$${i}.executeAutoCommitTrue(AbstractDMLBaseExecutor.java:${100 + i})`);
  }
  return lines.join('\n');
}

test('a question the posts never answered gets hits, none of them strong', async () => {
  const body = await search({ q: 'Redis Cluster 执行 Lua 脚本报 CROSSSLOT 怎么解决' });
  assert.equal(body.strongHits, 0);
  assert.ok(body.hits.length >= 1 && body.hits.every((hit) => hit.match === 'weak'), JSON.stringify(body.hits));
  const none = await search({ q: 'Redis Cluster 执行 Lua 脚本报 CROSSSLOT 怎么解决', minMatch: 'strong' });
  assert.equal(none.hits.length, 0);
  assert.equal(none.totalHits, 0);
});

test('a long text that holds a pasted error\'s words by chance is not a strong answer to it', async () => {
  const body = await search({ q: 'Raft模式 no available service found in cluster.' });
  const comparison = body.hits.find((hit) => hit.id === 'faq-comparison');
  assert.ok(comparison, 'the comparison is found');
  assert.equal(comparison.match, 'weak', JSON.stringify(comparison));
});

test('a pair holding only the first word of a hyphenated term the query asks about is not a strong answer to it', async () => {
  const body = await search({ q: 'ark-plugin 的类加载不到的问题' });
  const deploy = body.hits.find((hit) => hit.id === 'ark-deploy');
  assert.ok(deploy, 'found through `ark` and the Chinese words');
  assert.equal(deploy.match, 'weak', JSON.stringify(deploy));
});

test('a query that is the name of a JavaScript object property (constructor, __proto__, toString) is searched as a word', async () => {
  for (const q of ['constructor', 'Constructor 报错', '__proto__', 'toString hasOwnProperty', 'valueOf 超时']) {
    const body = await search({ q });
    assert.ok(Array.isArray(body.hits), q);
  }
});

test('a question a pair answers gets it as a strong hit, with its score; minMatch=strong keeps only strong hits', async () => {
  const body = await search({ q: 'Seata 全局锁冲突 怎么办' });
  assert.equal(body.hits[0]?.id, 'seata-lock');
  assert.equal(body.hits[0]?.match, 'strong');
  assert.ok(body.hits[0]!.score > 0 && body.hits[0]!.score <= 1);
  assert.ok(body.strongHits >= 1);
  const strong = await search({ q: 'Seata 全局锁冲突 怎么办', minMatch: 'strong' });
  assert.ok(strong.hits.length >= 1 && strong.hits.every((hit) => hit.match === 'strong'));
  assert.equal(strong.totalHits, body.strongHits);
});

test('a query naming a project (by any alias) ranks that project first and reports it', async () => {
  const body = await search({ q: 'jraft 选主' });
  assert.equal(body.detectedProject, 'SOFAJRaft');
  assert.deepEqual(body.hits.map((hit) => hit.id).slice(0, 2), ['jraft-election', 'mosn-election']);
  const mosn = await search({ q: 'mosn 选主' });
  assert.equal(mosn.detectedProject, 'MOSN');
  assert.equal(mosn.hits[0]?.id, 'mosn-election');
  // 注册中心 is a topic, not a project name
  assert.equal((await search({ q: '注册中心 选主' })).detectedProject, null);
});

test('another project\'s answer holding the rest of a project-named query is not a strong answer to it', async () => {
  const body = await search({ q: 'jraft 选主' });
  const byId = new Map(body.hits.map((hit) => [hit.id, hit]));
  assert.equal(byId.get('jraft-election')?.match, 'strong');
  assert.equal(byId.get('mosn-election')?.match, 'weak', JSON.stringify(body.hits));
  // without a project in the query, both answer it
  const any = await search({ q: '选主' });
  assert.deepEqual(any.hits.filter((hit) => hit.match === 'strong').map((hit) => hit.id).sort(), ['jraft-election', 'mosn-election']);
});

test('a pasted 3 KB Java stack trace finds the pair about its exception', async () => {
  const trace = stackTrace(3000);
  assert.ok(trace.length >= 3000);
  const body = await search({ q: trace });
  assert.equal(body.hits[0]?.id, 'seata-lock');
  assert.match(body.searchedFor, /LockConflictException/);
  assert.doesNotMatch(body.searchedFor, /AbstractDMLBaseExecutor|2024-03-05|192\.168/);
});

test('a 5 KB paste: GET answers 400 naming the limit, POST with a JSON body finds the pair', async () => {
  const trace = stackTrace(5000);
  const res = await request(t.app).get('/api/search').query({ q: trace }).expect(400);
  assert.equal(res.body.error.code, 'invalid-parameter');
  assert.equal(res.body.error.parameter, 'q');
  assert.match(res.body.error.message, /too long: \d+ characters, at most 4096/);
  const post = await request(t.app).post('/api/search').send({ q: trace, hitsPerPage: 5 }).expect(200);
  searchResultSchema.parse(post.body);
  assert.equal(post.body.hits[0].id, 'seata-lock');
  assert.equal(post.body.hitsPerPage, 5);
  // the body is validated like the query string
  const bad = await request(t.app).post('/api/search').send({ q: 'x', hitsPerPage: 500 }).expect(400);
  assert.equal(bad.body.error.parameter, 'hitsPerPage');
  const malformed = await request(t.app).post('/api/search').set('Content-Type', 'application/json').send('{"q": ').expect(400);
  assert.equal(malformed.body.error.code, 'bad-request');
});
