import type { SearchBackend, SearchResult } from '../../src/contract/search-backend.ts';

/** A search backend without Meilisearch, for tests of the HTTP layer alone. */
export function createFakeSearchBackend(overrides: Partial<SearchBackend> = {}): SearchBackend {
  const empty: SearchResult = { query: '', page: 1, hitsPerPage: 10, totalHits: 0, totalPages: 0, processingTimeMs: 0, hits: [], facets: { projects: {}, years: {}, kinds: {} }, strongHits: 0, detectedProject: null, detectedProjects: [], searchedFor: '' };
  return {
    search: async (params) => ({ ...empty, query: params.q, searchedFor: params.q, page: params.page, hitsPerPage: params.hitsPerPage }),
    getRecord: async () => null,
    facets: async () => ({ projects: {}, years: {}, kinds: {}, total: 0 }),
    health: async () => ({ available: true, documents: 1 }),
    ...overrides,
  };
}
