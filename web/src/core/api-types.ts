// The API's answers as the browser code sees them. Type-only imports: nothing of api/ is bundled.
import type { ApiRecord } from '../../../api/api-record.ts';
import type { FacetCounts, SearchHit, SearchResult, SortOrder } from '../../../api/search-backend.ts';

export type { ApiRecord, FacetCounts, SearchHit, SearchResult, SortOrder };

/** The sort orders of `GET /api/search`, in the order the page offers them. */
export const SORT_ORDERS: readonly SortOrder[] = ['relevance', 'newest', 'oldest'];
