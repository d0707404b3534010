import assert from 'node:assert/strict';
import { test } from 'node:test';
import { expandQueryTerms, findExpandableTerms, getEnglishBaseForms, getTermSynonyms, TERM_EXPANSIONS } from '../src/search/term-expansions.ts';

test('the longest glossary phrase wins and words between terms are kept', () => {
  const words = ['distributed', 'transaction', 'chain', 'xyz', 'registry'];
  assert.deepEqual(findExpandableTerms(words).map((m) => [m.term, m.start, m.end]), [['distributed transaction', 0, 2], ['chain', 2, 3], ['registry', 4, 5]]);
  assert.equal(expandQueryTerms(words), '分布式事务 链路 xyz 注册中心');
});

test('plural and verb endings find the base term', () => {
  assert.deepEqual(getEnglishBaseForms('retries').slice(0, 2), ['retries', 'retry']);
  assert.ok(getEnglishBaseForms('subscribing').includes('subscribe'));
  assert.equal(findExpandableTerms(['nodes'])[0]?.expansions[0], '节点');
  assert.equal(findExpandableTerms(['expired'])[0]?.expansions[0], '过期');
  assert.equal(findExpandableTerms(['global', 'locks'])[0]?.term, 'global lock');
});

test('acronyms in capitals and identifiers are never translated', () => {
  assert.deepEqual(findExpandableTerms(['AT', 'TC', 'undo_log', 'v1.2']), []);
  assert.equal(findExpandableTerms(['Commit'])[0]?.term, 'commit');
});

test('glossary keys are lower case, values Chinese, and synonyms go both ways', () => {
  for (const [key, values] of Object.entries(TERM_EXPANSIONS)) {
    assert.equal(key, key.toLowerCase());
    assert.ok(values.length > 0 && values.every((v) => /\p{Script=Han}/u.test(v)), key);
  }
  const synonyms = getTermSynonyms({ registry: ['注册中心'], 'service discovery': ['服务发现'] });
  assert.deepEqual(synonyms, { registry: ['注册中心'], 注册中心: ['registry'], 'service discovery': ['服务发现'], 服务发现: ['service discovery'] });
});
