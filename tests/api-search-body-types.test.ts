import assert from 'node:assert/strict';
import { test } from 'node:test';
import request from 'supertest';
import { createApp } from '../api/create-app.ts';
import { createMetrics } from '../api/create-metrics.ts';
import { getOpenApiDocument } from '../api/get-openapi-document.ts';
import type { SearchRequest } from '../src/contract/request-schemas.ts';
import { errorBodySchema } from '../src/contract/response-schemas.ts';
import { loadConfig } from '../src/config.ts';
import { createLogger } from '../src/logger.ts';
import { createFakeSearchBackend } from './helpers/fake-search-backend.ts';

// POST /api/search takes the parameters as JSON: numbers as JSON numbers (and, as always, their
// decimal strings), a single value or an array for the repeatable ones; any other type is a 400
// naming the field. /openapi.json says exactly that.
function makeApp() {
  const requests: SearchRequest[] = [];
  const backend = createFakeSearchBackend({
    search: async (params) => {
      requests.push(params);
      return createFakeSearchBackend().search(params);
    },
  });
  const app = createApp({ backend, logger: createLogger({ level: 'silent' }), metrics: createMetrics({ defaultMetrics: false }), config: loadConfig({ LOG_LEVEL: 'silent', SEARCH_RATE_LIMIT: '0' }) });
  return { app, requests };
}

test('a JSON body with numbers searches with them; numeric strings and single values still work', async () => {
  const { app, requests } = makeApp();
  const res = await request(app).post('/api/search').send({ q: 'timeout', page: 2, hitsPerPage: 5, year: [2021, '2022'], project: 'mosn', kind: ['weekly'] }).expect(200);
  assert.equal(res.body.page, 2);
  assert.equal(res.body.hitsPerPage, 5);
  await request(app).post('/api/search').send({ page: '3', hitsPerPage: '7', year: 2021 }).expect(200);
  assert.deepEqual(requests.map(({ page, hitsPerPage, year, project, kind }) => ({ page, hitsPerPage, year, project, kind })), [
    { page: 2, hitsPerPage: 5, year: [2021, 2022], project: ['MOSN'], kind: ['weekly'] },
    { page: 3, hitsPerPage: 7, year: [2021], project: [], kind: [] },
  ]);
});

test('a field of the wrong type or out of range is a 400 naming it', async () => {
  const { app, requests } = makeApp();
  const cases: [body: Record<string, unknown>, field: string, message?: RegExp][] = [
    [{ page: 2.5 }, 'page', /whole number from 1 to 1000/],
    [{ page: 0 }, 'page', /whole number from 1 to 1000/],
    [{ page: 1001 }, 'page', /whole number from 1 to 1000/],
    [{ page: true }, 'page'],
    [{ page: null }, 'page'],
    [{ page: [2] }, 'page', /more than once/],
    [{ hitsPerPage: 51 }, 'hitsPerPage', /1 to 50/],
    [{ hitsPerPage: '5x' }, 'hitsPerPage'],
    [{ hitsPerPage: { n: 5 } }, 'hitsPerPage'],
    [{ year: 1999 }, 'year', /unknown year 1999/],
    [{ year: [2021, 2021.5] }, 'year'],
    [{ year: true }, 'year'],
    [{ q: 12 }, 'q', /expected text/],
    [{ q: ['a', 'b'] }, 'q', /more than once/],
    [{ project: 5 }, 'project', /unknown project 5/],
    [{ sort: 1 }, 'sort'],
    [{ from: 20210101 }, 'from'],
    [{ minMatch: false }, 'minMatch'],
  ];
  for (const [body, field, message] of cases) {
    const res = await request(app).post('/api/search').send(body);
    assert.equal(res.status, 400, `${JSON.stringify(body)}: ${res.text}`);
    const { error } = errorBodySchema.parse(res.body);
    assert.equal(error.code, 'invalid-parameter', JSON.stringify(body));
    assert.equal(error.parameter, field, JSON.stringify(body));
    assert.ok(error.message.startsWith(`${field}: `), error.message);
    if (message) assert.match(error.message, message, JSON.stringify(body));
  }
  assert.deepEqual(requests, []);
});

test('/openapi.json describes the body as accepted: integers or decimal strings, one value or an array', () => {
  const doc = getOpenApiDocument() as { paths: Record<string, Record<string, { requestBody: { content: Record<string, { schema: { properties: Record<string, unknown>; additionalProperties: unknown } }> } }>> };
  const schema = doc.paths['/api/search']!.post!.requestBody.content['application/json']!.schema;
  const { properties } = schema;
  assert.deepEqual(properties.page, { description: '1-based page number (default: 1)', anyOf: [{ type: 'integer', minimum: 1, maximum: 1000 }, { type: 'string', pattern: '^\\d{1,9}$' }] });
  assert.deepEqual((properties.hitsPerPage as { anyOf: unknown[] }).anyOf, [{ type: 'integer', minimum: 1, maximum: 50 }, { type: 'string', pattern: '^\\d{1,9}$' }]);
  const year = { anyOf: [{ type: 'integer', minimum: 2018 }, { type: 'string', pattern: '^\\d{4}$' }] };
  assert.deepEqual((properties.year as { anyOf: unknown[] }).anyOf, [year, { type: 'array', maxItems: 30, items: year }]);
  const project = (properties.project as { anyOf: { type: string }[] }).anyOf;
  assert.deepEqual(project.map((option) => option.type), ['string', 'array']);
  assert.equal((properties.q as { type: string }).type, 'string');
  assert.equal(schema.additionalProperties, false);
});
