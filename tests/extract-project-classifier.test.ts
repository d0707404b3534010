/** The classifier that guesses the project of pairs nothing in the post names. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createProjectClassifier, getClassifierTerms, trainProjectClassifier } from '../indexer/sources/weekly/project-classifier.ts';
import { extractPost } from '../indexer/sources/weekly/extract-post.ts';
import { isWeeklyFaqError } from '../src/errors/index.ts';
import { PROJECT_NAMES } from '../src/project-catalogue.ts';

const samples = [
  { project: 'MOSN', text: '热升级时连接会迁移到新进程，sidecar 的 filter 用 go 写' },
  { project: 'MOSN', text: 'sidecar 热升级 xprotocol filter envoy' },
  { project: 'MOSN', text: 'envoy filter go 扩展 sidecar 协程' },
  { project: 'Seata', text: '全局锁 undolog 补偿 状态机 ServiceTask CompensationTrigger' },
  { project: 'Seata', text: '状态机设计器 Catch 补偿 ServiceTask 异常' },
  { project: 'Seata', text: 'undolog 全局锁 补偿 事务分组 TC 集群' },
];

test('terms: Chinese words, dotted identifiers split, no URLs, numbers or one-character words', () => {
  const terms = getClassifierTerms('请问 com.alipay.sofa.rpc 的 ExtensionLoader 在 3.2 版本 https://github.com/x/y 怎么用？');
  assert.ok(terms.includes('alipay') && terms.includes('rpc') && terms.includes('extensionloader'));
  assert.ok(!terms.some((term) => term.includes('github') || /^\d+$/.test(term) || term.length < 2));
});

test('a learned model guesses the project with its confidence, and nothing under the floor or without known terms', () => {
  const infer = createProjectClassifier(trainProjectClassifier(samples, 1), 0.75);
  const guess = infer('sidecar 热升级的时候 filter 怎么办');
  assert.equal(guess?.project, 'MOSN');
  assert.ok((guess?.confidence ?? 0) >= 0.75 && (guess?.confidence ?? 0) <= 1);
  assert.equal(infer('今天天气怎么样'), null);
  assert.equal(createProjectClassifier(trainProjectClassifier(samples, 1), 1.01)('sidecar 热升级'), null);
});

test('a pair nothing names gets the inferred project, its source and confidence; one the floor rejects stays without', () => {
  const post = `---\ntitle: "SOFA Weekly | x"\ndate: 2020-01-03\n---\n\n### 每周读者问答提炼\n\n**1、@甲** 提问：\n\n> sidecar 热升级时 filter 会断吗？\n\nA：不会。\n\n**2、@乙** 提问：\n\n> 今天天气怎么样？\n\nA：不错。\n`;
  const infer = createProjectClassifier(trainProjectClassifier(samples, 1), 0.75);
  const { records } = extractPost(post, 'blog/a/index.md', 'x', { inferProject: infer });
  assert.deepEqual(records[0]?.projects, ['MOSN']);
  assert.equal(records[0]?.projectSource, 'inferred');
  assert.ok((records[0]?.projectConfidence ?? 0) >= 0.75);
  assert.deepEqual([records[1]?.projects, records[1]?.projectSource, records[1]?.projectConfidence], [[], null, null]);
});

test('a model that is not valid, or names an unknown project, is refused with data-file-invalid', () => {
  assert.throws(() => createProjectClassifier('{not json', 0.75, 'model.json'), (error) => isWeeklyFaqError(error, 'data-file-invalid') && /model\.json/.test(error.message));
  assert.throws(() => createProjectClassifier('[1, 2]'), (error) => isWeeklyFaqError(error, 'data-file-invalid'));
  const renamed = trainProjectClassifier(samples, 1).replaceAll('"Seata"', '"Fescar2"');
  assert.throws(() => createProjectClassifier(renamed), (error) => isWeeklyFaqError(error, 'data-file-invalid') && /Fescar2/.test(error.message));
});

test('the shipped model is valid and knows only catalogue projects', () => {
  const model = readFileSync(new URL('../src/data/project-classifier.json', import.meta.url), 'utf8');
  assert.doesNotThrow(() => createProjectClassifier(model));
  const labels = Object.keys((JSON.parse(model) as [unknown, Record<string, number>])[1]);
  assert.ok(labels.length >= 5 && labels.every((label) => PROJECT_NAMES.includes(label)));
});
