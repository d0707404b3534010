import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { extractCorpus } from '../indexer/extract/extract-corpus.ts';
import { createContentSources } from '../indexer/sources/create-content-sources.ts';
import { getHeadingId, getUniqueHeadingIds } from '../indexer/sources/faq/get-heading-id.ts';
import type { PostResult } from '../indexer/extract/post-result.ts';

const SITE = fileURLToPath(new URL('fixtures/faq/site', import.meta.url));

async function extractSite(): Promise<PostResult[]> {
  const results: PostResult[] = [];
  const sources = createContentSources([{ kind: 'faq', root: SITE }, { kind: 'weekly', root: SITE }]);
  for await (const result of extractCorpus([SITE], { sources })) results.push(result);
  return results;
}

test('headings get the ids Hugo gives them (github style: Chinese kept, punctuation dropped, repeats numbered)', () => {
  assert.equal(getHeadingId('Q：SOFATracer 能和 Zipkin 一起用吗？'), 'qsofatracer-能和-zipkin-一起用吗');
  assert.equal(getHeadingId('Q: Why doesn\'t it use JDK8?'), 'q-why-doesnt-it-use-jdk8');
  assert.equal(getHeadingId('java -jar 启动（Ark 包）'), 'java--jar-启动ark-包');
  assert.deepEqual(getUniqueHeadingIds(['Q：同一个', 'Q：同一个', '？', 'Q：同一个']), ['q同一个', 'q同一个-1', 'heading', 'q同一个-2']);
});

test('a FAQ page gives one record per answered question, with its anchor, project, language and date', async () => {
  const results = await extractSite();
  const page = results.find((result) => result.source === 'content/zh/projects/sofa-tracer/faq/index.md');
  assert.ok(page, 'the zh SOFATracer FAQ page was read');
  assert.equal(page.status, 'extracted');
  assert.equal(page.kind, 'faq');
  const base = 'https://www.sofastack.tech/projects/sofa-tracer/faq/#';
  assert.deepEqual(page.records.map((record) => [record.question, record.url]), [
    ['SOFATracer 能和 Zipkin 一起用吗？', `${base}qsofatracer-能和-zipkin-一起用吗`],
    ['日志里的 traceId 为什么是空的？', `${base}q-日志里的-traceid-为什么是空的`],
    ['采样率怎么调？', `${base}q采样率怎么调`],
    ['采样率怎么调？', `${base}q采样率怎么调-1`],
    ['这一条没有 Q 标记但也是问题', `${base}这一条没有-q-标记但也是问题`],
  ]);
  const [zipkin, traceId, sampling] = page.records;
  assert.equal(zipkin?.answer, '可以。把 reporter 设置为 zipkin，并配置 collector 地址即可。');
  // a deeper heading belongs to the answer; the group headings (接入类, 运维类) to no question
  assert.match(traceId?.answer ?? '', /检查步骤[\s\S]*TracerFilter/);
  assert.equal(sampling?.answer, '在配置文件里设置 sampler.percentage。', 'the 答： marker is dropped');
  for (const record of page.records) {
    assert.equal(record.kind, 'faq');
    assert.equal(record.lang, 'zh');
    assert.deepEqual(record.projects, ['SOFATracer']);
    assert.equal(record.projectSource, 'page');
    assert.equal(record.date, '2021-06-01');
    assert.equal(record.title, 'SOFATracer 常见问题');
  }
  assert.equal(new Set(page.records.map((record) => record.id)).size, 5, 'ids are unique, even for a repeated question');
  assert.deepEqual(page.messages.map((message) => [message.ruleId, message.line]), [['unanswered-question', 29]]);
});

test('English FAQ pages are records in English under /en/; the site-wide FAQ has no project; other pages are not FAQ', async () => {
  const results = await extractSite();
  const english = results.find((result) => result.source === 'content/en/projects/sofa-tracer/faq/index.md');
  assert.deepEqual(english?.records.map((record) => [record.lang, record.url, record.date]), [
    ['en', 'https://www.sofastack.tech/en/projects/sofa-tracer/faq/#q-why-is-the-span-exporter-silently-dropping-spans', '2021-06-02'],
    ['en', 'https://www.sofastack.tech/en/projects/sofa-tracer/faq/#q-can-i-rename-the-digest-log-file', '2021-06-02'],
  ]);
  const siteWide = results.find((result) => result.source === 'content/zh/faq/_index.md');
  assert.deepEqual(siteWide?.records.map((record) => [record.question, record.answer, record.projects, record.projectSource, record.date, record.url]), [
    ['站点上的文档多久更新一次', '每个版本发布时一起更新。', [], null, '2022-01-15', 'https://www.sofastack.tech/faq/#站点上的文档多久更新一次'],
    ['可以转载文章吗', '注明出处即可。', [], null, '2022-01-15', 'https://www.sofastack.tech/faq/#可以转载文章吗'],
  ]);
  const blog = results.find((result) => result.source === 'content/zh/blog/not-a-faq/index.md');
  assert.equal(blog?.status, 'skipped');
  assert.equal(results.flatMap((result) => result.records).length, 9);
});
