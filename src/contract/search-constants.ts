/**
 * The constants of the search API that the server and the browser code share: plain values,
 * no zod, so the page and widget bundles import them without pulling in a validator.
 */
import { RECORD_KINDS, RECORD_LANGS, type RecordKind, type RecordLang } from '../qa-record.ts';

/** Sort orders of `GET /api/search`, in the order the page offers them. */
export const SORT_ORDERS = ['relevance', 'newest', 'oldest'] as const;
export type SortOrder = (typeof SORT_ORDERS)[number];

/** Where a record comes from (a weekly post's Q&A, a project's FAQ page): the record's own list. */
export const KINDS = RECORD_KINDS;
export type Kind = RecordKind;

/** Language of a record. */
export const LANGS = RECORD_LANGS;
export type Lang = RecordLang;

/** `minMatch` values: `strong` keeps only the hits that answer the query. */
export const MIN_MATCHES = ['any', 'strong'] as const;
export type MinMatch = (typeof MIN_MATCHES)[number];

/**
 * `copies` values, for a pair posted in several weekly posts: `list` every copy (each naming the
 * others in `alsoIn`), or `fold` it into its best-ranked copy.
 */
export const COPIES = ['list', 'fold'] as const;
export type Copies = (typeof COPIES)[number];

/** Longest `q` of `GET /api/search`: a question with a pasted error (longer pastes: POST). */
export const MAX_QUERY_LENGTH = 4096;
/** Longest `q` of `POST /api/search`, for clients that paste whole logs. */
export const MAX_POST_QUERY_LENGTH = 65_536;
export const MAX_HITS_PER_PAGE = 50;
export const DEFAULT_HITS_PER_PAGE = 10;
/** Meilisearch returns at most 1000 hits for a query (`pagination.maxTotalHits`): no page beyond can have hits. */
export const MAX_PAGE = 1000;
/** Values of one repeatable parameter at most. */
export const MAX_REPEATS = 30;
/** First year of SOFA Weekly posts; years before it, or after the current one, are unknown. */
export const FIRST_YEAR = 2018;
