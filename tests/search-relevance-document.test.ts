import assert from 'node:assert/strict';
import { test } from 'node:test';
import { encodeCjkBigram } from '../src/search/cjk-bigrams.ts';
import { BIGRAM_ATTRIBUTES, withRelevanceFields } from '../src/search/relevance-document.ts';
import { getIndexSettings as getRelevanceSettings, getIndexSynonyms as getRelevanceSynonyms, SEARCHABLE_ATTRIBUTES as RELEVANCE_SEARCHABLE_ATTRIBUTES } from '../src/search/index-settings.ts';
import { makeRecord } from './helpers/make-record.ts';

test('withRelevanceFields adds the bigram fields of question, answer and context without changing the input', () => {
  const record = makeRecord(1, { question: '注册中心', answer: 'MOSN 端口', context: null });
  const document = withRelevanceFields(record);
  assert.equal(document.questionBigrams, ['注册', '册中', '中心'].map(encodeCjkBigram).join(' '));
  assert.equal(document.answerBigrams, encodeCjkBigram('端口'));
  assert.equal(document.contextBigrams, '');
  assert.equal(document.question, record.question);
  assert.equal('questionBigrams' in record, false);
});

test('relevance settings: every bigram field searchable, typo-free and never displayed; id filterable', () => {
  const settings = getRelevanceSettings({ SOFAJRaft: ['jraft'] });
  assert.deepEqual(settings.searchableAttributes, [...RELEVANCE_SEARCHABLE_ATTRIBUTES]);
  for (const field of BIGRAM_ATTRIBUTES) {
    assert.ok(settings.searchableAttributes?.includes(field));
    assert.ok(settings.typoTolerance?.disableOnAttributes?.includes(field));
    assert.equal(settings.displayedAttributes?.includes(field), false);
  }
  assert.ok(settings.filterableAttributes?.includes('id'));
  assert.ok(settings.searchableAttributes!.indexOf('question') < settings.searchableAttributes!.indexOf('answer'));
  assert.ok(settings.searchableAttributes!.indexOf('answer') < settings.searchableAttributes!.indexOf('context'));
});

test('synonyms merge project words and the glossary', () => {
  const synonyms = getRelevanceSynonyms({ SOFARegistry: ['registry', '注册中心'] });
  assert.deepEqual(synonyms.registry, ['sofaregistry', '注册中心']);
  assert.ok(synonyms['事务']?.includes('transaction'));
  assert.deepEqual(getRelevanceSettings({}, { synonyms: {} }).synonyms, {});
});
