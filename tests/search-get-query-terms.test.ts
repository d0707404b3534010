import assert from 'node:assert/strict';
import { test } from 'node:test';
import { getQueryTerms } from '../src/search/get-query-terms.ts';

const texts = (query: string) => getQueryTerms(query).map((t) => t.text);

test('Latin words, glossary phrases and Chinese words, in query order', () => {
  const terms = getQueryTerms('SOFARegistry 发布数据 registry lease');
  assert.deepEqual(terms.map((t) => [t.text, t.script]), [['SOFARegistry', 'latin'], ['发布', 'han'], ['数据', 'han'], ['registry', 'latin'], ['lease', 'latin']]);
  assert.deepEqual(terms[3]!.translations, ['注册中心']);
  assert.deepEqual(terms[1]!.bigrams, ['发布']);
});

test('bigrams stay inside words: no bigram joins two known words', () => {
  const bigrams = getQueryTerms('数据版本').flatMap((t) => t.bigrams);
  assert.ok(bigrams.includes('数据') && bigrams.includes('版本'));
  assert.ok(!bigrams.includes('据版'));
});

test('a lone single character is glued to its neighbour word', () => {
  // ICU: 状态|机 and 版本|号
  assert.ok(getQueryTerms('状态机').some((t) => t.bigrams.includes('态机')));
  assert.ok(getQueryTerms('数据版本号').some((t) => t.bigrams.includes('本号')));
});

test('stop words are gone and repeats counted once, case-insensitively', () => {
  assert.deepEqual(texts('请问 MOSN 和 mosn 怎么配置？'), ['MOSN', '配置']);
});

test('English inflections find glossary terms; acronyms are left alone', () => {
  const terms = getQueryTerms('TC nodes');
  assert.deepEqual(terms.map((t) => [t.text, t.translations]), [['TC', []], ['nodes', ['节点']]]);
});
