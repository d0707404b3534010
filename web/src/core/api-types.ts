// The API's answers as the browser code sees them: the contract in src/contract/ (type-only
// imports and plain constants: nothing of zod or the server is bundled).
import type { ApiRecord } from '../../../src/contract/api-record.ts';
import type { FacetCounts, SearchAnswer, SearchHit } from '../../../src/contract/search-result.ts';
import type { SortOrder } from '../../../src/contract/search-constants.ts';

/** A search's answer as the API sends it (the canonical names of the projects searched included). */
type SearchResult = SearchAnswer;

export type { ApiRecord, FacetCounts, SearchHit, SearchResult, SortOrder };
export { SORT_ORDERS } from '../../../src/contract/search-constants.ts';
