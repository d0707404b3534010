import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildFilter, quoteFilterValue } from '../src/search/build-filter.ts';

const none = { project: [], year: [], kind: [], from: undefined, to: undefined };

test('quoted, escaped values; allow-listed fields only', () => {
  assert.equal(quoteFilterValue('MOSN'), '"MOSN"');
  assert.equal(quoteFilterValue('a"b\\c'), '"a\\"b\\\\c"');
  assert.equal(quoteFilterValue(2021), '"2021"');
  assert.equal(buildFilter(none), undefined);
  assert.equal(buildFilter({ ...none, project: ['MOSN', 'Seata'] }), 'projects IN ["MOSN", "Seata"]');
  assert.equal(buildFilter({ ...none, year: [2020, 2021] }), 'year IN ["2020", "2021"]');
  assert.equal(buildFilter({ ...none, from: '2021-01-01', to: '2021-12-31' }), 'dateTs >= 1609459200 AND dateTs <= 1640908800');
  assert.equal(
    buildFilter({ ...none, project: ['MOSN'], year: [2021], from: '2021-01-01' }),
    'projects IN ["MOSN"] AND year IN ["2021"] AND dateTs >= 1609459200',
  );
});

test('omit leaves one facet filter out (for that facet\'s counts)', () => {
  const params = { ...none, project: ['MOSN'], year: [2021], from: '2021-01-01' };
  assert.equal(buildFilter(params, { omit: 'projects' }), 'year IN ["2021"] AND dateTs >= 1609459200');
  assert.equal(buildFilter(params, { omit: 'year' }), 'projects IN ["MOSN"] AND dateTs >= 1609459200');
  assert.equal(buildFilter({ ...none, project: ['MOSN'] }, { omit: 'projects' }), undefined);
});

test('a hostile value stays inside its quotes', () => {
  const filter = buildFilter({ ...none, project: ['MOSN" OR projects EXISTS OR "x'] });
  assert.equal(filter, 'projects IN ["MOSN\\" OR projects EXISTS OR \\"x"]');
});

test('kind: any of weekly and faq; a document without kind (an older index) counts as weekly', () => {
  assert.equal(buildFilter({ ...none, kind: ['faq'] }), 'kind IN ["faq"]');
  assert.equal(buildFilter({ ...none, kind: ['weekly'] }), '(kind IN ["weekly"] OR kind NOT EXISTS)');
  assert.equal(buildFilter({ ...none, project: ['MOSN'], kind: ['faq'] }, { omit: 'kind' }), 'projects IN ["MOSN"]');
});
