import assert from 'node:assert/strict';
import { test } from 'node:test';
import { getRequestClient } from '../api/get-request-client.ts';
import { toSearchRequest, type SearchRequest } from '../src/contract/request-schemas.ts';
import { toSearchEvent } from '../api/to-search-event.ts';

const params = (patch: Partial<SearchRequest> = {}): SearchRequest => toSearchRequest({ q: 'jraft 超时', ...patch });
const context = { client: 'page' as const, origin: null, latencyMs: 12.345, now: 1_700_000_000_000 };

test('a search answer maps to its event; strong hits and the detected project are read wherever the answer has them', () => {
  const plain = toSearchEvent(params({ project: ['MOSN'], year: [2021], sort: 'newest' }), { totalHits: 7, hits: [{}, {}] }, context);
  assert.deepEqual(plain, {
    kind: 'search', ts: 1_700_000_000_000, query: 'jraft 超时', filters: '{"projects":["MOSN"],"years":[2021],"sort":"newest"}',
    hits: 7, strongHits: null, project: null, latencyMs: 12.3, client: 'page', origin: null,
  });
  assert.equal(toSearchEvent(params(), { totalHits: 3, strongHits: 2 }, context)?.strongHits, 2);
  assert.equal(toSearchEvent(params(), { totalHits: 3, hits: [{ match: 'strong' }, { match: 'weak' }, { match: 'strong' }] }, context)?.strongHits, 2);
  assert.equal(toSearchEvent(params(), { totalHits: 3, hits: [{ match: 'weak' }] }, context)?.strongHits, 0);
  assert.equal(toSearchEvent(params(), { detectedProject: 'SOFAJRaft' }, context)?.project, 'SOFAJRaft');
  assert.equal(toSearchEvent(params(), { intent: { project: 'MOSN' } }, context)?.project, 'MOSN');
  assert.equal(toSearchEvent(params(), null, context)?.hits, 0, 'an odd answer still maps');
  assert.equal(toSearchEvent(params({ page: 2 }), { totalHits: 30 }, context), null, 'a page turn is not a new search');
});

test('where a request came from: the widget on another origin, this service\'s pages, or the API', () => {
  const req = (headers: Record<string, string>) => ({ get: (name: string) => headers[name.toLowerCase()] }) as Parameters<typeof getRequestClient>[0];
  assert.deepEqual(getRequestClient(req({ host: 'faq.example.org', origin: 'https://Docs.Example.com' })), { client: 'widget', origin: 'https://docs.example.com' });
  assert.deepEqual(getRequestClient(req({ host: 'faq.example.org', origin: 'https://faq.example.org' })), { client: 'page', origin: null });
  assert.deepEqual(getRequestClient(req({ host: 'faq.example.org', 'sec-fetch-site': 'same-origin' })), { client: 'page', origin: null });
  assert.deepEqual(getRequestClient(req({ host: 'faq.example.org' })), { client: 'api', origin: null });
  assert.deepEqual(getRequestClient(req({ host: 'faq.example.org', origin: 'null' })), { client: 'api', origin: null }, 'an opaque origin is not kept');
});
