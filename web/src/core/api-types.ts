// The API's answers as the browser code sees them: the contract in src/contract/ (type-only
// imports and plain constants: nothing of zod or the server is bundled).
import type { ApiRecord } from '../../../src/contract/api-record.ts';
import type { FacetCounts, SearchAnswer, SearchHit } from '../../../src/contract/search-result.ts';
import type { SortOrder } from '../../../src/contract/search-constants.ts';

export type { ApiRecord, FacetCounts, SearchAnswer, SearchHit, SortOrder };
export { SORT_ORDERS } from '../../../src/contract/search-constants.ts';
