import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULT_PARAMS, getQueryString, hasFilters, isSameSearch, parseSearchParams, withoutFilters, type SearchParams } from '../web/src/core/search-params.ts';

const full: SearchParams = { q: 'SOFARPC 超时', projects: ['SOFARPC', 'MOSN'], years: ['2020', '2021'], from: '2020-01-01', to: '2021-12-31', sort: 'newest', page: 3 };

test('the default search is the bare URL', () => {
  assert.equal(getQueryString(DEFAULT_PARAMS), '');
  assert.deepEqual(parseSearchParams(''), DEFAULT_PARAMS);
});

test('every field round-trips through the query string (repeated project and year)', () => {
  const query = getQueryString(full);
  assert.equal(query, 'q=SOFARPC+%E8%B6%85%E6%97%B6&project=SOFARPC&project=MOSN&year=2020&year=2021&from=2020-01-01&to=2021-12-31&sort=newest&page=3');
  assert.deepEqual(parseSearchParams(`?${query}`), full);
});

test('malformed values are dropped, not sent on', () => {
  assert.deepEqual(parseSearchParams('?sort=random&page=-2&year=20x1&year=2019&from=yesterday&project=&project=MOSN&project=MOSN'),
    { ...DEFAULT_PARAMS, years: ['2019'], projects: ['MOSN'] });
  // comma lists, as people write a link (the API reads them so too)
  assert.deepEqual(parseSearchParams('?project=mosn,sofarpc&project=Seata,&year=2020,2021').projects, ['mosn', 'sofarpc', 'Seata']);
  assert.deepEqual(parseSearchParams('?year=2020,2021,20x1').years, ['2020', '2021']);
  assert.equal(parseSearchParams('?page=2.5').page, 1);
  assert.equal(parseSearchParams('?page=99999').page, 1);
  assert.equal(parseSearchParams(`?q=${'x'.repeat(5000)}`).q.length, 4096);
});

test('a reversed date range is put right', () => {
  const params = parseSearchParams('?from=2022-01-01&to=2020-01-01');
  assert.equal(params.from, '2020-01-01');
  assert.equal(params.to, '2022-01-01');
});

test('filters: detected and dropped together, query and sort kept', () => {
  assert.equal(hasFilters(DEFAULT_PARAMS), false);
  assert.equal(hasFilters(full), true);
  assert.equal(hasFilters({ ...DEFAULT_PARAMS, to: '2020-01-01' }), true);
  assert.deepEqual(withoutFilters(full), { ...DEFAULT_PARAMS, q: full.q, sort: 'newest' });
  assert.ok(isSameSearch(full, { ...full, projects: [...full.projects] }));
  assert.ok(!isSameSearch(full, { ...full, page: 1 }));
});
