import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildQueryVariants } from '../src/search/build-query-variants.ts';
import { decodeCjkBigram } from '../src/search/cjk-bigrams.ts';

const options = { textAttributes: ['question', 'answer'], bigramAttributes: ['questionBigrams'] };
const decode = (q: string) => q.split(' ').map((w) => decodeCjkBigram(w) ?? w).join(' ');

test('by default: one term search per Latin word and per bigram, no stop words', () => {
  const variants = buildQueryVariants('请问 MOSN 怎么配置路由？', options);
  assert.ok(variants.every((v) => v.kind === 'term'));
  assert.deepEqual(variants.map((v) => decode(v.q)), ['MOSN', '配置', '路由']);
  const mosn = variants[0]!;
  assert.deepEqual(mosn.attributesToSearchOn, ['question', 'answer']);
  assert.deepEqual(variants[1]!.attributesToSearchOn, ['questionBigrams']);
  assert.equal(variants[1]!.group, 'bigram:配置');
});

test('an English glossary term is one group: the word itself and its Chinese bigrams, all required', () => {
  const variants = buildQueryVariants('registry lease', options).filter((v) => v.group === 'word:registry');
  assert.deepEqual(variants.map((v) => [decode(v.q), v.matchingStrategy]), [['registry', 'last'], ['注册 册中 中心', 'all']]);
});

test('whole-query variants when asked, and no duplicates', () => {
  const variants = buildQueryVariants('MOSN', { ...options, variants: { raw: { matchingStrategy: 'last', weight: 1 }, topic: { matchingStrategy: 'frequency', weight: 1 } } });
  // raw and topic are the same text but different strategies; both kept
  assert.deepEqual(variants.map((v) => [v.kind, v.q, v.matchingStrategy]), [['raw', 'MOSN', 'last'], ['topic', 'MOSN', 'frequency']]);
  const same = buildQueryVariants('MOSN', { ...options, variants: { raw: { matchingStrategy: 'last', weight: 1 }, topic: { matchingStrategy: 'last', weight: 1 } } });
  assert.equal(same.length, 1);
});

test('the number of term searches is bounded', () => {
  const long = '数据版本号注册中心分布式事务全局锁二阶段提交回滚日志线程池连接超时重试端口协议路由';
  assert.ok(buildQueryVariants(long, { ...options, maxTerms: 5 }).length <= 5);
  assert.throws(() => buildQueryVariants('x', { ...options, maxTerms: 0 }), RangeError);
});

test('without bigram fields Chinese is not searched by bigrams; a blank query has no search', () => {
  assert.deepEqual(buildQueryVariants('配置 MOSN', { textAttributes: ['question'] }).map((v) => v.q), ['MOSN']);
  assert.deepEqual(buildQueryVariants('  ', options), []);
});
