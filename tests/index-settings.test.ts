import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { reindex } from '../indexer/load/reindex.ts';
import { getIndexSettings, getSynonyms, SEARCHABLE_ATTRIBUTES } from '../src/search/index-settings.ts';
import { getDateTs, toSearchDocument } from '../src/search/search-document.ts';
import { makeRecord, makeRecords, streamOf } from './helpers/make-record.ts';
import { startTestMeili, type TestMeili } from './helpers/start-test-meili.ts';

let meili: TestMeili;
before(async () => {
  meili = await startTestMeili();
});
after(async () => {
  await meili?.stop();
});

const projectSynonyms = { SOFAJRaft: ['jraft', 'raft'], SOFARegistry: ['registry', '注册中心'] };

test('toSearchDocument adds dateTs (unix seconds at 00:00 UTC) and rejects bad dates', () => {
  assert.equal(getDateTs('2021-03-19'), Date.UTC(2021, 2, 19) / 1000);
  assert.equal(getDateTs('2021-02-30'), null);
  assert.equal(toSearchDocument(makeRecord(1, { date: '2020-01-02' })).dateTs, 1577923200);
  assert.throws(() => toSearchDocument(makeRecord(1, { date: '2020/01/02' })), { code: 'invalid-record' });
});

test('getSynonyms makes a project and its words stand for each other', () => {
  const synonyms = getSynonyms(projectSynonyms);
  assert.deepEqual(synonyms.jraft, ['raft', 'sofajraft']);
  assert.deepEqual(synonyms.sofajraft, ['jraft', 'raft']);
  assert.deepEqual(synonyms['注册中心'], ['registry', 'sofaregistry']);
});

test('a reindexed live index has the settings applied', async () => {
  const report = await reindex({
    client: meili.admin, indexName: meili.config.indexName, logger: meili.logger, projectSynonyms,
    records: streamOf([...makeRecords(5), makeRecord(99, { projects: ['SOFAJRaft'], date: '2019-08-23', year: 2019, question: 'jraft 线性一致读怎么实现？' })]),
  });
  assert.equal(report.outcome, 'succeeded', JSON.stringify(report.error));
  const settings = await meili.admin.index(meili.config.indexName).getSettings();
  const expected = getIndexSettings(projectSynonyms);
  assert.deepEqual(settings.searchableAttributes, [...SEARCHABLE_ATTRIBUTES]);
  assert.deepEqual([...(settings.filterableAttributes ?? [])].sort(), [...(expected.filterableAttributes as string[])].sort());
  assert.deepEqual(settings.sortableAttributes, ['dateTs']);
  assert.deepEqual(settings.displayedAttributes, expected.displayedAttributes);
  assert.equal(settings.faceting?.maxValuesPerFacet, 200);
  assert.deepEqual(settings.localizedAttributes, expected.localizedAttributes);
  assert.deepEqual(settings.synonyms, expected.synonyms);
  assert.equal(settings.typoTolerance?.disableOnNumbers, true);

  // The search-only key can use them: filter, sort, facets and a synonym.
  const result = await meili.search.index(meili.config.indexName).search('sofajraft', {
    filter: 'projects = "SOFAJRaft" AND dateTs < 1600000000',
    sort: ['dateTs:desc'],
    facets: ['projects', 'year'],
  });
  assert.deepEqual(result.hits.map((h) => h.id), ['rec-99']);
  assert.deepEqual(result.facetDistribution?.projects, { SOFAJRaft: 1 });
});
