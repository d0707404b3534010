import assert from 'node:assert/strict';
import { test } from 'node:test';
import { getTopicPhrases } from '../src/search/get-topic-phrases.ts';

test('question words and particles are cut out, topic words kept', () => {
  const phrases = getTopicPhrases('请问 SOFARPC 能不能做泛化调用吗？');
  assert.ok(phrases.includes('SOFARPC'));
  assert.ok(phrases.some((p) => p.endsWith('泛化调用')));
  assert.ok(!phrases.some((p) => /请问|能不能|吗/.test(p)));
});

test('neighbouring words stay glued so Meilisearch segments them itself', () => {
  assert.ok(getTopicPhrases('注册中心里的状态谁来清理').includes('注册中心'));
});

test('a one-character stop word inside a word ICU did not know is kept', () => {
  // ICU cuts 调用 into 调|用, and 用 alone is not dropped
  assert.ok(getTopicPhrases('泛化调用').some((p) => p.includes('调用')));
});

test('identifier punctuation stays inside Latin words', () => {
  assert.deepEqual(getTopicPhrases('com.alipay.sofa.rpc.enable-swagger deprecated'), ['com.alipay.sofa.rpc.enable-swagger', 'deprecated']);
});

test('English function words go, acronyms stay', () => {
  assert.deepEqual(getTopicPhrases('does the AT mode lock rows?'), ['AT', 'mode', 'lock', 'rows']);
});

test('a query of stop words only is kept as it is; punctuation only gives nothing', () => {
  assert.deepEqual(getTopicPhrases('怎么'), ['怎么']);
  assert.deepEqual(getTopicPhrases('？？'), []);
});
