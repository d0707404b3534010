import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dropQueryStopwords, isQueryStopword, QUERY_STOPWORDS } from '../src/search/query-stopwords.ts';

test('question words, particles and politeness are stop words', () => {
  for (const word of ['请问', '怎么', '能不能', '吗', '是否', '为什么', '的', 'the', 'does', 'How']) assert.ok(isQueryStopword(word), word);
});

test('negation and obligation that frame a question are stop words, the words they make are not', () => {
  for (const word of ['没有', '不要', '一定', '必须']) assert.ok(isQueryStopword(word), word);
  for (const word of ['不同', '没用', '不一致']) assert.equal(isQueryStopword(word), false, word);
});

test('topic words are not stop words', () => {
  for (const word of ['注册中心', '事务', '泛化调用', 'MOSN', 'registry', 'saga', '端口']) assert.equal(isQueryStopword(word), false, word);
});

test('a Chinese word made only of stop words is a stop word', () => {
  assert.ok(isQueryStopword('到底是'));
  assert.ok(isQueryStopword('是不是要'));
  assert.equal(isQueryStopword('是否支持'), false);
});

test('words in capitals are acronyms, not English stop words', () => {
  assert.ok(isQueryStopword('at'));
  assert.equal(isQueryStopword('AT'), false);
  assert.equal(isQueryStopword('IT'), false);
});

test('comparison is NFKC and case-insensitive', () => {
  assert.ok(isQueryStopword(' The '));
  assert.ok(isQueryStopword('Ｔｈｅ'));
});

test('dropQueryStopwords keeps the words when all of them are stop words', () => {
  assert.deepEqual(dropQueryStopwords(['请问', 'SOFARPC', '怎么', '泛化']), ['SOFARPC', '泛化']);
  assert.deepEqual(dropQueryStopwords(['怎么', '吗']), ['怎么', '吗']);
});

test('the list holds only normalized words and no project name', () => {
  for (const word of QUERY_STOPWORDS) assert.equal(word, word.normalize('NFKC').trim().toLowerCase());
  for (const name of ['mosn', 'seata', 'sofarpc', 'jraft', 'layotto']) assert.equal(QUERY_STOPWORDS.has(name), false);
});
