import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildQueryVariants } from '../src/search/build-query-variants.ts';
import { decodeCjkBigram } from '../src/search/cjk-bigrams.ts';

// The domain thesaurus's searches are their own test below; these test the rest without them.
const options = { textAttributes: ['question', 'answer'], bigramAttributes: ['questionBigrams'], synonyms: false };
const decode = (q: string) => q.split(' ').map((w) => decodeCjkBigram(w) ?? w).join(' ');

test('by default: a term group per Latin word and per Chinese word (the word or its bigrams), no stop words', () => {
  const variants = buildQueryVariants('请问 MOSN 怎么配置路由规则？', options);
  assert.ok(variants.every((v) => v.kind === 'term'));
  assert.deepEqual(variants.map((v) => [decode(v.q), v.group, v.attributesToSearchOn.join()]), [
    ['MOSN', 'word:mosn', 'question,answer'],
    ['配置', 'word:配置', 'question,answer'],
    ['配置', 'word:配置', 'questionBigrams'],
    ['路由', 'word:路由', 'question,answer'],
    ['路由', 'word:路由', 'questionBigrams'],
    ['规则', 'word:规则', 'question,answer'],
    ['规则', 'word:规则', 'questionBigrams'],
  ]);
});

test('with hanTerms bigrams, each bigram is a term of its own', () => {
  const variants = buildQueryVariants('客户端', { ...options, hanTerms: 'bigrams' });
  assert.deepEqual(variants.map((v) => [decode(v.q), v.group]), [['客户', 'bigram:客户'], ['户端', 'bigram:户端']]);
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

test('without bigram fields Chinese words are searched as words; a blank query has no search', () => {
  assert.deepEqual(buildQueryVariants('配置 MOSN registry', { textAttributes: ['question'], synonyms: false }).map((v) => v.q), ['配置', 'MOSN', 'registry', '注册中心']);
  assert.deepEqual(buildQueryVariants('registry', { ...options, translate: false }).map((v) => v.q), ['registry']);
  assert.deepEqual(buildQueryVariants('  ', options), []);
});

test('thesaurus synonyms of a term are alternatives in its group, weighted below it, after the own searches of every term', () => {
  const variants = buildQueryVariants('冲正 失败', { ...options, synonyms: true });
  const own = variants.filter((v) => !v.name.includes('\u2248'));
  const synonyms = variants.filter((v) => v.name.includes('\u2248'));
  assert.deepEqual(own.map((v) => decode(v.q)), ['冲正', '冲正', '失败', '失败']);
  assert.ok(synonyms.length > 0);
  assert.ok(variants.indexOf(synonyms[0]!) > variants.indexOf(own.at(-1)!), 'synonyms come after every term');
  const compensation = synonyms.find((v) => decode(v.q) === '补偿');
  assert.equal(compensation?.group, 'word:冲正');
  assert.equal(compensation?.matchingStrategy, 'all');
  assert.ok(synonyms.every((v) => v.weight > 0 && v.weight < 1));
});
