import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildSynonymGraph, linkLists } from '../src/search/build-synonym-graph.ts';
import { getCorpusSynonyms } from '../src/search/get-corpus-synonyms.ts';

const SYNONYMS = { sofajraft: ['jraft'], jraft: ['sofajraft'] };

test('a corpus whose Chinese words are too rare for the dictionary gets the settings\' synonyms only, and one that has them gets its words', async () => {
  const english = [{ question: 'How do I set the SOFARPC timeout?', answer: 'In the consumer config.' }, { question: '超时 once', answer: 'only one record says it' }];
  assert.deepEqual(await getCorpusSynonyms(english, SYNONYMS), buildSynonymGraph(linkLists(SYNONYMS)));
  const chinese = [{ question: '请求超时怎么办？', answer: '调大超时时间。' }, { question: '为什么会超时？', answer: '网络慢。' }];
  const withDictionary = await getCorpusSynonyms(chinese, SYNONYMS);
  assert.ok(withDictionary.timeout?.includes('超时'), JSON.stringify(withDictionary.timeout));
  assert.deepEqual(withDictionary.jraft, ['sofajraft']);
});
