import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildFilter, quoteFilterValue } from '../api/build-filter.ts';

const none = { projects: [], years: [], from: undefined, to: undefined };

test('quoted, escaped values; allow-listed fields only', () => {
  assert.equal(quoteFilterValue('MOSN'), '"MOSN"');
  assert.equal(quoteFilterValue('a"b\\c'), '"a\\"b\\\\c"');
  assert.equal(quoteFilterValue(2021), '"2021"');
  assert.equal(buildFilter(none), undefined);
  assert.equal(buildFilter({ ...none, projects: ['MOSN', 'Seata'] }), 'projects IN ["MOSN", "Seata"]');
  assert.equal(buildFilter({ ...none, years: [2020, 2021] }), 'year IN ["2020", "2021"]');
  assert.equal(buildFilter({ ...none, from: '2021-01-01', to: '2021-12-31' }), 'dateTs >= 1609459200 AND dateTs <= 1640908800');
  assert.equal(
    buildFilter({ projects: ['MOSN'], years: [2021], from: '2021-01-01', to: undefined }),
    'projects IN ["MOSN"] AND year IN ["2021"] AND dateTs >= 1609459200',
  );
});

test('omit leaves one facet filter out (for that facet\'s counts)', () => {
  const params = { projects: ['MOSN'], years: [2021], from: '2021-01-01', to: undefined };
  assert.equal(buildFilter(params, { omit: 'projects' }), 'year IN ["2021"] AND dateTs >= 1609459200');
  assert.equal(buildFilter(params, { omit: 'year' }), 'projects IN ["MOSN"] AND dateTs >= 1609459200');
  assert.equal(buildFilter({ ...none, projects: ['MOSN'] }, { omit: 'projects' }), undefined);
});

test('a hostile value stays inside its quotes', () => {
  const filter = buildFilter({ ...none, projects: ['MOSN" OR projects EXISTS OR "x'] });
  assert.equal(filter, 'projects IN ["MOSN\\" OR projects EXISTS OR \\"x"]');
});
